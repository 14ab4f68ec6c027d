import Foundation
import Testing

@testable import P3DNKit

/// `p3dn check` on `Fixtures/check`, worked by hand (Fixtures/check/README.md): Dinas
/// Pendidikan's plan of 2024 has five included lines, Rp 1.000.000.000 in all —
///
/// | line | amount | PDN | UMK-K | local |
/// |---|---|---|---|---|
/// | 2 | 100 M | ya | ya | ya |
/// | 3 | 300 M | ya | tidak | tidak |
/// | 4 | 150 M | ya | (empty) | (empty) |
/// | 5 | 200 M | tidak | tidak | ya |
/// | 6 | 250 M | ya | nilai_umk 100 M | (empty) |
///
/// so UMK-K is 200 M known (20%), 150 M unknown, and 200 M + 150 M < 40% of 1.000 M: it
/// fails, 200 M short. PDN is 800 M (80%) against 95%: 150 M short. Local is 300 M, with
/// 400 M unknown. Line 7 is rejected (bad amount), line 8 has no OPD code but the OPD's
/// name (rejected), line 9 repeats line 2 (duplicate), line 10 is of 2023 and line 11 is
/// out of the account scope.
@Suite("check: one OPD, what to fix")
struct OPDCheckTests {
  static let folder = Support.fixture("check")
  static let plan = Support.fixture("check/rencana.csv")
  static let realization = Support.fixture("check/realisasi.csv")

  func check(_ filter: String) throws -> CheckReport {
    var request = AuditRequest(inputs: [Self.folder], policy: try Support.defaultPolicy(), year: 2024)
    request.threads = 1
    return try OPDCheck.run(request, opd: filter)
  }

  @Test("the gap of each rule, and the fewest lines whose switch closes it")
  func gaps() throws {
    let report = try check("pendidikan")
    #expect(report.opd.code == "1.01.0.00.0.00.01.0000")
    let plan = try #require(report.stages.first { $0.stage == .plan })
    #expect(plan.figures?.total == m("1000000000"))
    let umkk = try #require(plan.rules.first { $0.check.metric == .umkk })
    #expect(umkk.check.status == .fail)
    #expect(umkk.check.gap == m("200000000"))
    // Shortfalls 300 M (line 3), 200 M (line 5), 150 M (line 6): one line is enough, and
    // the smallest one that closes 200 M is line 5.
    #expect(umkk.closingLines.map(\.line) == [5])
    #expect(umkk.closingAmount == m("200000000"))
    #expect(umkk.closesGap)
    let pdn = try #require(plan.rules.first { $0.check.metric == .pdn })
    #expect(pdn.check.status == .fail)
    #expect(pdn.check.gap == m("150000000"))
    #expect(pdn.closingLines.map(\.line) == [5])
    let local = try #require(plan.rules.first { $0.check.metric == .local })
    #expect(local.check.status == .info)
    #expect(local.closingLines.isEmpty)
    // Realization: 150 M of 180 M is UMK-K: it passes, nothing to close.
    let realized = try #require(report.stages.first { $0.stage == .realization })
    let passed = try #require(realized.rules.first { $0.check.metric == .umkk })
    #expect(passed.check.status == .pass)
    #expect(passed.closingLines.isEmpty)
    #expect(report.hasMandatoryBreach)
  }

  @Test("the fewest parts that reach a gap: largest first, the last the smallest that still reaches it")
  func fewest() {
    let parts = [m("300"), m("200"), m("150")]
    #expect(CheckBuilder.fewestReaching(m("200"), parts) == [1])
    #expect(CheckBuilder.fewestReaching(m("300"), parts) == [0])
    #expect(CheckBuilder.fewestReaching(m("301"), parts) == [0, 2])
    #expect(CheckBuilder.fewestReaching(m("450"), parts) == [0, 2])
    #expect(CheckBuilder.fewestReaching(m("451"), parts) == [0, 1])
    #expect(CheckBuilder.fewestReaching(m("650"), parts) == [0, 1, 2])
    // Not enough even with all of them: all of them.
    #expect(CheckBuilder.fewestReaching(m("700"), parts) == [0, 1, 2])
    #expect(CheckBuilder.fewestReaching(m("1"), []) == [])
  }

