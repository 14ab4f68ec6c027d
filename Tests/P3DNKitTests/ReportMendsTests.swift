import Foundation
import Testing

@testable import P3DNKit

/// Where a report could mislead: a share with its unknown part hidden, a share rounded onto
/// the other side of a rule's minimum, the total of one OPD's inputs called the district's.
/// Every expected figure is worked out by hand in the comments.
@Suite("Report mends")
struct ReportMendsTests {
  // MARK: ShareText

  struct ShareCase: CustomTestStringConvertible, Sendable {
    let amountSen: Int128
    let totalSen: Int128
    let minimum: Percentage?
    let separator: Character
    let expected: String
    let why: String
    var testDescription: String { why }
  }

  static let forty = Percentage(whole: 40)

  static let shareCases: [ShareCase] = [
    // 39.9996%: 2 decimals give 40.00 and 3 give 40.000, both "meet" 40; 4 show the miss.
    ShareCase(
      amountSen: 39_999_600, totalSen: 100_000_000, minimum: forty, separator: ",", expected: "39,9996",
      why: "Rp 399.996 / Rp 1.000.000 fails 40%: 39,9996"),
    ShareCase(
      amountSen: 39_999_600, totalSen: 100_000_000, minimum: forty, separator: ".", expected: "39.9996",
      why: "the same in English"),
    // Rp 399.999,99 / Rp 1.000.000 = 39.999999% exactly: six decimals.
    ShareCase(
      amountSen: 39_999_999, totalSen: 100_000_000, minimum: forty, separator: ",", expected: "39,999999",
      why: "one sen short of 40% of Rp 1.000.000: 39,999999"),
    // Rp 399.999.999,99 / Rp 1.000.000.000 = 39.999999999%: six decimals round to 40.000000.
    ShareCase(
      amountSen: 39_999_999_999, totalSen: 100_000_000_000, minimum: forty, separator: ",",
      expected: "<40,00", why: "one sen short of 40% of Rp 1 billion: <40,00"),
    ShareCase(
      amountSen: 39_999_999_999, totalSen: 100_000_000_000, minimum: forty, separator: ".",
      expected: "<40.00", why: "the same in English"),
    ShareCase(
      amountSen: 40_000_000, totalSen: 100_000_000, minimum: forty, separator: ",", expected: "40,00",
      why: "exactly 40% passes: 40,00"),
    // 40.004% passes and rounds to 40.00, which is not below 40.
    ShareCase(
      amountSen: 40_004_000, totalSen: 100_000_000, minimum: forty, separator: ",", expected: "40,00",
      why: "40.004% passes: 40,00"),
    ShareCase(
      amountSen: 39_999_600, totalSen: 100_000_000, minimum: nil, separator: ",", expected: "40,00",
      why: "no minimum: two decimals as Share"),
    ShareCase(
      amountSen: 1, totalSen: 0, minimum: forty, separator: ",", expected: "-", why: "total 0: -"),
    ShareCase(
      amountSen: 1, totalSen: -100, minimum: forty, separator: ",", expected: "-", why: "negative total: -"),
    // −Rp 55.000 / Rp 1.000.000 = −5.5%, far below 40.
    ShareCase(
      amountSen: -5_500_000, totalSen: 100_000_000, minimum: forty, separator: ",", expected: "-5,50",
      why: "a negative amount: -5,50"),
    // 2/3 = 66.666…%: 66.67, above 40.
    ShareCase(
      amountSen: 200, totalSen: 300, minimum: forty, separator: ",", expected: "66,67",
      why: "far from the minimum: two decimals"),
    // min 40.004: 40.004% exactly reaches it but rounds to 40.00; three decimals show 40.004.
    ShareCase(
      amountSen: 40_004_000, totalSen: 100_000_000, minimum: Percentage(scaled: 40_004_000_000),
      separator: ",", expected: "40,004", why: "a minimum with three decimals, reached exactly"),
    // min 40.006: 40.0055% misses it; 2 decimals give 40.01 and 3 give 40.006 (half away
    // from zero), both "meet" it; 4 give 40.0055.
    ShareCase(
      amountSen: 40_005_500, totalSen: 100_000_000, minimum: Percentage(scaled: 40_006_000_000),
      separator: ",", expected: "40,0055", why: "rounding up across a minimum"),
    // min 40.0000001: 4_000_000_015 / 10^10 × 100 = 40.00000015% reaches it; six decimals give
    // 40.000000, below it.
    ShareCase(
      amountSen: 4_000_000_015, totalSen: 10_000_000_000, minimum: Percentage(scaled: 40_000_000_100),
      separator: ",", expected: "≥40,0000001", why: "reaching a minimum closer than six decimals"),
  ]

