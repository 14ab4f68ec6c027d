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
    /// The text cells of each row, decoded.
    let texts = Mutex<[String: [[RowCells.Field: String]]]>([:])
    let path: String
    let all: Collector?

    init(path: String = "", all: Collector? = nil) {
      self.path = path
      self.all = all
    }

    func row(_ record: RowRecord, cells: RowCells) {
      (all ?? self).records.withLock { $0[path, default: []].append(record) }
      var text: [RowCells.Field: String] = [:]
      for field in RowCells.Field.allCases { text[field] = cells.text(field) }
      (all ?? self).texts.withLock { $0[path, default: []].append(text) }
    }
  }

  static func audit(_ inputs: [String], realization: [String] = [], year: Int) throws -> (
    AuditReport, [String: [RowRecord]]
  ) {
    let (report, records, _) = try audited(inputs, realization: realization, year: year)
    return (report, records)
  }

  static func audited(_ inputs: [String], realization: [String] = [], year: Int) throws -> (
    AuditReport, [String: [RowRecord]], [String: [[RowCells.Field: String]]]
  ) {
    let all = Collector()
    var request = AuditRequest(
      inputs: inputs, realizationFiles: realization, policy: try Support.defaultPolicy(), year: year)
    request.rowSink = { path in Collector(path: path, all: all) }
    let report = try AuditEngine.run(request)
    return (report, all.records.withLock { $0 }, all.texts.withLock { $0 })
  }

  @Test(
    "one record per row, and the reasons the report counts",
    arguments: [
      ([Support.fixture("kukar-2022")], [String](), 2022),
      ([Support.fixture("hand/boundary-plan.csv")], [Support.fixture("hand/realisasi-disdik.csv")], 2022),
      (
        [
          Support.fixture("exports/sirup-penyedia-2025.csv"),
          Support.fixture("exports/struktur-anggaran-2025.csv"),
          Support.fixture("exports/sipd-realisasi-dinkes.csv"),
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
    let (_, records) = try Self.audit([Support.fixture("exports/ekatalog-v6-orders.csv")], year: 2025)
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

  @Test("a record's text cells: identifier, description, account, vendor")
  func texts() throws {
    let (_, _, v6) = try Self.audited([Support.fixture("exports/ekatalog-v6-orders.csv")], year: 2025)
    let orders = try #require(v6.values.first)
    // The order's code, its RUP package name and the SIKaP vendor code (the v6 code is the
    // fallback); the MAK column is empty.
    #expect(orders.map { $0[.lineID] } == ["P1", "P2", "P3", "P4", "P5"])
    #expect(orders.map { $0[.description] } == ["ATK", "Laptop", "Seragam", "Meja", "Kursi"])
    #expect(orders.map { $0[.vendorCode] } == ["5001", "5002", "5003", "9999", "5001"])
    #expect(orders.allSatisfy { $0[.account] == nil && $0[.vendor] == nil })

    let path = Support.temporaryFile(
      """
      kode_opd;nama_opd;tahap;tanggal;id;uraian;kode_rekening;penyedia;npwp_penyedia;kab_kota_penyedia;nilai;umk
      1.01.0.00.0.00.01.0000;Dinas Pendidikan;realisasi;2025-03-01;B-1;  Kertas HVS  ;5.1.02.01.01.0024;CV Maju;01.234.567.8-901.000;Kutai Kartanegara;1.000;ya
      1.01.0.00.0.00.01.0000;Dinas Pendidikan;realisasi;2025-03-02;B-2;Tinta;5.1.02.01.01.0024;;;;2.000;ya;extra
      1.01.0.00.0.00.01.0000;Dinas Pendidikan;realisasi;2025-03-03;;Caf\u{E9};;;;;3.000;tidak

      """, name: "canonical-cells.csv")
    let (_, _, canonical) = try Self.audited([path], year: 2025)
    let rows = try #require(canonical.values.first)
    #expect(rows.count == 3)
    // Trimmed; every field read.
    #expect(
      rows[0] == [
        .lineID: "B-1", .description: "Kertas HVS", .account: "5.1.02.01.01.0024", .vendor: "CV Maju",
        .vendorNPWP: "01.234.567.8-901.000", .vendorRegion: "Kutai Kartanegara",
      ])
    // A ragged row keeps no cells: they are not where the header says.
    #expect(rows[1].isEmpty)
    // Empty cells are absent; UTF-8 is kept.
    #expect(rows[2] == [.description: "Caf\u{E9}"])
  }
}