  @Test("unknown and non-qualifying lines: by amount, and their parts sum to the stage's figures")
  func lines() throws {
    let report = try check("1.01")
    let plan = try #require(report.stages.first { $0.stage == .plan })
    #expect(plan.unknownLines.map(\.line) == [6, 4])
    #expect(plan.unknownLines.map(\.metrics) == [[.local], [.umkk, .local]])
    #expect(plan.unknownLines[1].missing[.umkk] == ["nilai_umk", "umk"])
    #expect(plan.unknownLines[1].missing[.local] == ["lokal"])
    #expect(plan.nonQualifyingLines.map(\.line) == [3, 6, 5])
    #expect(plan.nonQualifyingLines.map(\.metrics) == [[.umkk, .local], [.umkk], [.pdn, .umkk]])
    #expect(plan.nonQualifyingLines[1].parts[.umkk] == m("150000000"))
    let figures = try #require(plan.figures)
    for metric in Metric.allCases {
      let unknown = plan.unknownLines.compactMap { $0.parts[metric] }.reduce(MoneySum.zero, +)
      #expect(unknown == figures[metric].unknown, "\(metric)")
      let short = plan.nonQualifyingLines.compactMap { $0.parts[metric] }.reduce(MoneySum.zero, +)
      #expect(short == figures.total - figures[metric].amount - figures[metric].unknown, "\(metric)")
    }
    #expect(plan.unknownLines.allSatisfy { $0.path == Self.plan })
  }

