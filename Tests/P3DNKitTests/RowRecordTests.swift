import Foundation
import Synchronization
import Testing

@testable import P3DNKit

/// The record of every row, as the ledger will keep it: one per row read, with the reason
/// the report counts.
@Suite("Row records")
struct RowRecordTests {
  final class Collector: RowSink {
    let records = Mutex<[String: [RowRecord]]>([:])
    let path: String
    let all: Collector?

    init(path: String = "", all: Collector? = nil) {
      self.path = path
      self.all = all
    }

    func row(_ record: RowRecord) {
      (all ?? self).records.withLock { $0[path, default: []].append(record) }
    }
  }

  static func audit(_ inputs: [String], realization: [String] = [], year: Int) throws -> (
    AuditReport, [String: [RowRecord]]
  ) {
    let all = Collector()
    var request = AuditRequest(
      inputs: inputs, realizationFiles: realization, policy: try Support.defaultPolicy(), year: year)
    request.rowSink = { path in Collector(path: path, all: all) }
    let report = try AuditEngine.run(request)
    return (report, all.records.withLock { $0 })
  }

  @Test(
    "one record per row, and the reasons the report counts",
    arguments: [
      ([Support.fixture("kukar-2022")], [String](), 2022),
      ([Support.fixture("hand/boundary-plan.csv")], [Support.fixture("hand/realisasi-disdik.csv")], 2022),
      (
        [
          Support.fixture("hand/exports/sirup-penyedia-2025.csv"),
          Support.fixture("hand/exports/struktur-anggaran-2025.csv"),
          Support.fixture("hand/exports/sipd-realisasi-dinkes.csv"),
          Support.sharedData("excerpts/39_1058_SPSE-PencatatanNonTenderRealisasi.json"),
          Support.sharedData("SPSE-PencatatanSwakelola_1059.csv"),
        ], [], 2025
      ),
    ])
  func records(inputs: [String], realization: [String], year: Int) throws {
    let (report, records) = try Self.audit(inputs, realization: realization, year: year)
    #expect(records.count == report.inputs.count)
    for input in report.inputs {
      let rows = records[input.path] ?? []
      #expect(rows.count == input.rows, "\(input.path)")
      #expect(rows.map(\.line) == rows.map(\.line).sorted(), "\(input.path): file order")
      var reasons: [ReasonCode: Int] = [:]
      for row in rows {
        if let reason = row.reason {
          reasons[reason, default: 0] += 1
        } else if let rowYear = row.fiscalYear, rowYear != year {
          reasons[.otherYear, default: 0] += 1
        }
      }
      let counted = Dictionary(uniqueKeysWithValues: input.excludedByReason + input.rejectedByReason)
      #expect(reasons == counted, "\(input.path)")
      #expect(rows.filter { $0.reason == nil }.count - (reasons[.otherYear] ?? 0) == input.included)
    }
    let rejected = report.inputs.flatMap { input in
      (records[input.path] ?? []).filter { $0.reason?.isRejection == true }.map { "\(input.path):\($0.line)" }
    }
    #expect(rejected == report.rejected.map { "\($0.path):\($0.line)" })
  }

  @Test("a record carries the parsed fields and the classification of its line")
  func fields() throws {
    let (_, records) = try Self.audit([Support.fixture("hand/exports/ekatalog-v6-orders.csv")], year: 2025)
    let rows = try #require(records.values.first)
    // P1: Dinas Pendidikan, realization, 1.000.000, RUP codes 111 and 222.
    let first = try #require(rows.first)
    #expect(first.line == 2)
    #expect(first.reason == nil)
    #expect(first.opdCode == "1.01.0.00.0.00.01.0000")
    #expect(first.opdName == "Dinas Pendidikan")
    #expect(first.stage == .realization)
    #expect(first.fiscalYear == 2025)
    #expect(first.amount == Money(sen: 100_000_000))
    #expect(first.rupCodes == ["111", "222"])
    #expect(first.classification?.umkkSource == .unknown)
    // P5 is cancelled.
    #expect(rows.last?.reason == .cancelled)
  }
}
