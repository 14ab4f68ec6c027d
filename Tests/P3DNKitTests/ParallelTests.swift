import Foundation
import Testing

@testable import P3DNKit

/// Reading a file in chunks on several threads gives exactly the single-threaded report,
/// including when chunk cuts fall inside quoted fields that hold line breaks.
@Suite("Parallel reading")
struct ParallelTests {
  static func json(_ report: AuditReport) -> String { JSONRenderer(language: .en).render(report) }

  @Test(
    "chunked reading equals sequential reading",
    arguments: [
      ("kukar-2022", 2, 64), ("kukar-2022", 3, 97), ("kukar-2022", 2, 4096),
      ("hand/boundary-plan.csv", 2, 16),
    ])
  func sameReport(_ fixture: String, _ threads: Int, _ chunkSize: Int) throws {
    let sequential = try Support.audit([Support.fixture(fixture)], year: 2022)
    let parallel = try Support.audit(
      [Support.fixture(fixture)], year: 2022, bufferSize: 64, threads: threads, chunkSize: chunkSize)
    #expect(Self.json(parallel) == Self.json(sequential))
  }

  @Test("cuts inside quoted multi-line fields are found and read again", arguments: [7, 13, 31, 50])
  func quotedLineBreaks(_ chunkSize: Int) throws {
    var text = "kode_opd;tahap;uraian;nilai;umk\n"
    for number in 0..<40 {
      let description = number % 3 == 0 ? "\"baris satu\nbaris dua\n\nbaris \"\"tiga\"\"\"" : "ATK"
      text +=
        "1.0\(number % 4).0.00.0.00.01.0000;rencana;\(description);\(number + 1).000;\(number % 2 == 0 ? "Ya" : "")\n"
    }
    text += "1.01;rencana;x;abc;Ya\n"
    let path = Support.temporaryFile(text)
    let sequential = try Support.audit([path], year: 2022)
    let parallel = try Support.audit([path], year: 2022, bufferSize: 16, threads: 2, chunkSize: chunkSize)
    #expect(Self.json(parallel) == Self.json(sequential))
    #expect(parallel.rejected.map(\.line) == sequential.rejected.map(\.line))
    #expect(parallel.inputs[0].rows == 41)
  }

  @Test(
    "a row identical to one of an earlier chunk is a duplicate, as when read in one piece",
    arguments: [16, 40, 97])
  func identicalRowsAcrossChunks(_ chunkSize: Int) throws {
    var text = "kode_opd;tahap;uraian;nilai\n"
    // Rows 0–19, then rows 0–9 again: ten duplicates, in chunks after their originals.
    for number in (0..<20).map({ $0 }) + (0..<10).map({ $0 }) {
      text += "1.0\(number % 3).0.00.0.00.01.0000;rencana;barang \(number);\(number + 1).000\n"
    }
    let path = Support.temporaryFile(text)
    let sequential = try Support.audit([path], year: 2022)
    let parallel = try Support.audit([path], year: 2022, bufferSize: 16, threads: 2, chunkSize: chunkSize)
    #expect(Self.json(parallel) == Self.json(sequential))
    #expect((sequential.inputs[0].included, sequential.inputs[0].count(.duplicate)) == (20, 10))
    // 1.000 + 2.000 + … + 20.000.
    #expect(parallel.district.plan?.total == m("210000"))
  }

  @Test("an error in a later chunk carries its real line")
  func errorLines() throws {
    var text = "kode_opd,tahap,nilai\n"
    for _ in 0..<30 { text += "1.01,rencana,5\n" }
    text += "1.01,anggaran,5\n"
    let path = Support.temporaryFile(text)
    #expect(throws: AuditError.badStageCell(path: path, line: 32, column: "tahap", value: "anggaran")) {
      try Support.audit([path], year: 2022, threads: 2, chunkSize: 20)
    }
  }

  @Test("the checksum of a file read in chunks is its SHA-256")
  func checksum() throws {
    let path = Support.fixture("kukar-2022/sirup-penyedia-2022.csv")
    let report = try Support.audit([path], year: 2022, threads: 2, chunkSize: 1000)
    let sequential = try Support.audit([path], year: 2022)
    #expect(report.inputs[0].sha256 == sequential.inputs[0].sha256)
    #expect(report.inputs[0].sha256.count == 64)
  }
}
