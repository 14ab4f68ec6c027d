import Foundation
import P3DNLedger
import Testing

@testable import P3DNKit

/// `p3dn explain FILE:LINE` on a row of every kind: included (and what decided each
/// metric), each reason for which a row is excluded or rejected, a copy, a line that holds
/// no row, the ledger, JSON and the 80-column table. Every expected answer is read off the
/// fixture's line by hand (the comment above each case says how).
@Suite("explain: one row, every decision")
struct ExplainTests {
  static let bendahara = "kukar-2022/bendahara-dinkes-2022.csv"
  static let sirup = "kukar-2022/sirup-penyedia-2022.csv"
  static let nontender = "kukar-2022/spse-nontender-2022.csv"
  static let tender = "kukar-2022/spse-tender-2022.csv"
  static let rencana = "check/rencana.csv"
  static let boundary = "hand/boundary-plan.csv"
  static let ditunda = "explain/pencatatan-nontender-ditunda.csv"
  static let contracts = "inaproc/v1/tender/tender-ekontrak-kontrak_2024.xlsx"
  static let results = "inaproc/v1/tender/tender-selesai-nilai_2024.xlsx"
  static let records1057 = "inaproc/v1/tender/pencatatan-non-tender_2024.xlsx"
  static let lines1058 = "inaproc/v1/tender/pencatatan-non-tender-realisasi_2024.xlsx"
  static let isb1057 = "isb-kab-bandung-2025/SPSE-PencatatanNonTender_1057.csv"
  static let isb1057Excerpt = "isb-kab-bandung-2025/excerpts/38_1057_SPSE-PencatatanNonTender.json"
  static let isb1058Excerpt = "isb-kab-bandung-2025/excerpts/39_1058_SPSE-PencatatanNonTenderRealisasi.json"
  static let vendors = "exports/daftar-penyedia.csv"
  static let dinkes = "1.02.0.00.0.00.02.0000"

  /// A request that reads `inputs` (paths under Fixtures) for `year`, built-in policy.
  static func request(_ inputs: [String], year: Int?, vendors: String? = nil) throws -> AuditRequest {
    var request = AuditRequest(
      inputs: inputs.map(Support.fixture), policy: try Support.defaultPolicy(), year: year)
    request.vendorsPath = vendors.map(Support.fixture)
    return request
  }

  /// Line `line` of `file` (under Fixtures) explained, read with `inputs` besides it.
  static func explain(
    _ file: String, _ line: Int, with inputs: [String] = [], year: Int?, vendors: String? = nil
  ) throws -> RowExplanation {
    try RowExplainer.run(
      request(inputs, year: year, vendors: vendors), path: Support.fixture(file), line: line)
  }

  // MARK: - Included lines

  /// What one metric of an included line is: yes (with its amount), no or unknown, the
  /// source that decided it and, where given, the cells it read.
  struct Verdict: Sendable {
    let value: String
    let decidedBy: String
    let amount: String?
    let evidence: [String]?

    static func yes(_ source: String, _ amount: String, _ evidence: [String]? = nil) -> Verdict {
      Verdict(value: "yes", decidedBy: source, amount: amount, evidence: evidence)
    }
    static func no(_ source: String, _ evidence: [String]? = nil) -> Verdict {
      Verdict(value: "no", decidedBy: source, amount: "0", evidence: evidence)
    }
    static func unknown(_ evidence: [String]? = nil) -> Verdict {
      Verdict(value: "unknown", decidedBy: "unknown", amount: nil, evidence: evidence)
    }
  }

  struct IncludedRow: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    let year: Int
    var vendors: String? = nil
    let amount: String
    let opd: String
    let pdn: Verdict
    let umkk: Verdict
    let local: Verdict

