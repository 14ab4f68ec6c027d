import Foundation
import Testing

@testable import P3DNKit

/// `p3dn validate`: findings from hand-made files, the gate's rules, and the exit codes.
@Suite("validate: findings")
struct ValidatorTests {
  static let header = "kode_opd,nama_opd,tahap,tahun_anggaran,kode_rup,nilai,umk"

  func validate(_ inputs: [String], year: Int? = nil, gate: RuleGate = .never, max: Int = 1000) throws
    -> ValidationReport
  {
    var request = AuditRequest(inputs: inputs, policy: try Support.defaultPolicy(), year: year)
    request.threads = 1
    return try Validator.run(request, gate: gate, maxFindings: max)
  }

  /// A folder of files by name.
  func folder(_ files: [String: String]) throws -> String {
    let folder = Support.temporaryFolder()
    for (name, text) in files {
      try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    return folder
  }

  @Test("rejected rows are errors at their line and column; the counts are exact")
  func rejectedRows() throws {
    let text =
      [
        Self.header,
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,1,100,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,2,12.34.56,ya",
        ",Dinas A,rencana,2024,3,100,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,4,,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,5,100,Sedang",
      ].joined(separator: "\n") + "\n"
    let path = Support.temporaryFile(text, name: "rencana.csv")
    let report = try validate([path])
    #expect(report.errors == 3)
    #expect(report.warnings == 1)
    #expect(!report.isValid(werror: false))
    let rows = report.findings.filter { $0.line != nil }
    #expect(rows.map(\.code) == [.badAmount, .missingOPD, .missingAmount])
    #expect(rows.map(\.line) == [3, 4, 5])
    #expect(rows.map(\.columnNumber) == [6, 1, 6])
    #expect(rows.map(\.column) == ["nilai", "kode_opd", "nilai"])
    let flag = try #require(report.findings.first { $0.code == .unrecognizedFlag })
    #expect(flag.severity == .warning)
    #expect(flag.column == "umk")
    #expect(flag.columnNumber == 7)
    #expect(flag.message.en.contains("\"Sedang\""))
    #expect(
      report.counts.first?.codes.map(\.0) == [.badAmount, .missingAmount, .missingOPD, .unrecognizedFlag])

    // The listing is capped; the counts are not.
    let capped = try validate([path], max: 1)
    #expect(capped.findings.count == 1)
    #expect(capped.errors == 3)
    #expect(capped.omitted.values.reduce(0, +) == 3)
  }

