import Foundation
import GRDB
import Testing

@testable import P3DNKit
@testable import P3DNLedger

/// The ledger on fresh temporary databases.
@Suite("Ledger: ingest, sources, forget, check")
struct LedgerTests {
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  static func fixture(_ relative: String) -> String {
    root.appendingPathComponent("Fixtures/" + relative).path
  }

  static func database() -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "p3dn-ledger-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("p3dn.sqlite").path
  }

  static let exports = [
    fixture("exports/sirup-penyedia-2025.csv"), fixture("exports/ekatalog-v6-orders.csv"),
    fixture("exports/struktur-anggaran-2025.csv"),
  ]

  static func policy() throws -> Policy { try PolicyLoader.builtIn() }

  @Test("every row is stored; the sources carry the audit's counts; the check is clean")
  func ingest() throws {
    let ledger = try Ledger(path: Self.database())
    let outcomes = try ledger.ingest(Self.exports, policy: try Self.policy(), asOf: nil, today: "2025-10-01")
    #expect(outcomes.count == 3)
    let sources = try ledger.sources()
    // The same files through the audit, one by one: the same counts.
    for (source, path) in zip(sources, Self.exports) {
      var request = AuditRequest(inputs: [path], policy: try Self.policy())
      request.requireSingleYear = false
      let input = try #require(try AuditEngine.run(request).inputs.first)
      #expect(source.path == path)
      #expect(source.sha256 == input.sha256)
      #expect(source.profile == input.profile)
      #expect(
        (source.rows, source.included, source.excluded, source.rejected)
          == (input.rows, input.included, input.excluded, input.rejected))
      #expect(source.asOf == "2025-10-01")
    }
    #expect(sources.map(\.stage) == ["plan", "realization", nil])
    #expect(sources.map(\.fiscalYear) == [2025, 2025, 2025])
    #expect(try ledger.check() == [])
    // The e-Katalog orders: 5 rows, P5 cancelled, P1 1.000.000 with RUP codes 111;222.
    let queue = try DatabaseQueue(path: ledger.path)
    try queue.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT line, reason, amount_sen, rup_codes, line_id, description, vendor_code, account
          FROM row WHERE source_id = 2 ORDER BY position
          """)
      #expect(rows.count == 5)
      #expect(rows.first?["amount_sen"] == 100_000_000 as Int64)
      #expect(rows.first?["rup_codes"] == "111;222")
      #expect(rows.last?["reason"] == "cancelled")
      // The text cells: order code, package name, the SIKaP vendor code; no MAK.
      #expect(rows.map { $0["line_id"] as String? } == ["P1", "P2", "P3", "P4", "P5"])
      #expect(rows.map { $0["description"] as String? } == ["ATK", "Laptop", "Seragam", "Meja", "Kursi"])
      #expect(rows.map { $0["vendor_code"] as String? } == ["5001", "5002", "5003", "9999", "5001"])
      #expect(rows.allSatisfy { ($0["account"] as String?) == nil })
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM row WHERE is_budget") == 3)
    }
  }

  @Test("rows beyond one batch go in whole, in order, with their values")
  func manyRows() throws {
    // 2,345 rows: two full batches of 1,024 and a last one that ends in single inserts.
    let count = 2_345
    var text = "kode_opd;nama_opd;tahap;tanggal;uraian;penyedia;nilai;umk\n"
    for index in 1...count {
      text +=
        "1.01.0.00.0.00.01.0000;Dinas Pendidikan;realisasi;2025-03-01;item \(index);CV \(index % 7);\(index),00;ya\n"
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "p3dn-many-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("many.csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    let ledger = try Ledger(path: Self.database())
    _ = try ledger.ingest([file], policy: try Self.policy(), asOf: nil, today: "2025-10-01")
    #expect(try ledger.check() == [])
    let queue = try DatabaseQueue(path: ledger.path)
    try queue.read { db in
      let rows = try Row.fetchAll(
        db, sql: "SELECT position, line, description, vendor, amount_sen, umkk_sen FROM row ORDER BY rowid")
      #expect(rows.count == count)
      #expect(rows.map { $0["position"] as Int } == Array(1...count))
      // Line 1 is the header.
      #expect(rows.map { $0["line"] as Int } == Array(2...count + 1))
      #expect(rows.map { $0["description"] as String } == (1...count).map { "item \($0)" })
      #expect(rows.map { $0["vendor"] as String } == (1...count).map { "CV \($0 % 7)" })
      // Rp index,00 is index × 100 sen: the sum of 1…2,345 is 2,750,685.
      #expect(rows.reduce(0) { $0 + ($1["amount_sen"] as Int64) } == 275_068_500)
      #expect(rows.allSatisfy { ($0["umkk_sen"] as Int64?) == ($0["amount_sen"] as Int64?) })
    }
  }

  @Test("as of: the export's snapshot date, else its newest row date, else today")
  func asOf() throws {
    let ledger = try Ledger(path: Self.database())
    let shared = Self.root.appendingPathComponent("Fixtures/isb-kab-bandung-2025")
    let outcomes = try ledger.ingest(
      [shared.appendingPathComponent("SPSE-PencatatanNonTender_1057.csv").path],
      realization: [Self.fixture("hand/realisasi-disdik.csv")], policy: try Self.policy(), asOf: nil,
      today: "2026-01-01")
    // 1057: every `_event_date` is 2025-10-10. The treasurer's sheet: 15/03/2022 and
    // 12 Maret 2022, so 2022-03-15.
    #expect(try ledger.sources().map(\.asOf) == ["2025-10-10", "2022-03-15"])
    #expect(outcomes.count == 2)
  }

  @Test(
    "a report from the ledger equals the audit of the same files, in every format",
    arguments: [
      (["kukar-2022"], [String](), 2022, ReadingCase.plain),
      (["hand/boundary-plan.csv"], ["hand/realisasi-disdik.csv"], 2022, .plain),
      (
        [
          "exports/sirup-penyedia-2025.csv", "exports/struktur-anggaran-2025.csv",
          "exports/ekatalog-v6-orders.csv", "exports/nontender-realisasi-pu.csv",
          "exports/sipd-realisasi-dinkes.csv",
        ], [], 2025, .plain
      ),
      // With a vendor list, and a sheet read through a mapping.
      (
        ["exports/ekatalog-v6-orders.csv", "exports/ekatalog-v5-orders.csv"], [], 2025,
        .vendors("exports/daftar-penyedia.csv")
      ),
      (["exports/rekap-toko.csv"], [], 2025, .mapping("exports/rekap-toko.map.toml")),
    ])
  func reportEqualsAudit(inputs: [String], realization: [String], year: Int, reading: ReadingCase) throws {
    let paths = inputs.map(Self.fixture)
    let realizationPaths = realization.map(Self.fixture)
    let ledger = try Ledger(path: Self.database())
    var request = AuditRequest(
      inputs: paths, realizationFiles: realizationPaths, policy: try Self.policy(), year: year)
    switch reading {
    case .plain: break
    case .vendors(let path): request.vendorsPath = Self.fixture(path)
    case .mapping(let path): request.mapPath = Self.fixture(path)
    }
    _ = try ledger.ingest(request, asOf: nil, today: "2026-01-01")
    request.threads = 1
    let audit = try AuditEngine.run(request)
    let fromLedger = try ledger.report(request, asOf: nil)
    if case .vendors = reading {
      #expect(fromLedger.vendors != nil && fromLedger.vendors == audit.vendors)
    }
    #expect(JSONRenderer(language: .en).render(fromLedger) == JSONRenderer(language: .en).render(audit))
    #expect(TableRenderer(language: .id).render(fromLedger) == TableRenderer(language: .id).render(audit))
    #expect(CSVRenderer().render(fromLedger) == CSVRenderer().render(audit))
    #expect(
      MarkdownRenderer(language: .en).render(fromLedger) == MarkdownRenderer(language: .en).render(audit))
    // And with the budget denominator where there is a budget.
    if inputs.contains(where: { $0.contains("struktur") }) {
      request.denominator = .budget
      #expect(
        JSONRenderer(language: .en).render(try ledger.report(request, asOf: nil))
          == JSONRenderer(language: .en).render(try AuditEngine.run(request)))
    }
  }

  /// How the files of a case are read.
  enum ReadingCase: Sendable, CustomTestStringConvertible {
    case plain
    case vendors(String)
    case mapping(String)

    var testDescription: String {
      switch self {
      case .plain: "as detected"
      case .vendors(let path): "with the vendor list \(path)"
      case .mapping(let path): "through the mapping \(path)"
      }
    }
  }

  @Test("a newer pull of the same export supersedes the older one from its as-of date on")
  func snapshots() throws {
    let ledger = try Ledger(path: Self.database())
    let policy = try Self.policy()
    let september = Self.fixture("exports/sirup-penyedia-2025.csv")
    // October's pull: the same packages, one more.
    let october = FileManager.default.temporaryDirectory.appendingPathComponent(
      "p3dn-oct-\(UUID().uuidString).csv")
    try
      (String(contentsOfFile: september, encoding: .utf8)
      + "2025,1.03.0.00.0.00.03.0000,Dinas PU,1000,Aspal,400000,PDN,UKM\n").write(
        to: october, atomically: true, encoding: .utf8)
    _ = try ledger.ingest([september], policy: policy, asOf: "2025-09-30", today: "2026-01-01")
    _ = try ledger.ingest([october.path], policy: policy, asOf: "2025-10-31", today: "2026-01-01")
    let request = AuditRequest(inputs: [], policy: policy, year: 2025)
    // Plan totals: September 12.100.000; October 12.500.000.
    #expect(
      try ledger.report(request, asOf: "2025-09-30").district.plan?.total == MoneySum(sen: 1_210_000_000))
    #expect(
      try ledger.report(request, asOf: "2025-10-31").district.plan?.total == MoneySum(sen: 1_250_000_000))
    #expect(try ledger.report(request, asOf: nil).district.plan?.total == MoneySum(sen: 1_250_000_000))
    #expect(try ledger.current(asOf: "2025-10-15").map(\.path) == [september])
    #expect(throws: LedgerError.nothingAsOf("2025-01-01")) { try ledger.report(request, asOf: "2025-01-01") }
    // The trend, August to October: no data yet, then September's pull, then October's.
    // UMK-K of the plan: 7.100.000 / 12.100.000 = 58.68%, then 7.500.000 / 12.500.000 = 60%.
    let trend = try ledger.trend(request, from: "2025-08", to: "2025-10")
    #expect(trend.fiscalYear == 2025)
    #expect(trend.months.map(\.month) == ["2025-08", "2025-09", "2025-10"])
    #expect(trend.months[0].report == nil)
    #expect(
      trend.months.map { $0.report?.district.plan?.umkk.share?.fixed(separator: ".") } == [
        nil, "58.68", "60.00",
      ])
    let json = TrendRenderer(language: .en).json(trend)
    #expect(json.contains("\"schema\": \"p3dn.trend.v1\""))
    let csv = TrendRenderer(language: .en).csv(trend)
    #expect(
      csv.contains(
        "2025-10,,Kabupaten Kutai Kartanegara,plan,6,12500000.00,100,60,0,inpres-2-2022/umkk-40,pass"))
  }

  @Test("pulls of another KLPD (scope) or another fiscal year do not supersede one another")
  func scopes() throws {
    let ledger = try Ledger(path: Self.database())
    let policy = try Self.policy()
    // RUP codes are national: each KLPD's and year's packages have their own.
    func pull(_ klpd: String, year: Int, amount: Int) throws -> String {
      let rup = "\(klpd.dropFirst())\(year)"
      let file = FileManager.default.temporaryDirectory.appendingPathComponent(
        "p3dn-\(klpd)-\(year)-\(UUID().uuidString).csv")
      try """
      tahun_anggaran,kd_klpd,kd_satker_str,nama_satker,kd_rup,nama_paket,pagu,status_pdn,status_ukm
      \(year),\(klpd),1.01.0.00.0.00.01.0000,Dinas Pendidikan,\(rup),ATK,\(amount),PDN,UKM

      """.write(to: file, atomically: true, encoding: .utf8)
      return file.path
    }
    // Two KLPDs pulled in September, then the first one again in October.
    let september = try pull("D100", year: 2025, amount: 1_000)
    _ = try ledger.ingest([september], policy: policy, asOf: "2025-09-30", today: "2026-01-01")
    _ = try ledger.ingest(
      [try pull("D200", year: 2025, amount: 20_000)], policy: policy, asOf: "2025-09-30", today: "2026-01-01")
    _ = try ledger.ingest(
      [try pull("D100", year: 2024, amount: 300_000)], policy: policy, asOf: "2025-09-30", today: "2026-01-01"
    )
    let october = try pull("D100", year: 2025, amount: 4_000)
    _ = try ledger.ingest([october], policy: policy, asOf: "2025-10-31", today: "2026-01-01")
    var request = AuditRequest(inputs: [], policy: policy, year: 2025)
    // September: D100 1.000 + D200 20.000; October: D100's new 4.000 + D200 20.000.
    #expect(try ledger.report(request, asOf: "2025-09-30").district.plan?.total == MoneySum(sen: 2_100_000))
    let octoberReport = try ledger.report(request, asOf: "2025-10-31")
    #expect(octoberReport.district.plan?.total == MoneySum(sen: 2_400_000))
    // The September pull is listed as audit lists it: superseded by October's.
    let older = try #require(octoberReport.inputs.first { $0.path == september })
    #expect((older.rows, older.included, older.supersededBy) == (1, 0, october))
    #expect(older.excludedByReason.map(\.0) == [.superseded])
    // The 2024 pull of D100 is not superseded by its 2025 pulls.
    request.year = 2024
    #expect(try ledger.report(request, asOf: "2025-10-31").district.plan?.total == MoneySum(sen: 30_000_000))
  }

  @Test("a whole download folder: ingest and report give the figures audit gives")
  func wholeFolder() throws {
    let folder = Self.fixture("inaproc")
    let ledger = try Ledger(path: Self.database())
    let outcomes = try ledger.ingest([folder], policy: try Self.policy(), asOf: nil, today: "2026-06-30")
    #expect(outcomes.count == 19)
    let request = AuditRequest(inputs: [folder], policy: try Self.policy(), year: 2024)
    let audit = try AuditEngine.run(request)
    let fromLedger = try ledger.report(request, asOf: nil)
    #expect(fromLedger.district == audit.district)
    #expect(fromLedger.opds == audit.opds)
    // Results and contracts of one tender count once in both.
    let contracts = try #require(
      fromLedger.inputs.first { $0.path.hasSuffix("tender-ekontrak-kontrak_2024.xlsx") })
    #expect(contracts.included == 0)
    #expect((contracts.excludedByReason.first { $0.0 == .duplicate }?.1 ?? 0) > 0)
  }

  @Test("the same file twice changes nothing and says so")
  func twice() throws {
    let ledger = try Ledger(path: Self.database())
    _ = try ledger.ingest(Self.exports, policy: try Self.policy(), asOf: "2025-09-30", today: "2025-10-01")
    let again = try ledger.ingest(
      [Self.exports[1]], policy: try Self.policy(), asOf: "2025-10-31", today: "2025-10-31")
    guard case .unchanged(let source) = try #require(again.first) else {
      Issue.record("expected unchanged")
      return
    }
    #expect(source.asOf == "2025-09-30")
    #expect(try ledger.sources().count == 3)
  }

  @Test("a file that fails leaves the ledger exactly as it was")
  func atomic() throws {
    let path = Self.database()
    let ledger = try Ledger(path: path)
    _ = try ledger.ingest([Self.exports[0]], policy: try Self.policy(), asOf: nil, today: "2025-10-01")
    let broken = FileManager.default.temporaryDirectory.appendingPathComponent(
      "p3dn-broken-\(UUID().uuidString).csv")
    try "uraian,nilai\nATK,100\n".write(to: broken, atomically: true, encoding: .utf8)
    #expect(throws: LedgerError.self) {
      try ledger.ingest(
        [Self.exports[1], broken.path], policy: try Self.policy(), asOf: nil, today: "2025-10-01")
    }
    #expect(try ledger.sources().map(\.path) == [Self.exports[0]])
    let queue = try DatabaseQueue(path: path)
    #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM row") } == 5)

    // A file that fails deep inside, after whole batches of its rows were inserted: a
    // stage cell that is no stage on line 3,002.
    var text = "kode_opd;nama_opd;tahap;tanggal;uraian;nilai;umk\n"
    for index in 1...3_000 {
      text += "1.01.0.00.0.00.01.0000;Dinas Pendidikan;realisasi;2025-03-01;item \(index);1.000;ya\n"
    }
    text += "1.01.0.00.0.00.01.0000;Dinas Pendidikan;kemarin;2025-03-01;item;1.000;ya\n"
    let late = FileManager.default.temporaryDirectory.appendingPathComponent(
      "p3dn-late-\(UUID().uuidString).csv")
    try text.write(to: late, atomically: true, encoding: .utf8)
    #expect(
      throws: LedgerError.input(
        .badStageCell(path: late.path, line: 3_002, column: "tahap", value: "kemarin"))
    ) {
      try ledger.ingest([late.path], policy: try Self.policy(), asOf: nil, today: "2025-10-01")
    }
    #expect(try ledger.sources().map(\.path) == [Self.exports[0]])
    #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM row") } == 5)
    #expect(try ledger.check() == [])
  }

  @Test("forget removes one source and its rows")
  func forget() throws {
    let ledger = try Ledger(path: Self.database())
    _ = try ledger.ingest(Self.exports, policy: try Self.policy(), asOf: nil, today: "2025-10-01")
    let removed = try ledger.forget(2)
    #expect(removed.path == Self.exports[1])
    #expect(try ledger.sources().map(\.id) == [1, 3])
    #expect(try ledger.check() == [])
    #expect(throws: LedgerError.noSuchSource(id: 9)) { try ledger.forget(9) }
  }

  @Test("a ledger written by the first schema (v1) opens, migrates and reports as before")
  func migrates() throws {
    // Fixtures/ledger/v1.sqlite: three exports ingested as of 2025-09-30 by p3dn with
    // schema v1 only (before the rows' text and the sources' vendor list).
    let path = Self.database()
    try FileManager.default.copyItem(atPath: Self.fixture("ledger/v1.sqlite"), toPath: path)
    let before = try DatabaseQueue(path: path)
    #expect(
      try before.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") } == [
        "v1: sources and rows"
      ])
    try before.close()

    let ledger = try Ledger(path: path)
    let queue = try DatabaseQueue(path: path)
    try queue.read { db in
      #expect(try LedgerSchema.migrator.appliedIdentifiers(db) == Set(LedgerSchema.migrator.migrations))
      let columns = try db.columns(in: "row").map(\.name)
      #expect(columns.contains("description") && columns.contains("vendor_npwp"))
      // Rows stored before the migration have no text.
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM row WHERE description IS NOT NULL") == 0)
    }
    #expect(try ledger.check() == [])
    // The report from the sums v1 stored equals the audit of the same files today.
    let request = AuditRequest(inputs: Self.exports, policy: try Self.policy(), year: 2025)
    let audit = try AuditEngine.run(request)
    var fromLedger = try ledger.report(request, asOf: nil)
    #expect(
      fromLedger.inputs.map(\.path) == [
        "Fixtures/hand/exports/sirup-penyedia-2025.csv", "Fixtures/hand/exports/ekatalog-v6-orders.csv",
        "Fixtures/hand/exports/struktur-anggaran-2025.csv",
      ])
    #expect(fromLedger.inputs.map(\.sha256) == audit.inputs.map(\.sha256))
    #expect(fromLedger.district == audit.district)
    #expect(fromLedger.opds == audit.opds)
    // A new ingest goes in with its text; the report as of September is the same.
    _ = try ledger.ingest(
      [Self.fixture("exports/sipd-realisasi-dinkes.csv")], policy: try Self.policy(), asOf: "2025-10-15",
      today: "2025-10-15")
    #expect(try ledger.check() == [])
    let described = try queue.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM row WHERE source_id = 4 AND description IS NOT NULL")
    }
    #expect((described ?? 0) > 0)
    fromLedger = try ledger.report(request, asOf: "2025-09-30")
    #expect(fromLedger.district == audit.district)
  }

  @Test("a ledger from a newer version is refused; a bad --as-of is an error")
  func newer() throws {
    let path = Self.database()
    _ = try Ledger(path: path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')")
    }
    #expect(throws: LedgerError.newerSchema(path: path, migrations: ["v9: from the future"])) {
      _ = try Ledger(path: path)
    }
    let ledger = try Ledger(path: Self.database())
    #expect(throws: LedgerError.badDate("30/09/2025")) {
      try ledger.ingest(Self.exports, policy: try Self.policy(), asOf: "30/09/2025", today: "2025-10-01")
    }
  }

  @Test("two ingests at once into one ledger both succeed")
  func concurrent() async throws {
    let path = Self.database()
    _ = try Ledger(path: path)
    let policy = try Self.policy()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for file in Self.exports {
        group.addTask {
          let ledger = try Ledger(path: path)
          _ = try ledger.ingest([file], policy: policy, asOf: nil, today: "2025-10-01")
        }
      }
      try await group.waitForAll()
    }
    let ledger = try Ledger(path: path)
    #expect(Set(try ledger.sources().map(\.path)) == Set(Self.exports))
    #expect(try ledger.check() == [])
  }
}