    var testDescription: String { "\(file):\(line)" }
  }

  static let included: [IncludedRow] = [
    // Flags pdn "Ya", umk "Ya" (koperasi "Tidak"); lokal empty, kab/kota "Kutai Kartanegara".
    IncludedRow(
      file: bendahara, line: 4, year: 2022, amount: "12450000", opd: dinkes,
      pdn: .yes("flag", "12450000", [#"pdn="Ya""#]),
      umkk: .yes("flag", "12450000", [#"umk="Ya""#, #"koperasi="Tidak""#]),
      local: .yes("kab-kota", "12450000", [#"kab_kota_penyedia="Kutai Kartanegara""#])),
    // pdn empty: TKDN 45,5 + BMP 0 = 45,5 ≥ 40; "Kota Balikpapan" is not the region.
    IncludedRow(
      file: bendahara, line: 8, year: 2022, amount: "7800000", opd: dinkes,
      pdn: .yes("tkdn", "7800000", [#"tkdn="45,5""#, #"bmp="0""#]), umkk: .yes("flag", "7800000"),
      local: .no("kab-kota", [#"kab_kota_penyedia="Kota Balikpapan""#])),
    // TKDN 30 + BMP 5 = 35 < 40; umk "Tidak"; Samarinda.
    IncludedRow(
      file: bendahara, line: 9, year: 2022, amount: "15600000", opd: dinkes,
      pdn: .no("tkdn", [#"tkdn="30""#, #"bmp="5""#]), umkk: .no("flag"), local: .no("kab-kota")),
    // umk and koperasi empty: a cooperative by its name.
    IncludedRow(
      file: bendahara, line: 10, year: 2022, amount: "25000000", opd: dinkes,
      pdn: .yes("flag", "25000000"),
      umkk: .yes("koperasi-name", "25000000", [#"penyedia="Koperasi Serba Usaha Tani Jaya""#]),
      local: .yes("kab-kota", "25000000")),
    // koperasi "Ya" wins over umk "Tidak".
    IncludedRow(
      file: bendahara, line: 20, year: 2022, amount: "9000000", opd: dinkes,
      pdn: .yes("flag", "9000000"), umkk: .yes("flag", "9000000", [#"umk="Tidak""#, #"koperasi="Ya""#]),
      local: .yes("kab-kota", "9000000")),
    // lokal "Ya" decides before the vendor's kab/kota (Samarinda).
    IncludedRow(
      file: bendahara, line: 21, year: 2022, amount: "3150000", opd: dinkes,
      pdn: .yes("flag", "3150000"), umkk: .yes("flag", "3150000"),
      local: .yes("flag", "3150000", [#"lokal="Ya""#])),
    // TKDN 25,5 + BMP 15 = 40,5; no lokal and no kab/kota: unknown, both empty cells named.
    IncludedRow(
      file: bendahara, line: 22, year: 2022, amount: "98765432.10", opd: dinkes,
      pdn: .yes("tkdn", "98765432.10", [#"tkdn="25,5""#, #"bmp="15""#]), umkk: .no("flag"),
      local: .unknown([#"lokal="""#, #"kab_kota_penyedia="""#])),
    // TKDN "40%" with an empty BMP is exactly the minimum; "KABUPATEN KUTAI KARTANEGARA".
    IncludedRow(
      file: bendahara, line: 23, year: 2022, amount: "17325000", opd: dinkes,
      pdn: .yes("tkdn", "17325000", [#"tkdn="40%""#, #"bmp="""#]), umkk: .yes("flag", "17325000"),
      local: .yes("kab-kota", "17325000", [#"kab_kota_penyedia="KABUPATEN KUTAI KARTANEGARA""#])),
    // Nothing said of PDN or UMK-K: every column that could have told, empty.
    IncludedRow(
      file: bendahara, line: 27, year: 2022, amount: "1500000.50", opd: dinkes,
      pdn: .unknown([#"pdn="""#, #"tkdn="""#, #"bmp="""#]), umkk: .unknown([#"umk="""#, #"koperasi="""#]),
      local: .yes("kab-kota", "1500000.50")),
    // A puskesmas (…02.0012) rolls up to Dinas Kesehatan; "Kukar" is the region.
    IncludedRow(
      file: bendahara, line: 29, year: 2022, amount: "3275000", opd: dinkes,
      pdn: .yes("flag", "3275000", [#"pdn="Y""#]), umkk: .yes("flag", "3275000"),
      local: .yes("kab-kota", "3275000", [#"kab_kota_penyedia="Kukar""#])),
    // Kopwan: a cooperative by its name.
    IncludedRow(
      file: bendahara, line: 35, year: 2022, amount: "1650000", opd: dinkes,
      pdn: .yes("flag", "1650000"),
      umkk: .yes("koperasi-name", "1650000", [#"penyedia="Kopwan Melati Loa Ipuh""#]),
      local: .yes("kab-kota", "1650000")),
    // TKDN 42 with an empty BMP.
    IncludedRow(
      file: bendahara, line: 36, year: 2022, amount: "4725000", opd: dinkes,
      pdn: .yes("tkdn", "4725000", [#"tkdn="42""#, #"bmp="""#]), umkk: .yes("flag", "4725000"),
      local: .no("kab-kota")),
    // pdn "Tidak", umk "Tidak", "Kota Balikpapan".
    IncludedRow(
      file: bendahara, line: 38, year: 2022, amount: "32500000", opd: dinkes,
      pdn: .no("flag", [#"pdn="Tidak""#]), umkk: .no("flag"), local: .no("kab-kota")),
    // SPSE value columns: PDN 80.371.200; a UMK value 0 decides though the vendor is a
    // cooperative. The export has no local column.
    IncludedRow(
      file: nontender, line: 102, year: 2022, amount: "80371200", opd: "4.02.0.00.0.00.31.0000",
      pdn: .yes("value", "80371200", [#"nilai_pdn_kontrak="80371200""#]),
      umkk: .no("value", [#"nilai_umk_kontrak="0""#]), local: .unknown([])),
    // UMK value null: the name "KUD Maju Bersama" decides.
    IncludedRow(
      file: nontender, line: 103, year: 2022, amount: "192196650", opd: "3.27.0.00.0.00.26.0000",
      pdn: .yes("value", "192196650"),
      umkk: .yes("koperasi-name", "192196650", [#"nama_penyedia="KUD Maju Bersama""#]),
      local: .unknown([])),
    // A UMK value (38.500.000) above the contract value is clamped to it (37.950.000).
    IncludedRow(
      file: nontender, line: 69, year: 2022, amount: "37950000", opd: "7.01.0.00.0.00.08.0000",
      pdn: .yes("value", "37950000"),
      umkk: .yes("value", "37950000", [#"nilai_umk_kontrak="38500000""#]), local: .unknown()),
    // PDN and UMK values 0.
    IncludedRow(
      file: nontender, line: 16, year: 2022, amount: "74040000", opd: "1.05.0.00.0.00.08.0000",
      pdn: .no("value", [#"nilai_pdn_kontrak="0""#]), umkk: .no("value", [#"nilai_umk_kontrak="0""#]),
      local: .unknown()),
    // SIRUP flags: status_pdn "PDN", status_ukm "UKM"; no local column.
    IncludedRow(
      file: sirup, line: 2, year: 2022, amount: "224991200", opd: "1.01.2.22.0.00.01.0000",
      pdn: .yes("flag", "224991200", [#"status_pdn="PDN""#]),
      umkk: .yes("flag", "224991200", [#"status_ukm="UKM""#]), local: .unknown([])),
    // "Non PDN" and "Non UKM" are no-words.
    IncludedRow(
      file: sirup, line: 42, year: 2022, amount: "366282600", opd: "1.05.0.00.0.00.07.0000",
      pdn: .no("flag", [#"status_pdn="Non PDN""#]), umkk: .yes("flag", "366282600"), local: .unknown()),
    IncludedRow(
      file: sirup, line: 14, year: 2022, amount: "294973000", opd: "1.02.0.00.0.00.03.0000",
      pdn: .yes("flag", "294973000"), umkk: .no("flag", [#"status_ukm="Non UKM""#]), local: .unknown()),
    // pdn "ya"; umk, nilai_umk and lokal empty.
    IncludedRow(
      file: rencana, line: 4, year: 2024, amount: "150000000", opd: "1.01.0.00.0.00.01.0000",
      pdn: .yes("flag", "150000000", [#"pdn="ya""#]), umkk: .unknown([#"nilai_umk="""#, #"umk="""#]),
      local: .unknown([#"lokal="""#])),
    // A part of the line: nilai_umk 100.000.000 of 250.000.000.
    IncludedRow(
      file: rencana, line: 6, year: 2024, amount: "250000000", opd: "1.01.0.00.0.00.01.0000",
      pdn: .yes("flag", "250000000"), umkk: .yes("value", "100000000", [#"nilai_umk="100.000.000""#]),
      local: .unknown([#"lokal="""#])),
    // The vendor list by NPWP: 0016711962421000 is 01.671.196.2-421.000, Kecil, Kutai
    // Kartanegara. 1058 has no PDN column.
    IncludedRow(
      file: "exports/nontender-realisasi-pu.csv", line: 2, year: 2025, vendors: vendors, amount: "250000",
      opd: "1.03.0.00.0.00.03.0000", pdn: .unknown([]),
      umkk: .yes("vendors-npwp", "250000", ["NPWP 0016711962421000"]),
      local: .yes("vendors-npwp", "250000", ["NPWP 0016711962421000"])),
    // By name (no NPWP): Toko Sinar Jaya, Mikro, Tenggarong (not the region's name).
    IncludedRow(
      file: "exports/nontender-realisasi-pu.csv", line: 3, year: 2025, vendors: vendors, amount: "150000",
      opd: "1.03.0.00.0.00.03.0000", pdn: .unknown(),
      umkk: .yes("vendors-name", "150000", ["Toko Sinar Jaya"]), local: .no("vendors-name")),
    // By SIKaP code 5001 (Kecil, Kutai Kartanegara) and 5002 (Besar, Kota Samarinda).
    IncludedRow(
      file: "exports/ekatalog-v6-orders.csv", line: 2, year: 2025, vendors: vendors, amount: "1000000",
      opd: "1.01.0.00.0.00.01.0000", pdn: .unknown([]),
      umkk: .yes("vendors-code", "1000000", ["kode 5001"]), local: .yes("vendors-code", "1000000")),
    IncludedRow(
      file: "exports/ekatalog-v6-orders.csv", line: 3, year: 2025, vendors: vendors, amount: "4000000",
      opd: "1.01.0.00.0.00.01.0000", pdn: .unknown(), umkk: .no("vendors-code"), local: .no("vendors-code")),
    // 1057 values; an empty status cell is no word, the record counts.
    IncludedRow(
      file: ditunda, line: 2, year: 2025, amount: "600000", opd: "1.03.0.00.0.00.03.0000",
      pdn: .yes("value", "600000", [#"nilai_pdn_pct="600000""#]),
      umkk: .yes("value", "600000", [#"nilai_umk_pct="600000""#]), local: .unknown([])),
    IncludedRow(
      file: ditunda, line: 4, year: 2025, amount: "300000", opd: "1.03.0.00.0.00.03.0000",
      pdn: .no("value", [#"nilai_pdn_pct="0""#]), umkk: .yes("value", "300000"), local: .unknown()),
  ]

  @Test(
    "an included line: each metric's value, amount, the source that decided it and what it read",
    arguments: included)
  func includedLine(_ row: IncludedRow) throws {
    let explained = try Self.explain(row.file, row.line, year: row.year, vendors: row.vendors)
    #expect(explained.path == Support.fixture(row.file))
    #expect(explained.line == row.line)
    #expect(explained.bucket == .included)
    #expect(explained.reason == nil)
    #expect(explained.decisions.allSatisfy { $0.reason == nil })
    #expect(explained.decisions.first?.step == .file)
    #expect(explained.decisions.last?.step == .year || explained.decisions.last?.step == .package)
    #expect(explained.amount == m(row.amount))
    #expect(explained.opdCode == row.opd)
    let classification = try #require(explained.classification)
    for (metric, verdict) in [(Metric.pdn, row.pdn), (.umkk, row.umkk), (.local, row.local)] {
      let decision = try #require(classification[metric])
      #expect(decision.value == verdict.value, "\(metric)")
      #expect(decision.decidedBy == verdict.decidedBy, "\(metric)")
      #expect(decision.amount == verdict.amount.map(m), "\(metric)")
      if let evidence = verdict.evidence {
        #expect(decision.evidence == evidence, "\(metric)")
      }
    }
  }

  @Test("a sub-unit's line names the OPD it rolls up to, by the name the report gives that OPD")
  func rolledUp() throws {
    // Lines 4–27 are Dinas Kesehatan's own; 29–33 UPT Puskesmas Rapak Mahang (…0012),
    // 34–39 UPT Puskesmas Loa Ipuh (…0013): the OPD's most frequent name is its own.
    let explained = try Self.explain(Self.bendahara, 29, year: 2022)
    #expect(explained.opdCode == Self.dinkes)
    #expect(explained.opdName == "Dinas Kesehatan")
    let opd = try #require(explained.decisions.first { $0.step == .opd })
    #expect(opd.detail.en.contains(#"kode_opd="1.02.0.00.0.00.02.0012""#))
    #expect(opd.detail.en.contains("OPD " + Self.dinkes))
  }

  // MARK: - Excluded and rejected rows

  /// A row set aside: the reason, every step up to the one that gave it (in order), and
  /// what that step's text must name.
  struct SetAsideRow: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    var inputs: [String] = []
    let year: Int
    let reason: String
    let steps: [String]
    var detail: [String] = []
    /// The row's number in its file (rows counted from the header on).
    var position: Int? = nil

    var testDescription: String { "\(file):\(line) \(reason)" }
  }

  static let upToStatus = ["file", "fields", "stage", "status"]
  static let throughAccount = ["file", "fields", "stage", "amount", "opd", "date", "account"]
  static let throughStatusAccount = ["file", "fields", "stage", "status", "amount", "opd", "date", "account"]

  static let excluded: [SetAsideRow] = [
    // The final JUMLAH row, the 36th row (line 28 is blank, not a row).
    SetAsideRow(
      file: bendahara, line: 40, year: 2022, reason: "total-row", steps: ["file", "fields", "total"],
      detail: [#"kode_opd="JUMLAH""#], position: 36),
    SetAsideRow(
      file: boundary, line: 13, year: 2022, reason: "total-row", steps: ["file", "fields", "total"],
      detail: [#"kode_opd="JUMLAH""#]),
    // status_delete_rup true, and of 2021: deleted comes first.
    SetAsideRow(
      file: sirup, line: 62, year: 2022, reason: "deleted", steps: upToStatus,
      detail: [#"status_delete_rup="true""#]),
    // Deleted and inactive: deleted.
    SetAsideRow(
      file: sirup, line: 146, year: 2022, reason: "deleted", steps: upToStatus,
      detail: [#"status_delete_rup="true""#, #"status_aktif_rup="false""#]),
    SetAsideRow(
      file: sirup, line: 6, year: 2022, reason: "inactive", steps: upToStatus,
      detail: [#"status_aktif_rup="false""#]),
    // Inactive and Draf: inactive.
    SetAsideRow(
      file: sirup, line: 261, year: 2022, reason: "inactive", steps: upToStatus,
      detail: [#"status_aktif_rup="false""#, #"status_umumkan_rup="Draf""#]),
    // Draf with pagu null: the status comes before the amount.
    SetAsideRow(
      file: sirup, line: 64, year: 2022, reason: "not-announced", steps: upToStatus,
      detail: [#"status_umumkan_rup="Draf""#]),
    SetAsideRow(
      file: sirup, line: 341, year: 2022, reason: "not-announced", steps: upToStatus,
      detail: [#"status_umumkan_rup="Final Draft""#]),
    SetAsideRow(
      file: boundary, line: 7, year: 2022, reason: "cancelled", steps: upToStatus,
      detail: [#"status="Batal""#]),
    SetAsideRow(
      file: contracts, line: 7, year: 2024, reason: "cancelled", steps: upToStatus,
      detail: [#"status_kontrak="Pemutusan Kontrak""#]),
    // Berlangsung with a contract value 0: not-completed comes first.
    SetAsideRow(
      file: nontender, line: 5, year: 2022, reason: "not-completed", steps: upToStatus,
      detail: [#"status_nontender="Berlangsung""#]),
    SetAsideRow(
      file: ditunda, line: 3, year: 2025, reason: "unknown-status", steps: upToStatus,
      detail: [#"status_nontender_pct_ket="Paket Ditunda""#]),
    SetAsideRow(
      file: boundary, line: 11, year: 2022, reason: "swakelola", steps: upToStatus,
      detail: [#"cara_pengadaan="Swakelola""#]),
    // Selesai with an empty contract value.
    SetAsideRow(
      file: nontender, line: 29, year: 2022, reason: "no-contract-value",
      steps: ["file", "fields", "stage", "status", "amount", "opd", "date", "contract-value"],
      detail: [#"nilai_kontrak="""#]),
    // Tender results have no status column.
    SetAsideRow(
      file: tender, line: 23, year: 2022, reason: "no-contract-value",
      steps: ["file", "fields", "stage", "amount", "opd", "date", "contract-value"],
      detail: [#"nilai_kontrak="null""#]),
    // Tender 4499194: no contract, no version, no status, no value.
    SetAsideRow(
      file: contracts, line: 6, year: 2024, reason: "no-contract-value",
      steps: ["file", "fields", "stage", "status", "amount", "opd", "date", "contract-value"]),
    // Belanja pegawai 5.1.01.
    SetAsideRow(
      file: bendahara, line: 12, year: 2022, reason: "out-of-scope-account", steps: throughAccount,
      detail: [#"kode_rekening="5.1.01.01.01.0001""#]),
    // A bansos MAK (5.1.06).
    SetAsideRow(
      file: nontender, line: 33, year: 2022, reason: "out-of-scope-account", steps: throughStatusAccount,
      detail: ["5.1.06.01.01.0001"]),
    SetAsideRow(
      file: rencana, line: 11, year: 2024, reason: "out-of-scope-account", steps: throughAccount,
      detail: [#"kode_rekening="6.1.01.01.01.0001""#]),
    // Line 9 repeats line 2 cell by cell.
    SetAsideRow(
      file: rencana, line: 9, year: 2024, reason: "duplicate", steps: throughAccount + ["copy"]),
    // Payment 2.11/304 of 10035068000 again, under RUP 46414655 (first under 46414641).
    SetAsideRow(
      file: lines1058, line: 3, year: 2024, reason: "duplicate", steps: throughAccount + ["copy"]),
    // Tender 4468194 (version 1, the highest) is counted by the results file.
    SetAsideRow(
      file: contracts, line: 2, inputs: ["inaproc"], year: 2024, reason: "duplicate",
      steps: throughStatusAccount + ["copy", "year", "package"],
      detail: ["4468194", Support.fixture(results)]),
    // Non-tender record 10035068000 is counted by its 1057 record (Paket Selesai).
    SetAsideRow(
      file: lines1058, line: 2, inputs: [records1057], year: 2024, reason: "duplicate",
      steps: throughAccount + ["copy", "year", "package"],
      detail: ["10035068000", Support.fixture(records1057)]),
    // Kab. Bandung: package 7767093's payment; its 1057 record counts it.
    SetAsideRow(
      file: isb1058Excerpt, line: 2, inputs: [isb1057], year: 2025, reason: "duplicate",
      steps: throughAccount + ["copy", "year", "package"],
      detail: ["7767093", Support.fixture(isb1057)]),
    // 28/12/2021 on a 2022 sheet.
    SetAsideRow(
      file: bendahara, line: 16, year: 2022, reason: "other-year", steps: throughAccount + ["copy", "year"],
      detail: ["2021"]),
    SetAsideRow(
      file: sirup, line: 265, year: 2022, reason: "other-year",
      steps: throughStatusAccount + ["copy", "year"], detail: ["2021"]),
    SetAsideRow(
      file: rencana, line: 10, year: 2024, reason: "other-year", steps: throughAccount + ["copy", "year"],
      detail: ["2023"]),
    // Announcements and a satker directory hold no spending.
    SetAsideRow(
      file: "inaproc/v1/tender/pengumuman_2024.xlsx", line: 2, year: 2024, reason: "not-spending",
      steps: ["file"]),
    SetAsideRow(
      file: "inaproc/v1/rup/master-satker_2024.xlsx", line: 2, inputs: ["inaproc"], year: 2024,
      reason: "not-spending", steps: ["file"]),
    // The excerpt is D107's 2025 pull of 3 October; the CSV is of 10 October.
    SetAsideRow(
      file: isb1057Excerpt, line: 2, inputs: [isb1057], year: 2025, reason: "superseded",
      steps: ["file", "snapshot"], detail: [Support.fixture(isb1057)]),
    // Tender 4468194 version 0 (version 1 is on line 2); 5594194 version 0 (4 is on line 8).
    SetAsideRow(
      file: contracts, line: 4, year: 2024, reason: "superseded", steps: ["file", "version"],
      detail: ["versi_addendum"]),
    SetAsideRow(
      file: contracts, line: 9, year: 2024, reason: "superseded", steps: ["file", "version"]),
  ]

  static let rejected: [SetAsideRow] = [
    // An unquoted ";" in uraian: 16 fields for 15 columns.
    SetAsideRow(
      file: bendahara, line: 15, year: 2022, reason: "ragged-row", steps: ["file", "fields"],
      detail: ["the row has 16 fields, the header has 15"]),
    SetAsideRow(
      file: bendahara, line: 14, year: 2022, reason: "bad-amount",
      steps: ["file", "fields", "stage", "amount"],
      detail: ["column nilai", #""12.34.56""#]),
    SetAsideRow(
      file: sirup, line: 29, year: 2022, reason: "bad-amount", steps: upToStatus + ["amount"],
      detail: ["column pagu", #""12,3,4""#], position: 28),
    SetAsideRow(
      file: sirup, line: 147, year: 2022, reason: "bad-amount", steps: upToStatus + ["amount"],
      detail: ["column pagu", #""75.000.00""#]),
    SetAsideRow(
      file: boundary, line: 15, year: 2022, reason: "bad-amount", steps: upToStatus + ["amount"],
      detail: ["column nilai", #""1.2.3""#]),
    // An empty pagu, after the record of lines 307–308 (so the 358th row).
    SetAsideRow(
      file: sirup, line: 360, year: 2022, reason: "missing-amount", steps: upToStatus + ["amount"],
      detail: ["column pagu"], position: 358),
    SetAsideRow(
      file: sirup, line: 380, year: 2022, reason: "missing-amount", steps: upToStatus + ["amount"],
      detail: ["column pagu"]),
    SetAsideRow(
      file: boundary, line: 16, year: 2022, reason: "missing-amount", steps: upToStatus + ["amount"],
      detail: ["column nilai"]),
    // kd_satker_str and its fallback kd_satker both empty.
    SetAsideRow(
      file: sirup, line: 219, year: 2022, reason: "missing-opd", steps: upToStatus + ["amount", "opd"],
      detail: ["column kd_satker"]),
    // kd_satker "01" (a BUMD) is no dotted code and no directory knows it.
    SetAsideRow(
      file: tender, line: 32, year: 2022, reason: "missing-opd",
      steps: ["file", "fields", "stage", "amount", "opd"],
      detail: ["column kd_satker", #""01""#]),
    SetAsideRow(
      file: boundary, line: 14, year: 2022, reason: "missing-opd", steps: upToStatus + ["amount", "opd"],
      detail: ["column kode_opd"]),
    SetAsideRow(
      file: rencana, line: 8, year: 2024, reason: "missing-opd",
      steps: ["file", "fields", "stage", "amount", "opd"],
      detail: ["column kode_opd"]),
    // 31/02/2022 is no date.
    SetAsideRow(
      file: bendahara, line: 13, year: 2022, reason: "bad-date",
      steps: ["file", "fields", "stage", "amount", "opd", "date"],
      detail: ["column tanggal", #""31/02/2022""#]),
  ]

  @Test("an excluded row: its reason, given at its step, after the steps it passed", arguments: excluded)
  func excludedRow(_ row: SetAsideRow) throws {
    try Self.check(row, bucket: .excluded)
  }

  @Test("a rejected row: its physical line, the column and the message", arguments: rejected)
  func rejectedRow(_ row: SetAsideRow) throws {
    try Self.check(row, bucket: .rejected)
  }

  static func check(_ row: SetAsideRow, bucket: RowExplanation.Bucket) throws {
    let explained = try explain(row.file, row.line, with: row.inputs, year: row.year)
    #expect(explained.line == row.line)
    #expect(explained.bucket == bucket)
    #expect(explained.reason?.rawValue == row.reason)
    #expect(explained.classification == nil)
    #expect(explained.decisions.map(\.step.rawValue) == row.steps)
    #expect(explained.decisions.dropLast().allSatisfy { $0.reason == nil })
    let last = try #require(explained.decisions.last)
    #expect(last.reason?.rawValue == row.reason)
    for part in row.detail {
      #expect(last.detail.en.contains(part), "\(last.detail.en)")
    }
    if let position = row.position {
      #expect(explained.position == position)
    }
  }

  // MARK: - Copies and lines without a row

  @Test("a copy (the same bytes) is explained as read in the original, which read_as names")
  func copy() throws {
    let folder = Support.temporaryFolder()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: Support.fixture(Self.rencana)))
    try bytes.write(to: URL(fileURLWithPath: folder + "/a.csv"))
    try bytes.write(to: URL(fileURLWithPath: folder + "/b.csv"))
    var request = AuditRequest(inputs: [folder], policy: try Support.defaultPolicy(), year: 2024)
    let original = try RowExplainer.run(request, path: folder + "/a.csv", line: 4)
    #expect(original.readAs == nil)
    for inputs in [[folder], [folder + "/a.csv"]] {
      request.inputs = inputs
      let copy = try RowExplainer.run(request, path: folder + "/b.csv", line: 4)
      #expect(copy.path == folder + "/b.csv")
      #expect(copy.readAs == folder + "/a.csv")
      #expect(
        (copy.bucket, copy.amount, copy.opdCode) == (.included, m("150000000"), "1.01.0.00.0.00.01.0000"))
      #expect(copy.decisions == original.decisions)
      let json = try Self.object(ExplainRenderer(language: .en).json(copy))
      #expect(json["path"] as? String == folder + "/b.csv")
      #expect(json["read_as"] as? String == folder + "/a.csv")
    }
    // The copy's header line holds no row: the error names the copy, and the original's
    // rows (lines 2–13).
    let error = try #require(Self.noRowError(request, path: folder + "/b.csv", line: 1))
    #expect(error.path == folder + "/b.csv")
    #expect(error.rows == 2...13)
  }

  /// The `noRowAtLine` error an explanation throws, if any.
  static func noRowError(_ request: AuditRequest, path: String, line: Int) -> (
    path: String, line: Int, rows: ClosedRange<Int>?
  )? {
    do throws(AuditError) {
      _ = try RowExplainer.run(request, path: path, line: line)
      return nil
    } catch {
      guard case .noRowAtLine(let path, let line, let rows) = error else { return nil }
      return (path, line, rows)
    }
  }

  @Test(
    "a line where no row starts: noRowAtLine with the lines of the file's first and last rows",
    arguments: [
      // Two title rows, the header on line 3, a blank line 28; rows on lines 4–40.
      (bendahara, 1, 4...40), (bendahara, 3, 4...40), (bendahara, 28, 4...40), (bendahara, 41, 4...40),
      // The header; line 308 is the second line of the record that starts on 307; the last
      // record starts on line 416.
      (sirup, 1, 2...416), (sirup, 308, 2...416), (sirup, 417, 2...416),
    ])
  func noRowAtLine(file: String, line: Int, rows: ClosedRange<Int>) throws {
    let request = try Self.request([], year: 2022)
    let error = try #require(Self.noRowError(request, path: Support.fixture(file), line: line))
    #expect(error.path == Support.fixture(file))
    #expect(error.line == line)
    #expect(error.rows == rows)
  }

  @Test("through the command, a line with no row exits 2, says so on stderr and prints nothing")
  func noRowCommand() throws {
    // The header (3), the blank line (28), past the end (41); the rows are on lines 4–40.
    for (line, language, words) in [
      (3, "en", "no row starts on this line"), (41, "en", "its rows are on lines 4 to 40"),
      (28, "id", "baris data ada di baris 4 sampai 40"),
    ] {
      let result = try Binary.run([
        "explain", "Fixtures/kukar-2022/bendahara-dinkes-2022.csv:\(line)", "--year", "2022", "--lang",
        language,
      ])
      #expect(result.status == 2)
      #expect(result.stdout == "")
      #expect(result.stderr.contains("Fixtures/kukar-2022/bendahara-dinkes-2022.csv:\(line): "))
      #expect(result.stderr.contains(words))
    }
  }

  // MARK: - The ledger

  /// Both explanations of a row agree on everything the ledger keeps.
  static func expectSame(_ files: RowExplanation, _ ledger: RowExplanation, _ name: String) {
    #expect(ledger.fromLedger && !files.fromLedger, "\(name)")
    #expect(ledger.line == files.line, "\(name)")
    #expect(ledger.bucket == files.bucket, "\(name)")
    #expect(ledger.reason == files.reason, "\(name)")
    #expect(ledger.decisions.map(\.step) == files.decisions.map(\.step), "\(name)")
    #expect(ledger.decisions.map(\.reason) == files.decisions.map(\.reason), "\(name)")
    #expect(ledger.opdCode == files.opdCode, "\(name)")
    #expect(ledger.opdName == files.opdName, "\(name)")
    #expect(ledger.amount == files.amount, "\(name)")
    for metric in Metric.allCases {
      let fromLedger = ledger.classification?[metric]
      let fromFiles = files.classification?[metric]
      #expect(fromLedger?.value == fromFiles?.value, "\(name) \(metric)")
      #expect(fromLedger?.decidedBy == fromFiles?.decidedBy, "\(name) \(metric)")
      #expect(fromLedger?.amount == fromFiles?.amount, "\(name) \(metric)")
    }
  }

  static func sameFromLedger(_ inputs: [String], year: Int, rows: [(String, Int)]) throws {
    let ledger = try Ledger(path: Support.temporaryFolder() + "/p3dn.sqlite")
    _ = try ledger.ingest(try request(inputs, year: nil), asOf: nil, today: "2026-06-30")
    let request = try request(inputs, year: year)
    for (file, line) in rows {
      let path = Support.fixture(file)
      let fromFiles = try RowExplainer.run(request, path: path, line: line)
      let found = try ledger.rows(at: path, line: line, request: request, asOf: nil)
      let fromLedger = try #require(
        RowExplainer.explain(report: found.report, settlement: found.settlement, rows: found.rows))
      expectSame(fromFiles, fromLedger, "\(file):\(line)")
    }
  }

  @Test("the same row from the files and from the ledger (after ingest of the same files)")
  func ledgerKukar() throws {
    try Self.sameFromLedger(
      ["kukar-2022"], year: 2022,
      rows: [4, 8, 10, 12, 13, 14, 15, 16, 22, 27, 29, 40].map { (Self.bendahara, $0) }
        + [2, 6, 29, 62, 64, 219, 265, 360].map { (Self.sirup, $0) }
        + [5, 29, 33, 69, 102, 103].map { (Self.nontender, $0) } + [23, 32].map { (Self.tender, $0) })
  }

  @Test("the same from the ledger: copies within a file, versions, packages, directories, snapshots")
  func ledgerDownloads() throws {
    try Self.sameFromLedger(
      ["inaproc"], year: 2024,
      rows: [
        (Self.contracts, 2), (Self.contracts, 4), (Self.contracts, 7), (Self.lines1058, 2),
        (Self.lines1058, 3),
        (Self.records1057, 2), ("inaproc/v1/tender/pengumuman_2024.xlsx", 2),
        ("inaproc/v1/rup/master-satker_2024.xlsx", 2),
      ])
    try Self.sameFromLedger(
      [Self.isb1057Excerpt, Self.isb1057, Self.isb1058Excerpt], year: 2025,
      rows: [(Self.isb1057Excerpt, 2), (Self.isb1057, 2), (Self.isb1058Excerpt, 2)])
  }

  // MARK: - Output

  static func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("the JSON parses back, with the schema's keys and the row's values")
  func json() throws {
    let explained = try Self.explain(Self.bendahara, 4, year: 2022)
    let json = try Self.object(ExplainRenderer(language: .en).json(explained))
    #expect(json["schema"] as? String == "p3dn.explain.v1")
    #expect(json["path"] as? String == Support.fixture(Self.bendahara))
    #expect(json["line"] as? Int == 4)
    #expect(json["profile"] as? String == "p3dn")
    #expect(json["stage"] as? String == "realization")
    #expect(json["bucket"] as? String == "included")
    #expect(json["reason"] is NSNull)
    let opd = try #require(json["opd"] as? [String: Any])
    #expect(opd["code"] as? String == Self.dinkes)
    #expect(opd["name"] as? String == "Dinas Kesehatan")
    #expect(json["amount"] as? String == "12450000.00")
    let classification = try #require(json["classification"] as? [String: Any])
    #expect(Set(classification.keys) == ["pdn", "umkk", "local"])
    for (metric, value, source) in [
      ("pdn", "yes", "flag"), ("umkk", "yes", "flag"), ("local", "yes", "kab-kota"),
    ] {
      let decision = try #require(classification[metric] as? [String: Any])
      #expect(decision["value"] as? String == value, "\(metric)")
      #expect(decision["decided_by"] as? String == source, "\(metric)")
    }
    let decisions = try #require(json["decisions"] as? [[String: Any]])
    #expect(decisions.map { $0["step"] as? String } == explained.decisions.map(\.step.rawValue))

    // A rejected row: its reason, no classification, no amount.
    let rejected = try Self.object(
      ExplainRenderer(language: .id).json(try Self.explain(Self.bendahara, 14, year: 2022)))
    #expect(rejected["bucket"] as? String == "rejected")
    #expect(rejected["reason"] as? String == "bad-amount")
    #expect(rejected["amount"] is NSNull)
    #expect(rejected["classification"] is NSNull)
    #expect((rejected["opd"] as? [String: Any])?["code"] as? String == Self.dinkes)
  }

  /// The lines of `p3dn explain TARGET --year YEAR --lang LANGUAGE` (a path relative to
  /// the repository, so that the heading's length does not depend on where it is) longer
  /// than 80 characters.
  static func longLines(_ target: String, year: String, language: String) throws -> [String] {
    let result = try Binary.run(["explain", "Fixtures/" + target, "--year", year, "--lang", language])
    #expect(result.status == 0)
    return result.stdout.split(separator: "\n").map(String.init).filter { $0.count > 80 }
  }

  @Test(
    "the table of one row fits 80 columns, in both languages",
    arguments: [
      ("kukar-2022/bendahara-dinkes-2022.csv:8", "2022"), ("kukar-2022/bendahara-dinkes-2022.csv:15", "2022"),
      ("kukar-2022/bendahara-dinkes-2022.csv:40", "2022"), ("kukar-2022/sirup-penyedia-2022.csv:307", "2022"),
      ("kukar-2022/spse-nontender-2022.csv:103", "2022"),
      ("explain/pencatatan-nontender-ditunda.csv:3", "2025"),
    ])
  func table(target: String, year: String) throws {
    for language in ["id", "en"] {
      let long = try Self.longLines(target, year: year, language: language)
      #expect(long.isEmpty, "\(language): \(long)")
    }
  }

  @Test("the table of a row with a field longer than a line fits 80 columns")
  func tableOfLongField() throws {
    // Tender 4468194's contract holds a description of over 1,000 characters.
    for language in ["id", "en"] {
      let long = try Self.longLines(
        "inaproc/v1/tender/tender-ekontrak-kontrak_2024.xlsx:2", year: "2024", language: language)
      #expect(long.isEmpty, "\(language): \(long)")
    }
  }
}