  @Test("a file that cannot be read is a finding; the other files are still audited")
  func unreadableFiles() throws {
    let folder = try folder([
      "a-good.csv": Self.header + "\n1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,1,100,ya\n",
      "b-empty.csv": "   \n",
      "c-quote.csv": Self.header + "\n1.01.0.00.0.00.01.0000,\"Dinas A,rencana,2024,1,100,ya\n",
      "d-noheader.csv": "satu,dua\n1,2\n",
    ])
    let report = try validate([folder])
    #expect(report.findings.map(\.code) == [.emptyFile, .unterminatedQuote, .missingHeader])
    #expect(
      report.findings.map { $0.path.map { URL(fileURLWithPath: $0).lastPathComponent } } == [
        "b-empty.csv", "c-quote.csv", "d-noheader.csv",
      ])
    #expect(report.findings[1].line == 2)
    #expect(report.errors == 3)
    // The good file was read: its line is included.
    #expect(report.audit?.inputs.map(\.included) == [1])
  }

  @Test("with a gate, a failing mandatory rule is an error; undetermined only with --fail-on undetermined")
  func rules() throws {
    // Dinas A: UMK-K 30 of 100 known, 20 unknown → (30+20) ≥ 40: undetermined.
    // Dinas B: UMK-K 0 of 100 → fails.
    let text =
      [
        Self.header,
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,1,30,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,2,50,tidak",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,3,20,",
        "1.02.0.00.0.00.02.0000,Dinas B,rencana,2024,4,100,tidak",
      ].joined(separator: "\n") + "\n"
    let path = Support.temporaryFile(text, name: "rencana.csv")
    let never = try validate([path])
    #expect(never.errors == 0)
    let breach = try validate([path], gate: .breach)
    #expect(
      breach.findings.filter { $0.code == .ruleFailed }.map(\.message.en).contains { $0.contains("Dinas B") })
    // The district (30 of 200 known, 20 unknown: 50 < 80) and Dinas B fail.
    #expect(breach.findings.filter { $0.code == .ruleFailed }.count == 2)
    #expect(breach.findings.contains { $0.code == .ruleUndetermined } == false)
    let undetermined = try validate([path], gate: .undetermined)
    let stopped = undetermined.findings.filter { $0.code == .ruleUndetermined }
    #expect(stopped.count == 1)
    #expect(stopped.first?.message.en.contains("1.01.0.00.0.00.01.0000 Dinas A") == true)
    #expect(stopped.first?.rule == "inpres-2-2022/umkk-40")
  }

  @Test("copies, older pulls, repeated rows and realization outside the plan are warnings")
  func setAside() throws {
    let plan = Self.header + "\n1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,1,100,ya\n"
    let realization =
      [
        Self.header,
        "1.01.0.00.0.00.01.0000,Dinas A,realisasi,2024,1,60,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,realisasi,2024,9,40,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,realisasi,2024,9,40,ya",
      ].joined(separator: "\n") + "\n"
    let folder = try folder(["plan.csv": plan, "plan (1).csv": plan, "realisasi.csv": realization])
    let report = try validate([folder])
    let codes = Set(report.findings.map(\.code))
    #expect(codes == [.copy, .duplicateRows, .realizationNotInPlan])
    #expect(report.errors == 0)
    #expect(report.isValid(werror: false))
    #expect(!report.isValid(werror: true))
    let outside = try #require(report.findings.first { $0.code == .realizationNotInPlan })
    #expect(outside.message.en.contains("1 realization line (Rp 40) names a RUP code no plan holds"))
  }

  @Test("audit --format json counts each input's findings by code")
  func auditCounts() throws {
    let report = try Support.audit([Support.fixture("kukar-2022")], year: 2022)
    let bendahara = try #require(report.input("bendahara-dinkes-2022.csv"))
    let counts = Dictionary(uniqueKeysWithValues: Validator.counts(bendahara).map { ($0.0.rawValue, $0.1) })
    #expect(counts["ragged-row"] == 1)
    #expect(counts["bad-amount"] == 1)
    #expect(counts["bad-date"] == 1)
    #expect(counts["unrecognized-flag"] == 1)
    let json = JSONRenderer(language: .en).render(report)
    #expect(json.contains(#""findings": {"#))
  }

  @Test("the CLI: exit 1 with the findings on stderr whatever the format and output; 0 when valid")
  func exitCodes() throws {
    let dirty = try Binary.run([
      "validate", Support.fixture("kukar-2022"), "--year", "2022", "--format", "sarif", "--lang", "en",
    ])
    #expect(dirty.status == 1)
    #expect(dirty.stderr.contains("invalid: "))
    #expect(dirty.stderr.contains("error[bad-amount]"))
    // With the listing capped, the block still says how many more there are.
    let capped = try Binary.run([
      "validate", Support.fixture("kukar-2022"), "--year", "2022", "--max-findings", "2", "--lang", "en",
    ])
    #expect(capped.status == 1)
    #expect(capped.stderr.hasSuffix("  … and 10 more\n"))
    let sarif = try #require(JSONSerialization.jsonObject(with: Data(dirty.stdout.utf8)) as? [String: Any])
    #expect(sarif["version"] as? String == "2.1.0")
    let clean = try Binary.run(["validate", Support.fixture("check/realisasi.csv"), "--year", "2024"])
    #expect(clean.status == 0)
    #expect(clean.stderr == "")
    let gated = try Binary.run([
      "audit", Support.fixture("check"), "--year", "2024", "--fail-on", "breach", "--format", "json",
      "--output", Support.temporaryFolder() + "/report.json", "--lang", "en",
    ])
    #expect(gated.status == 1)
    #expect(gated.stdout == "")
    #expect(gated.stderr.contains("mandatory rule checks: "))
    #expect(
      gated.stderr.contains("1.01.0.00.0.00.01.0000 Dinas Pendidikan, plan: inpres-2-2022/umkk-40 FAIL"))
  }

  @Test("--fail-on undetermined: audit, check and validate exit 1 when the unknown lines leave a rule open")
  func undeterminedGate() throws {
    // Dinas A alone: UMK-K 30 of 100 known, 20 unknown: undetermined, not failed.
    let text =
      [
        Self.header,
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,1,30,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,2,50,tidak",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,3,20,",
      ].joined(separator: "\n") + "\n"
    let path = Support.temporaryFile(text, name: "rencana.csv")
    for command in [["audit", path], ["check", path, "--opd", "Dinas A"], ["validate", path]] {
      let breach = try Binary.run(command + ["--fail-on", "breach", "--lang", "en"])
      #expect(breach.status == 0, "\(command)")
      let open = try Binary.run(command + ["--fail-on", "undetermined", "--lang", "en"])
      #expect(open.status == 1, "\(command)")
      if command[0] == "validate" {
        #expect(open.stderr.contains("error[rule-undetermined]"))
      } else {
        #expect(open.stderr.contains("mandatory rule checks: 1 undetermined"))
        #expect(
          open.stderr.contains(
            "1.01.0.00.0.00.01.0000 Dinas A, plan: inpres-2-2022/umkk-40 UNDETERMINED (30.00%; min 40%)"))
      }
    }
  }

  @Test("total rows: a subtotal must be its lines, a grand total all lines; else total-mismatch at its line")
  func totals() throws {
    let text =
      [
        Self.header,
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,1,100,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,2,250,ya",
        "SUBTOTAL,,,,,350,",
        "1.02.0.00.0.00.02.0000,Dinas B,rencana,2024,3,-50,ya",
        "1.02.0.00.0.00.02.0000,Dinas B,rencana,2024,4,1.000,ya",
        "SUBTOTAL,,,,,900,",
        "JUMLAH,,,,,1.300,",
      ].joined(separator: "\n") + "\n"
    let report = try validate([Support.temporaryFile(text, name: "rencana.csv")])
    // The first subtotal is right (100 + 250); the second says 900 where its lines are
    // -50 + 1.000 = 950; the grand total 1.300 is all lines (100 + 250 - 50 + 1.000).
    let mismatches = report.findings.filter { $0.code == .totalMismatch }
    #expect(mismatches.map(\.line) == [7])
    #expect(mismatches.first?.severity == .error)
    #expect(mismatches.first?.columnNumber == 6)
    #expect(
      mismatches.first?.message.en.contains(
        "says Rp 900, but the lines above it (since the previous total row, if any) sum to Rp 950") == true)
    let negative = report.findings.filter { $0.code == .negativeAmount }
    #expect(negative.map(\.line) == [5])
    #expect(negative.first?.severity == .warning)
    #expect(report.errors == 1)
  }

  @Test("malformed cells: OPD code, account, NPWP and RUP code, each counted with its first lines")
  func malformedCells() throws {
    let text =
      [
        "kode_opd,nama_opd,tahap,tahun_anggaran,kode_rup,kode_rekening,npwp_penyedia,nilai,umk",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,101,5.1.02.01.01.0024,01.234.567.8-901.000,100,ya",
        "1.01.0.00.O.00.01.0000,Dinas A,rencana,2024,102,5.1.02.01.01.0024,01.234.567.8-901.000,100,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,RUP-3,5.1.02.01.01.0024,01.234.567.8-901.000,100,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,104,5.1.02..01,01.234.567.8-901.000,100,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,105,5.1.02.01.01.0024,1234,100,ya",
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,106,5.1.02.01.01.0024,1234,100,ya",
      ].joined(separator: "\n") + "\n"
    let report = try validate([Support.temporaryFile(text, name: "rencana.csv")])
    let found = report.findings.filter { $0.line != nil }.map {
      "\($0.code.rawValue):\($0.line ?? 0):\($0.columnNumber ?? 0)"
    }
    #expect(
      found == [
        "malformed-opd-code:3:1", "malformed-rup-code:4:5", "malformed-account:5:6", "malformed-npwp:6:7",
        "malformed-npwp:7:7",
      ])
    #expect(report.findings.allSatisfy { $0.severity == .warning })
    #expect(report.errors == 0)
    #expect(report.warnings == 5)
  }

  @Test("delimiters: a header no delimiter splits, and rows written with another delimiter")
  func delimiters() throws {
    let mixed =
      [
        Self.header,
        "1.01.0.00.0.00.01.0000,Dinas A,rencana,2024,1,100,ya",
        "1.01.0.00.0.00.01.0000;Dinas A;rencana;2024;2;100;ya",
      ].joined(separator: "\n") + "\n"
    let folder = try folder(["a.csv": mixed, "b.csv": "kode opd nama opd nilai\n1 Dinas 100\n"])
    let report = try validate([folder])
    let found = report.findings.map { "\($0.code.rawValue):\($0.line ?? 0):\($0.severity.rawValue)" }
    #expect(found == ["ragged-row:3:error", "mixed-delimiter:3:warning", "unknown-delimiter:0:error"])
    #expect(report.findings.last?.message.en.contains("(\"kode opd nama opd nilai\")") == true)
  }

  @Test("the exit status counts the district's checks with --opd, even outside the policy's region")
  func districtGate() throws {
    // The Kab. Bandung pull: its total is not the policy region's, yet CONTRACT §3 counts
    // the district's checks. The OPD asked for passes UMK-K in both stages; the total's
    // realization is undetermined (10,92% known, 83,88% unknown).
    let arguments = [
      "audit", Support.fixture("isb-kab-bandung-2025"), "--opd", "1.03.2.15.1.04.03.0000", "--lang", "en",
    ]
    let run = try Binary.run(arguments + ["--fail-on", "undetermined"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("mandatory rule checks: 1 undetermined"))
    #expect(
      run.stderr.contains("Kabupaten Kutai Kartanegara, realization: inpres-2-2022/umkk-40 UNDETERMINED"))
    #expect(try Binary.run(arguments + ["--fail-on", "breach"]).status == 0)
  }
}