  @Test("rejected, set-aside and other excluded rows of the OPD, and plan against realization")
  func setAside() throws {
    let report = try check("Dinas Pendidikan")
    let plan = try #require(report.stages.first { $0.stage == .plan })
    #expect(plan.rejected.map(\.line) == [7, 8])
    #expect(plan.rejected.map(\.code) == [.badAmount, .missingOPD])
    #expect(plan.rejected.map(\.column) == ["nilai", "kode_opd"])
    #expect(plan.rejected[1].amount == m("5000000"))
    #expect(plan.setAside.map(\.line) == [9])
    #expect(plan.setAside.first?.code == .duplicate)
    #expect(plan.setAside.first?.amount == m("100000000"))
    #expect(plan.excluded.map(\.code) == [.outOfScopeAccount, .otherYear])
    #expect(plan.excluded.map(\.amount) == [m("40000000"), m("20000000")])

    let links = try #require(report.links)
    #expect(links.plannedNotRealized.map(\.code) == ["1002", "1005", "1004", "1003"])
    #expect(
      links.plannedNotRealized.map(\.amount) == [
        m("300000000"), m("250000000"), m("200000000"), m("150000000"),
      ])
    #expect(links.realizedOutsidePlan.map(\.line) == [3])
    #expect(links.realizedOutsidePlan.first?.rupCodes == ["9999"])
    #expect(links.realizedWithoutCode == LineTotal(lines: 1, total: m("30000000")))
    #expect(report.setAsideFiles.isEmpty)
  }

  @Test("an OPD is named by its code, its exact name, or one match; else the candidates, exit 2")
  func matching() throws {
    #expect(try check("1.02.0.00.0.00.02.0000").opd.name == "Dinas Kesehatan")
    // The exact name wins over the longer one that also holds it.
    #expect(try check("dinas kesehatan").opd.code == "1.02.0.00.0.00.02.0000")
    #expect(try check("hewan").opd.code == "1.03.0.00.0.00.03.0000")
    #expect {
      _ = try check("kesehatan")
    } throws: { error in
      guard case AuditError.severalOPDs(_, let matches) = error else { return false }
      return matches == [
        "1.02.0.00.0.00.02.0000 Dinas Kesehatan", "1.03.0.00.0.00.03.0000 Dinas Kesehatan Hewan",
      ]
    }
    #expect {
      _ = try check("Dinas Pendidkan")
    } throws: { error in
      guard case AuditError.noSuchOPD(_, let closest) = error else { return false }
      return closest.first == "1.01.0.00.0.00.01.0000 Dinas Pendidikan"
    }

    let several = try Binary.run([
      "check", Self.folder, "--year", "2024", "--opd", "kesehatan", "--lang", "en",
    ])
    #expect(several.status == 2)
    #expect(several.stdout == "")
    #expect(
      several.stderr.contains(
        "matches 2 OPDs: 1.02.0.00.0.00.02.0000 Dinas Kesehatan; 1.03.0.00.0.00.03.0000"))
  }

  @Test("--fail-on breach exits 1 for this OPD's mandatory failure only")
  func exitStatus() throws {
    let failing = try Binary.run([
      "check", Self.folder, "--year", "2024", "--opd", "1.01", "--fail-on", "breach",
    ])
    #expect(failing.status == 1)
    #expect(failing.stdout.contains("GAGAL"))
    // Dinas Kesehatan passes, though the district has a failing OPD.
    let passing = try Binary.run([
      "check", Self.folder, "--year", "2024", "--opd", "1.02", "--fail-on", "breach",
    ])
    #expect(passing.status == 0)
  }

  @Test("the table fits 80 columns, in both languages, with the gap in words")
  func table() throws {
    for language in ["id", "en"] {
      let run = try Binary.run(["check", Self.folder, "--year", "2024", "--opd", "1.01", "--lang", language])
      #expect(run.status == 0)
      let wide = run.stdout.split(separator: "\n").filter { $0.count > 80 }
      #expect(wide.isEmpty, "\(wide)")
    }
    let english = try Binary.run(["check", Self.folder, "--year", "2024", "--opd", "1.01", "--lang", "en"])
    #expect(english.stdout.contains("Rp 200.000.000 more UMK-K spending reaches 40%."))
    #expect(english.stdout.contains("Switching this line to UMK-K vendors closes it (Rp 200.000.000):"))
  }

  @Test("markdown: every section as a heading, hostile cells escaped")
  func markdown() throws {
    let folder = Support.temporaryFolder()
    let text = try String(contentsOfFile: Self.plan, encoding: .utf8)
      .replacingOccurrences(of: "PT Besar", with: "PT <b>|Besar</b>")
    let plan = folder + "/rencana.csv"
    try text.write(toFile: plan, atomically: true, encoding: .utf8)
    let run = try Binary.run([
      "check", plan, Self.realization, "--year", "2024", "--opd", "1.01", "--format", "markdown", "--lang",
      "en",
    ])
    #expect(run.status == 0)
    for heading in [
      "# OPD check: 1.01.0.00.0.00.01.0000 Dinas Pendidikan", "## PLAN: 5 lines, Rp 1.000.000.000",
      "### Classification unknown: 2 lines, largest first", "### Not qualifying: 3 lines, largest first",
      "### Rejected: 2 lines", "### Set aside (one spending, one count): 1 line",
      "## PLAN AND REALIZATION (RUP code)",
    ] {
      #expect(("\n" + run.stdout).contains("\n" + heading + "\n"), "\(heading)")
    }
    #expect(run.stdout.contains("PT \\<b\\>\\|Besar\\</b\\>"))
    #expect(!run.stdout.contains("<b>"))
    #expect(run.stdout.contains("closes it (Rp 200.000.000): `\(plan):5`"))
  }

  @Test("check from the files and from the ledger give the same answer")
  func ledger() throws {
    let folder = Support.temporaryFolder()
    let db = folder + "/ledger.sqlite"
    let ingest = try Binary.run(["ingest", Self.plan, Self.realization, "--db", db, "--as-of", "2024-12-31"])
    #expect(ingest.status == 0)
    let fromFiles = try Binary.run([
      "check", Self.plan, Self.realization, "--year", "2024", "--opd", "pendidikan", "--format", "json",
    ])
    let fromLedger = try Binary.run([
      "check", "--db", db, "--year", "2024", "--opd", "pendidikan", "--format", "json",
    ])
    #expect(fromFiles.status == 0)
    #expect(fromLedger.status == 0)
    #expect(fromFiles.stdout == fromLedger.stdout)
    let json = try #require(
      JSONSerialization.jsonObject(with: Data(fromFiles.stdout.utf8)) as? [String: Any])
    #expect(json["schema"] as? String == "p3dn.check.v1")
    let stages = try #require(json["stages"] as? [String: Any])
    let plan = try #require(stages["plan"] as? [String: Any])
    let checks = try #require(plan["checks"] as? [[String: Any]])
    #expect(checks.first?["gap"] as? String == "200000000.00")
    let unknown = try #require(plan["unknown_lines"] as? [[String: Any]])
    #expect(unknown.map { $0["line"] as? Int } == [6, 4])
  }

  @Test(
    "on a real download folder, every OPD's lines add up to its figures, from the files and the ledger alike")
  func downloadFolder() throws {
    let folder = Support.fixture("inaproc")
    var request = AuditRequest(inputs: [folder], policy: try Support.defaultPolicy(), year: 2024)
    request.threads = 1
    let audit = try AuditEngine.run(request)
    #expect(audit.opds.count > 10)
    var setAside = 0
    for opd in audit.opds {
      let report = try OPDCheck.run(request, opd: opd.code)
      #expect(report.opd.code == opd.code)
      for stage in report.stages {
        guard let figures = stage.figures else { continue }
        for metric in Metric.allCases {
          let unknown = stage.unknownLines.compactMap { $0.parts[metric] }.reduce(MoneySum.zero, +)
          #expect(unknown == figures[metric].unknown, "\(opd.code) \(stage.stage) \(metric)")
          let short = stage.nonQualifyingLines.compactMap { $0.parts[metric] }.reduce(MoneySum.zero, +)
          #expect(short == figures.total - figures[metric].amount - figures[metric].unknown)
        }
        setAside += stage.setAside.count
      }
    }
    // The contracts that repeat results, and the 1058 lines of 1057 records, are listed.
    #expect(setAside > 0)

    let db = Support.temporaryFolder() + "/ledger.sqlite"
    #expect(try Binary.run(["ingest", folder, "--db", db]).status == 0)
    for code in ["626131", "452677"] {
      let fromFiles = try Binary.run(["check", folder, "--year", "2024", "--opd", code, "--format", "json"])
      let fromLedger = try Binary.run([
        "check", "--db", db, "--year", "2024", "--opd", code, "--format", "json",
      ])
      #expect(fromFiles.status == 0)
      #expect(fromFiles.stdout == fromLedger.stdout, "\(code)")
    }
    let table = try Binary.run(["check", folder, "--year", "2024", "--opd", "626131"])
    #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }
}