  @Test("ShareText: hand-worked shares against a minimum", arguments: shareCases)
  func shareText(_ example: ShareCase) {
    let text = ShareText.text(
      amount: MoneySum(sen: example.amountSen), total: MoneySum(sen: example.totalSen),
      minimum: example.minimum, separator: example.separator)
    #expect(text == example.expected)
  }

  @Test("ShareText: every minimum of a column is respected; no minimum is plain Share")
  func shareTextMinimums() {
    // 39.9996% against 40 and 95: 40 needs four decimals, 95 none.
    let amount = MoneySum(sen: 39_999_600)
    let total = MoneySum(sen: 100_000_000)
    #expect(
      ShareText.text(
        amount: amount, total: total, minimums: [Percentage(whole: 95), Self.forty], separator: ",")
        == "39,9996")
    #expect(ShareText.text(amount: amount, total: total, minimums: [], separator: ",") == "40,00")
    #expect(Share(amount: amount, total: total)?.fixed(separator: ",") == "40,00")
  }

  /// A share's text, read back as an exact decimal (nil for a bound).
  private func decimal(_ text: String) -> Decimal? {
    guard let first = text.first, first.isNumber || first == "-" else { return nil }
    return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
  }

  @Test("ShareText and the rule check never disagree around 40%")
  func shareTextAgreesWithCheck() throws {
    let policy = try Support.defaultPolicy()
    let rule = try #require(policy.rules.first { $0.id == "inpres-2-2022/umkk-40" })
    // Rp 1.000.000,00 and Rp 1.000.000.000,00; amounts within 20 sen of 40%.
    for total: Int128 in [100_000_000, 100_000_000_000] {
      let boundary = total * 40 / 100
      for amount in (boundary - 20)...(boundary + 20) {
        var sums = StageSums()
        sums.lines = 1
        sums.total = MoneySum(sen: total)
        sums.umkk.amount = MoneySum(sen: amount)
        let check = RuleCheck.evaluate(rule: rule, stage: .plan, sums: sums)
        let text = ShareText.text(
          amount: MoneySum(sen: amount), total: MoneySum(sen: total), minimum: rule.minimum, separator: ".")
        if let value = decimal(text) {
          #expect((value >= 40) == (check.status == .pass), "\(amount) / \(total): \(text)")
        } else {
          #expect(text == "<40.00" && check.status == .fail, "\(amount) / \(total): \(text)")
        }
      }
    }
  }

  // MARK: The audit report

  /// Two OPDs, plan, 2022 (UMK-K ≥ 40% applies; PDN and local are information):
  ///
  /// Dinas A: Rp 300.000 UMK/PDN/local + Rp 100.000 PDN with UMK and local unknown.
  ///   total Rp 400.000; UMK-K 300.000 → 75,00, unknown 100.000 → ?25,00 (pass);
  ///   PDN 400.000 → 100,00; local 300.000 → 75,00, unknown → ?25,00.
  /// Dinas B: Rp 399.999,99 UMK/PDN + Rp 600.000,01 neither, local not said.
  ///   total Rp 1.000.000; UMK-K 39,999999 (fail, one sen short); PDN 40,00 (no minimum);
  ///   local 0,00 ?100,00.
  /// District: total Rp 1.400.000; UMK-K 699.999,99 → 49,9999993 → 50,00, unknown 100.000
  ///   → 7,142857 → ?7,14; PDN 799.999,99 → 57,142856 → 57,14; local 300.000 → 21,428571
  ///   → 21,43, unknown 1.100.000 → 78,571428 → ?78,57.
  static let twoOPDs = """
    kode_opd,nama_opd,tahap,tahun_anggaran,nilai,umk,pdn,lokal
    1.01.0.00.0.00.01.0000,Dinas A,rencana,2022,300000,Ya,Ya,Ya
    1.01.0.00.0.00.01.0000,Dinas A,rencana,2022,100000,,Ya,
    1.02.0.00.0.00.02.0000,Dinas B,rencana,2022,399999.99,Ya,Ya,
    1.02.0.00.0.00.02.0000,Dinas B,rencana,2022,600000.01,Tidak,Tidak,

    """

  private func tokens(_ text: String, startingWith prefix: String) throws -> [String] {
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(prefix) })
    return line.split(separator: " ").map(String.init)
  }

  @Test("the table shows each share's unknown part beside it, and the exact miss of a minimum")
  func tableShares() throws {
    let report = try Support.audit([Support.temporaryFile(Self.twoOPDs)], year: 2022)
    #expect(report.totalScope == .district)
    let table = TableRenderer(language: .id).render(report)
    #expect(
      try tokens(table, startingWith: "1.01.0.00.0.00.01.0000")
        == [
          "1.01.0.00.0.00.01.0000", "Dinas", "A", "2", "Rp", "400.000", "100,00", "75,00", "?25,00", "75,00",
          "?25,00", "LULUS", "INFO", "INFO",
        ])
    #expect(
      try tokens(table, startingWith: "1.02.0.00.0.00.02.0000")
        == [
          "1.02.0.00.0.00.02.0000", "Dinas", "B", "2", "Rp", "1.000.000", "40,00", "39,999999", "0,00",
          "?100,00", "GAGAL", "INFO", "INFO",
        ])
    #expect(
      try tokens(table, startingWith: "KABUPATEN")
        == [
          "KABUPATEN", "Kabupaten", "Kutai", "Kartanegara", "4", "Rp", "1.400.000", "57,14", "50,00", "?7,14",
          "21,43", "?78,57", "LULUS", "INFO", "INFO",
        ])
    // The known shares of a column end under the end of its header.
    let lines = table.split(separator: "\n").map(String.init)
    let header = try #require(lines.first { $0.hasPrefix("Kode OPD") })
    let end = try #require(header.range(of: "UMK-K %")).upperBound.utf16Offset(in: header)
    for (prefix, share) in [("1.01.0", "75,00"), ("1.02.0", "39,999999"), ("KABUPATEN", "50,00")] {
      let line = try #require(lines.first { $0.hasPrefix(prefix) })
      let found = try #require(line.range(of: " " + share + " ")).upperBound.utf16Offset(in: line) - 1
      #expect(found == end, "\(prefix): \(line)")
    }
    // The legend says what ?x and the extra decimals are.
    #expect(table.contains("\n?12,30: pangsa yang PDN, UMK-K atau lokalnya tidak diketahui"))
    #expect(table.contains("\n39,9996 (bukan 40,00): desimal tambahan"))
    #expect(
      table.contains(
        "1.02.0.00.0.00.02.0000 Dinas B, rencana: UMK-K Rp 399.999,99 / Rp 1.000.000 = 39,999999% < 40% (wajib); kurang Rp 0,01"
      ))
    let english = TableRenderer(language: .en).render(report)
    #expect(try tokens(english, startingWith: "1.01.0.00.0.00.01.0000").contains("?25.00"))
    #expect(english.contains("\n?12.30: the share whose PDN, UMK-K or local status is unknown"))
    #expect(english.contains("\n39.9996 (not 40.00): more decimals (up to six)"))
    #expect(english.contains("= 39.999999% < 40% (mandatory); short by Rp 0,01"))
  }

  @Test("with nothing unknown and no share near a minimum, no ? and no legend")
  func tableWithoutUnknowns() throws {
    // Rp 500.000 UMK/PDN/local and Rp 500.000 none of them, in each of two OPDs: 50,00.
    let path = Support.temporaryFile(
      """
      kode_opd,nama_opd,tahap,tahun_anggaran,nilai,umk,pdn,lokal
      1.01,Dinas A,rencana,2022,500000,Ya,Ya,Ya
      1.01,Dinas A,rencana,2022,500000,Tidak,Tidak,Tidak
      1.02,Dinas B,rencana,2022,500000,Ya,Ya,Ya
      1.02,Dinas B,rencana,2022,500000,Tidak,Tidak,Tidak

      """)
    let report = try Support.audit([path], year: 2022)
    for language in [Language.id, .en] {
      let table = TableRenderer(language: language).render(report)
      #expect(!table.contains("?"))
      let markdown = MarkdownRenderer(language: language).render(report)
      #expect(!markdown.contains("?"))
    }
    let table = TableRenderer(language: .id).render(report)
    #expect(
      try tokens(table, startingWith: "1.01")
        == ["1.01", "Dinas", "A", "2", "Rp", "1.000.000", "50,00", "50,00", "50,00", "LULUS", "INFO", "INFO"])
  }

  @Test("Markdown, CSV and JSON carry the unknown share")
  func otherFormats() throws {
    let report = try Support.audit([Support.temporaryFile(Self.twoOPDs)], year: 2022)
    let markdown = MarkdownRenderer(language: .id).render(report)
    #expect(
      markdown.contains(
        "| 1.01.0.00.0.00.01.0000 | Dinas A | 2 | Rp 400.000 | 100,00 | 75,00 ?25,00 | 75,00 ?25,00 | ✅ LULUS |"
      ))
    #expect(
      markdown.contains(
        "| 1.02.0.00.0.00.02.0000 | Dinas B | 2 | Rp 1.000.000 | 40,00 | 39,999999 | 0,00 ?100,00 | ❌ GAGAL |"
      ))
    #expect(markdown.contains("\n\n?12,30: pangsa yang PDN"))

    let csv = CSVRenderer().render(report).split(separator: "\r\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = try #require(csv.first)
    for metric in ["pdn", "umkk", "local"] {
      let share = try #require(header.firstIndex(of: "\(metric)_share"))
      #expect(header[share + 1] == "\(metric)_unknown_share")
    }
    func value(_ row: [String], _ column: String) throws -> String {
      row[try #require(header.firstIndex(of: column))]
    }
    let dinasA = try #require(csv.first { $0.count > 1 && $0[1] == "1.01.0.00.0.00.01.0000" })
    #expect(try value(dinasA, "umkk_share") == "75")
    #expect(try value(dinasA, "umkk_unknown_share") == "25")
    #expect(try value(dinasA, "pdn_unknown_share") == "0")
    #expect(try value(dinasA, "total_scope") == "")
    let district = try #require(csv.first { $0.first == "district" })
    #expect(try value(district, "umkk_unknown_share") == "7.14")
    #expect(try value(district, "local_unknown_share") == "78.57")
    #expect(try value(district, "total_scope") == "district")

    let json = JSONRenderer(language: .en).render(report)
    #expect(
      json.contains(
        """
              "umkk": {
                "amount": "699999.99",
                "unknown": "100000.00",
                "share": 50,
                "unknown_share": 7.14
              },
        """))
    #expect(json.contains("\"scope\": \"district\""))
  }

  // MARK: One OPD is not the district

  /// One OPD's own sheet: Rp 150.000 UMK + Rp 350.000 not UMK = 30,00% < 40% (fail,
  /// short Rp 50.000); a swakelola line is reported apart.
  static let oneOPD = """
    kode_opd,nama_opd,tahap,tahun_anggaran,nilai,umk,pdn,lokal,cara_pengadaan
    1.02.0.00.0.00.02.0000,Dinas Kesehatan,realisasi,2022,150000,Ya,Ya,Ya,
    1.02.0.00.0.00.02.0000,Dinas Kesehatan,realisasi,2022,350000,Tidak,Ya,Ya,
    1.02.0.00.0.00.02.0000,Dinas Kesehatan,realisasi,2022,80000,Ya,Ya,Ya,Swakelola

    """

  @Test("one OPD's inputs: the total is labelled as theirs and its fix is not repeated")
  func oneOPDInputs() throws {
    let report = try Support.audit([Support.temporaryFile(Self.oneOPD)], year: 2022)
    #expect(report.totalScope == .inputs(opds: 1))
    let table = TableRenderer(language: .id).render(report)
    #expect(!table.contains("KABUPATEN"))
    #expect(
      try tokens(table, startingWith: "SEMUA MASUKAN (1 OPD)")
        == [
          "SEMUA", "MASUKAN", "(1", "OPD)", "bukan", "total", "kabupaten", "2", "Rp", "500.000", "100,00",
          "30,00", "100,00", "GAGAL", "INFO", "INFO",
        ])
    // The swakelola table labels the total the same way.
    #expect(table.components(separatedBy: "SEMUA MASUKAN (1 OPD)").count == 3)
    let fixes = table.components(separatedBy: "Yang perlu diperbaiki\n")[1].components(separatedBy: "\n\n")[0]
    #expect(
      fixes
        == "  1.02.0.00.0.00.02.0000 Dinas Kesehatan, realisasi: UMK-K Rp 150.000 / Rp 500.000 = 30,00% < 40% (wajib); kurang Rp 50.000"
    )
    let english = TableRenderer(language: .en).render(report)
    #expect(english.contains("\nALL INPUTS (1 OPD)      not the district's total"))
    #expect(!english.contains("DISTRICT"))
    #expect(!english.contains("District,"))
    let markdown = MarkdownRenderer(language: .en).render(report)
    #expect(markdown.contains("| **ALL INPUTS (1 OPD)** | not the district's total | 2 | Rp 500.000 |"))
    #expect(!markdown.contains("District,"))
    let json = JSONRenderer(language: .en).render(report)
    #expect(json.contains("\"scope\": \"inputs\""))
    let csv = CSVRenderer().render(report)
    #expect(csv.contains(",inputs,fail,50000.00,info,,info,\r\n"))
  }

  @Test("--opd keeps the district label when the data covers more OPDs")
  func filteredDistrict() throws {
    let path = Support.temporaryFile(Self.twoOPDs)
    let report = try Support.audit([path], year: 2022, opd: ["Dinas A"])
    #expect(report.opds.map(\.name) == ["Dinas A"])
    #expect(report.totalScope == .district)
    let table = TableRenderer(language: .id).render(report)
    #expect(table.contains("\nKABUPATEN "))
    #expect(table.contains("\n  Kabupaten, rencana:") == false)
  }

  @Test("inputs with no included line are no district either")
  func noOPD() throws {
    // The only line is of 2021; the report is of 2022.
    let path = Support.temporaryFile(
      "kode_opd,nama_opd,tahap,tahun_anggaran,nilai,umk\n1.01,Dinas A,rencana,2021,100,Ya\n")
    let report = try Support.audit([path], year: 2022)
    #expect(report.totalScope == .inputs(opds: 0))
    #expect(TableRenderer(language: .en).render(report).contains("\nALL INPUTS (0 OPDs)"))
    #expect(TableRenderer(language: .id).render(report).contains("\nSEMUA MASUKAN (0 OPD)"))
  }

  @Test("data of a KLPD that is not the policy's region is not called the district")
  func otherRegion() throws {
    // The INAPROC pull names its KLPD Kementerian Ketenagakerjaan; the built-in policy is
    // Kabupaten Kutai Kartanegara's.
    let ministry = try Support.audit([Support.fixture("inaproc")], year: 2024)
    #expect(ministry.opds.count > 1)
    #expect(ministry.totalScope == .otherRegion(klpd: ["Kementerian Ketenagakerjaan"]))
    let table = TableRenderer(language: .en).render(ministry)
    #expect(table.contains("\nOUTSIDE POLICY REGION  Kementerian Ketenagakerjaan "))
    #expect(!table.contains("\nDISTRICT "))
    let json = JSONRenderer(language: .en).render(ministry)
    #expect(json.contains(#""scope": "inputs""#))
    // A kab/kota cell that names the region with its prefix matches (ISB `Kab. …`), so the
    // demo data of Kutai Kartanegara is the district's.
    let kukar = try Support.audit([Support.fixture("kukar-2022")], year: 2022)
    #expect(kukar.totalScope == .district)
  }
}
