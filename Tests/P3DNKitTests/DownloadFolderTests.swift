import Foundation
import Testing

@testable import P3DNKit

/// A real download folder counted once (CONTRACT §7): INAPROC datasets recognized by their
/// columns, satker directories, copies, snapshots, contract versions and closed status
/// lists. `Fixtures/inaproc` holds real rows of a ministry's INAPROC pulls (its README says
/// which); the figures below are worked out by hand from those rows.
@Suite("download folders")
struct DownloadFolderTests {
  static func inaproc(_ relative: String) -> String { Support.fixture("inaproc/v1/" + relative) }

  @Test(
    "every INAPROC dataset of the folder is recognized: profile, use, dataset",
    arguments: [
      ("ekatalog-archive/instansi-satker_2024.xlsx", "satker-ekatalog", FileUse.directory),
      ("ekatalog-archive/paket-e-purchasing_2024.xlsx", "ekatalog-v5", .spending),
      ("ekatalog/paket-e-purchasing_2025.xlsx", "ekatalog-v6-inaproc", .spending),
      ("rup/master-satker_2024.xlsx", "satker-sirup", .directory),
      ("rup/paket-anggaran-penyedia_2025.xlsx", "sirup-penyedia", .spending),
      ("rup/paket-anggaran-swakelola_2025.xlsx", "sirup-swakelola", .spending),
      ("rup/paket-swakelola-terumumkan_2025.xlsx", "sirup-swakelola", .spending),
      ("rup/program-master_2024.xlsx", "program", .notSpending),
      ("tender/jadwal-tahapan-non-tender_2024.xlsx", "jadwal-tahapan", .notSpending),
      ("tender/non-tender-ekontrak-kontrak_2024.xlsx", "spse-ekontrak", .spending),
      ("tender/non-tender-pengumuman_2024.xlsx", "pengumuman", .notSpending),
      ("tender/non-tender-selesai_2024.xlsx", "spse-selesai", .spending),
      ("tender/pencatatan-non-tender-realisasi_2024.xlsx", "pencatatan-nontender-realisasi", .spending),
      ("tender/pencatatan-non-tender_2024.xlsx", "pencatatan-nontender", .spending),
      ("tender/pencatatan-swakelola-realisasi_2024.xlsx", "pencatatan-swakelola-realisasi", .spending),
      ("tender/pencatatan-swakelola_2024.xlsx", "pencatatan-swakelola", .spending),
      ("tender/pengumuman_2024.xlsx", "pengumuman", .notSpending),
      ("tender/tender-ekontrak-kontrak_2024.xlsx", "spse-ekontrak", .spending),
      ("tender/tender-selesai-nilai_2024.xlsx", "spse-selesai", .spending),
    ])
  func recognized(path: String, profile: String, use: FileUse) throws {
    let report = try Support.audit([Self.inaproc(path)], year: 2024)
    let input = try #require(report.inputs.first)
    #expect((input.profile, input.use) == (profile, use))
    // The dataset is the file's own path after v1/, less the year.
    let dataset = String(path.prefix(upTo: path.lastIndex(of: "_") ?? path.endIndex))
    #expect(
      input.dataset == dataset)
    if use != .spending {
      #expect(input.count(.notSpending) == input.rows && input.included == 0)
    }
  }

  @Test("the whole sample folder audits in one command, every row accounted for")
  func wholeFolder() throws {
    let report = try Support.audit([Support.fixture("inaproc")], year: 2024)
    #expect(report.inputs.count == 19)
    for input in report.inputs { #expect(input.rows == input.included + input.excluded + input.rejected) }
    // tender-selesai-nilai has no kd_satker_str: its kd_satker (`452677`) is a code the
    // SIRUP satker master lists, so no row is missing its OPD.
    let results = try #require(report.input("tender-selesai-nilai_2024.xlsx"))
    #expect((results.rows, results.included, results.rejected) == (6, 6, 0))
    // Its lines carry no satker name: the directory's is shown.
    #expect(report.opd("452677")?.name == "Badan Perencanaan dan Pengembangan Ketenagakerjaan")
    // Every workbook of the pull says when it was pulled (its `_metadata` sheet).
    #expect(report.inputs.allSatisfy { $0.asOf == "2026-06-23" })
  }

  @Test("contract versions: only a package's highest versi_addendum counts, the earlier ones are superseded")
  func contractVersions() throws {
    // 9 rows: 4468194 v0 and v1; 5594194 v0–v4; 4499194 with no contract (no version, no
    // value, no status); 4540194 v0 `Pemutusan Kontrak`.
    let report = try Support.audit([Self.inaproc("tender/tender-ekontrak-kontrak_2024.xlsx")], year: 2024)
    let input = try #require(report.inputs.first)
    #expect((input.rows, input.included, input.excluded, input.rejected) == (9, 2, 7, 0))
    #expect(input.count(.superseded) == 5)
    #expect(input.count(.cancelled) == 1)
    #expect(input.count(.noContractValue) == 1)
    // Set aside: 8,942,559,023.20 (4468194 v0) + 2 × 16,631,894,318.52 (5594194 v0, v1)
    // + 16,996,894,318 (v2) + 17,189,080,243 (v3).
    #expect(input.setAside.first { $0.0 == .superseded }?.1 == m("76392322221.24"))
    // Counted: 4468194 v1 9,829,660,878.30 and 5594194 v4 17,189,080,243.
    let realization = try #require(report.district.realization)
    #expect(realization.total == m("27018741121.30"))
    #expect(realization.pdn.amount == m("26131639266.20"))
    #expect(realization.umkk.amount == m("27018741121.30"))
  }

  @Test(
    "a package in two datasets counts once: results before contracts; a results row rejected for its OPD leaves it to the contracts"
  )
  func packagesAcrossDatasets() throws {
    let folder = Support.temporaryFolder()
    // Results: T1 (1.000), T2 whose kd_satker is no code (missing-opd), T4 (300).
    try """
    kd_tender,kd_satker_str,kd_satker,nama_satker,tahun_anggaran,nilai_kontrak,nilai_pdn_kontrak,nilai_umk_kontrak
    T1,1.01.0.00.0.00.01.0000,11,Disdik,2025,1000,1000,0
    T2,,77,PDAM,2025,500,500,500
    T4,1.01.0.00.0.00.01.0000,11,Disdik,2025,300,0,300
    """.write(toFile: folder + "/hasil.csv", atomically: true, encoding: .utf8)
    // Contracts: T1 in two versions (900, then 1.100), T2 (500), T3 (700).
    try """
    kd_tender,kontrak_id,versi_addendum,kd_satker_str,nama_satker,tahun_anggaran,nilai_kontrak,nilai_pdn_kontrak,nilai_umk_kontrak,status_kontrak
    T1,K1,0,1.01.0.00.0.00.01.0000,Disdik,2025,900,900,0,Kontrak Sedang Berjalan
    T1,K2,1,1.01.0.00.0.00.01.0000,Disdik,2025,1100,1100,0,Kontrak Selesai
    T2,K3,0,1.03.0.00.0.00.03.0000,Dinas PU,2025,500,500,500,Kontrak Selesai
    T3,K4,0,1.03.0.00.0.00.03.0000,Dinas PU,2025,700,0,700,Kontrak Selesai
    """.write(toFile: folder + "/kontrak.csv", atomically: true, encoding: .utf8)
    let report = try Support.audit([folder])
    let results = try #require(report.input("hasil.csv"))
    #expect(
      (results.profile, results.rows, results.included, results.count(.missingOPD)) == (
        "spse-selesai", 3, 2, 1
      ))
    let contracts = try #require(report.input("kontrak.csv"))
    #expect(contracts.profile == "spse-ekontrak")
    #expect(
      (contracts.rows, contracts.included, contracts.count(.superseded), contracts.count(.duplicate)) == (
        4, 2, 1, 1
      ))
    let counted = try #require(contracts.warnings.countedElsewhere[folder + "/hasil.csv"])
    #expect((counted.rows, counted.amount) == (1, m("1100")))
    // Set aside: the package counted elsewhere (1.100), and T1's earlier version (900).
    #expect(contracts.setAside.map(\.1) == [m("900"), m("1100")])
    #expect(contracts.warnings.copiesWithin.rows == 0)
    #expect(
      Localizer(.en).inputWarnings(contracts).map(\.code) == [
        "earlier-contract-version", "counted-elsewhere",
      ])
    #expect(results.warnings.countedElsewhere.isEmpty)
    // T1 1.000 + T4 300 from the results; T2 500 + T3 700 from the contracts.
    let realization = try #require(report.district.realization)
    #expect((realization.lines, realization.total) == (4, m("2500")))
    #expect((realization.pdn.amount, realization.umkk.amount) == (m("1500"), m("1500")))
    #expect(report.opd("1.01.0.00.0.00.01.0000")?.realization?.total == m("1300"))
    #expect(report.opd("1.03.0.00.0.00.03.0000")?.realization?.total == m("1200"))
  }

  @Test(
    "swakelola packages reported apart count once: the announced package (1030) before its budget lines (1033)"
  )
  func swakelolaOnce() throws {
    let folder = Support.temporaryFolder()
    try """
    kd_satker_str,nama_satker,kd_rup,pagu,tahun_anggaran,tipe_swakelola,status_umumkan_rup
    1.01.0.00.0.00.01.0000,Disdik,S1,1000,2025,1,Terumumkan
    1.01.0.00.0.00.01.0000,Disdik,S2,400,2025,1,Terumumkan
    """.write(toFile: folder + "/1030.csv", atomically: true, encoding: .utf8)
    // S1 in two budget lines (600 + 300), and S3 that 1030 does not have (250).
    try """
    id_paket_anggaran_swakelola,kd_satker_str,nama_satker,kd_rup,pagu,tahun_anggaran,status_umumkan_rup
    A1,1.01.0.00.0.00.01.0000,Disdik,S1,600,2025,Terumumkan
    A2,1.01.0.00.0.00.01.0000,Disdik,S1,300,2025,Terumumkan
    A3,1.01.0.00.0.00.01.0000,Disdik,S3,250,2025,Terumumkan
    """.write(toFile: folder + "/1033.csv", atomically: true, encoding: .utf8)
    let report = try Support.audit([folder], year: 2025)
    #expect(report.input("1030.csv")?.dataset == "rup/paket-swakelola-terumumkan")
    #expect(report.input("1033.csv")?.dataset == "rup/paket-anggaran-swakelola")
    // 1.000 (S1) + 400 (S2) from 1030, 250 (S3) from 1033.
    #expect(report.district.swakelolaPlan == LineTotal(lines: 3, total: m("1650")))
  }

  @Test("ISB 1028 and 1033 share their columns: the file's name tells the swakelola budget lines apart")
  func isbBudgetLines() throws {
    let swakelola = Support.sharedData("excerpts/19_1033_RUP-PaketAnggaranSwakelola.json")
    let report = try Support.audit([
      swakelola, Support.sharedData("excerpts/18_1028_RUP-PaketAnggaranPenyedia.json"),
    ])
    let lines1033 = try #require(report.input("19_1033_RUP-PaketAnggaranSwakelola.json"))
    #expect((lines1033.profile, lines1033.dataset) == ("sirup-swakelola", "rup/paket-anggaran-swakelola"))
    #expect((lines1033.rows, lines1033.count(.swakelola)) == (25, 25))
    let lines1028 = try #require(report.input("18_1028_RUP-PaketAnggaranPenyedia.json"))
    #expect((lines1028.profile, lines1028.dataset) == ("sirup-penyedia", "rup/paket-anggaran-penyedia"))
    #expect(lines1028.supersededBy == nil)
    // Under another name the same columns are read as 1028.
    let renamed = Support.temporaryFile(
      try String(contentsOfFile: swakelola, encoding: .utf8), name: "anggaran.json")
    #expect(try Support.audit([renamed], year: 2025).inputs.first?.profile == "sirup-penyedia")
  }

  @Test("a browser copy `x (1).csv` beside `x.csv` is read once, listed as the same as it")
  func identicalFiles() throws {
    let folder = Support.temporaryFolder()
    let text = """
      kode_opd,nama_opd,tahap,tahun_anggaran,nilai
      1.01.0.00.0.00.01.0000,Dinas Pendidikan,rencana,2025,1000
      1.01.0.00.0.00.01.0000,Dinas Pendidikan,rencana,2025,250
      """
    try text.write(toFile: folder + "/x.csv", atomically: true, encoding: .utf8)
    try text.write(toFile: folder + "/x (1).csv", atomically: true, encoding: .utf8)
    let report = try Support.audit([folder])
    // `x (1).csv` sorts before `x.csv` (a space is below the dot): it is the one read.
    let first = try #require(report.input("x (1).csv"))
    let copy = try #require(report.input("/x.csv"))
    #expect((first.rows, first.included, first.sameAs) == (2, 2, nil))
    #expect((copy.rows, copy.included, copy.sameAs) == (0, 0, folder + "/x (1).csv"))
    #expect((copy.use, copy.stages) == (.spending, [.plan]))
    #expect(report.district.plan?.total == m("1250"))
  }

  @Test("a folder is read with its subfolders; hidden files, Excel lock files and FIFOs are skipped")
  func recursiveFolder() throws {
    let folder = Support.temporaryFolder()
    let sheet = "kode_opd,tahap,tahun_anggaran,nilai\n1.01.0.00.0.00.01.0000,rencana,2025,100\n"
    try FileManager.default.createDirectory(atPath: folder + "/2025/rup", withIntermediateDirectories: true)
    try sheet.write(toFile: folder + "/2025/rup/a.csv", atomically: true, encoding: .utf8)
    try sheet.replacingOccurrences(of: ",100", with: ",50").write(
      toFile: folder + "/b.csv", atomically: true, encoding: .utf8)
    // Not exports: an open workbook's lock file, a hidden file, a hidden folder, a FIFO.
    try "not a workbook".write(toFile: folder + "/~$b.xlsx", atomically: true, encoding: .utf8)
    try "x".write(toFile: folder + "/.b.csv", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(atPath: folder + "/.cache", withIntermediateDirectories: true)
    try sheet.write(toFile: folder + "/.cache/c.csv", atomically: true, encoding: .utf8)
    #expect(mkfifo(folder + "/pipe.csv", 0o600) == 0)
    let report = try Support.audit([folder])
    #expect(report.inputs.map(\.path) == [folder + "/2025/rup/a.csv", folder + "/b.csv"])
    #expect(report.district.plan?.total == m("150"))
  }

  @Test("within a file, a row identical to an earlier one but for last_update_ref is a duplicate")
  func identicalRows() throws {
    let text = """
      kd_klpd,kd_satker_str,nama_satker,kd_rup,pagu,tahun_anggaran,status_umumkan_rup,last_update_ref
      D1,1.01.0.00.0.00.01.0000,Disdik,11,1000,2025,Terumumkan,a
      D1,1.01.0.00.0.00.01.0000,Disdik,11,1000,2025,Terumumkan,b
      D1,1.01.0.00.0.00.01.0000,Disdik,12,1000,2025,Terumumkan,c
      """
    let report = try Support.audit([Support.temporaryFile(text)])
    let input = try #require(report.inputs.first)
    #expect((input.rows, input.included, input.count(.duplicate)) == (3, 2, 1))
    #expect(input.setAside.first { $0.0 == .duplicate }?.1 == m("1000"))
    #expect((input.warnings.copiesWithin.rows, input.warnings.copiesWithin.amount) == (1, m("1000")))
    #expect(Localizer(.en).inputWarnings(input).map(\.code) == ["duplicate-rows"])
    #expect(report.district.plan?.total == m("2000"))
  }

  @Test("snapshots: of two pulls of one dataset, scope and year, the newer counts; the older is superseded")
  func snapshots() throws {
    let folder = Support.temporaryFolder()
    let header =
      "kd_klpd,kd_satker_str,nama_satker,kd_rup,pagu,tahun_anggaran,status_umumkan_rup,_event_date\n"
    try (header + "D1,1.01.0.00.0.00.01.0000,Disdik,11,1000,2025,Terumumkan,2025-06-30\n")
      .write(toFile: folder + "/juni.csv", atomically: true, encoding: .utf8)
    try
      (header + "D1,1.01.0.00.0.00.01.0000,Disdik,11,1500,2025,Terumumkan,2025-09-30\n"
      + "D1,1.01.0.00.0.00.01.0000,Disdik,12,700,2025,Terumumkan,2025-09-30\n")
      .write(toFile: folder + "/september.csv", atomically: true, encoding: .utf8)
    // Another KLPD's pull is another scope: it counts beside them.
    try (header + "D2,2.01.0.00.0.00.01.0000,Dinas X,31,90,2025,Terumumkan,2025-01-31\n")
      .write(toFile: folder + "/lain.csv", atomically: true, encoding: .utf8)
    let report = try Support.audit([folder])
    let june = try #require(report.input("juni.csv"))
    #expect((june.rows, june.included, june.count(.superseded)) == (1, 0, 1))
    #expect(june.supersededBy == folder + "/september.csv")
    #expect(june.asOf == "2025-06-30")
    #expect(june.setAside.first { $0.0 == .superseded }?.1 == m("1000"))
    #expect(report.input("september.csv")?.included == 2)
    #expect(report.input("lain.csv")?.included == 1)
    #expect(report.district.plan?.total == m("2290"))
  }

  @Test("a status word outside the dataset's list is unknown-status, with a warning of its rows and amount")
  func unknownStatus() throws {
    let text = """
      order_id,kode_klpd,kode_satker,nama_satker,fiscal_year,total,status
      1,K1,452677,Satker A,2025,100,COMPLETED
      2,K1,452677,Satker A,2025,200,CANCELLED_ON_REVIEW
      3,K1,452677,Satker A,2025,300,ON_HOLD
      4,K1,452677,Satker A,2025,400,ON_HOLD
      """
    let report = try Support.audit([Support.temporaryFile(text)])
    let input = try #require(report.inputs.first)
    #expect(input.profile == "ekatalog-v6-inaproc")
    #expect((input.included, input.count(.cancelled), input.count(.unknownStatus)) == (1, 1, 2))
    let word = try #require(input.warnings.unknownStatuses["status"]?["ON_HOLD"])
    #expect((word.rows, word.amount) == (2, m("700")))
    #expect(report.district.realization?.total == m("100"))
    // A mapping may give the word its meaning.
    let map = Support.temporaryFile(
      """
      stage = "realization"
      [columns]
      opd_code = "kode_satker"
      amount = "total"
      fiscal_year = "fiscal_year"
      status = "status"
      [status]
      counts = ["COMPLETED", "ON_HOLD"]
      cancelled = ["CANCELLED_ON_REVIEW"]
      """, name: "map.toml")
    let mapped = try Support.audit([Support.temporaryFile(text)], map: map)
    #expect(mapped.district.realization?.total == m("800"))
  }

  @Test("an --opd that matches nothing and a --year with no included row exit 2, naming what there is")
  func typos() throws {
    let opd = try Binary.run([
      "audit", Support.fixture("kukar-2022"), "--year", "2022", "--opd", "Dinas Kesehatn",
    ])
    #expect(opd.status == 2)
    #expect(opd.stdout.isEmpty)
    #expect(opd.stderr.contains("1.02.0.00.0.00.02.0000 Dinas Kesehatan"))
    let year = try Binary.run(["audit", Support.fixture("kukar-2022"), "--year", "2019", "--lang", "en"])
    #expect(year.status == 2)
    #expect(
      year.stderr.contains(
        "no row of any input is included for fiscal year 2019; years with included rows: 2021, 2022"))
  }
}

/// Every INAPROC dataset shape (`Fixtures/inaproc/HEADERS.md`: the columns of the 34 shapes
/// seen in pulls) is recognized from its set of column names, as CSV and as a saved `/v1`
/// page, whatever the order of its columns.
@Suite("INAPROC dataset shapes")
struct DatasetShapeTests {
  /// Dataset path (after `/v1/` or `/legacy/`) → profile and the dataset the audit names.
  static let expected: [String: (profile: String, dataset: String)] = [
    "ekatalog-archive/instansi-satker": ("satker-ekatalog", "ekatalog-archive/instansi-satker"),
    "ekatalog-archive/paket-e-purchasing": ("ekatalog-v5", "ekatalog-archive/paket-e-purchasing"),
    "ekatalog/paket-e-purchasing": ("ekatalog-v6-inaproc", "ekatalog/paket-e-purchasing"),
    "rup/history-kaji-ulang": ("kaji-ulang", "rup/history-kaji-ulang"),
    "rup/master-satker": ("satker-sirup", "rup/master-satker"),
    "rup/paket-anggaran-penyedia": ("sirup-penyedia", "rup/paket-anggaran-penyedia"),
    "rup/paket-anggaran-swakelola": ("sirup-swakelola", "rup/paket-anggaran-swakelola"),
    "rup/paket-swakelola-terumumkan": ("sirup-swakelola", "rup/paket-swakelola-terumumkan"),
    "rup/program-master": ("program", "rup/program-master"),
    "tender/jadwal-tahapan-non-tender": ("jadwal-tahapan", "tender/jadwal-tahapan-non-tender"),
    "tender/jadwal-tahapan-tender": ("jadwal-tahapan", "tender/jadwal-tahapan-tender"),
    "tender/non-tender-ekontrak-kontrak": ("spse-ekontrak", "tender/non-tender-ekontrak-kontrak"),
    "tender/non-tender-pengumuman": ("pengumuman", "tender/non-tender-pengumuman"),
    "tender/non-tender-selesai": ("spse-selesai", "tender/non-tender-selesai"),
    "tender/pencatatan-non-tender": ("pencatatan-nontender", "tender/pencatatan-non-tender"),
    "tender/pencatatan-non-tender-realisasi": (
      "pencatatan-nontender-realisasi", "tender/pencatatan-non-tender-realisasi"
    ),
    "tender/pencatatan-swakelola": ("pencatatan-swakelola", "tender/pencatatan-swakelola"),
    "tender/pencatatan-swakelola-realisasi": (
      "pencatatan-swakelola-realisasi", "tender/pencatatan-swakelola-realisasi"
    ),
    "tender/pengumuman": ("pengumuman", "tender/pengumuman"),
    "tender/peserta-tender": ("peserta-tender", "tender/peserta-tender"),
    "tender/tender-ekontrak-kontrak": ("spse-ekontrak", "tender/tender-ekontrak-kontrak"),
    "tender/tender-selesai-nilai": ("spse-selesai", "tender/tender-selesai-nilai"),
  ]

  /// The shapes of HEADERS.md: endpoint and columns.
  static func shapes() throws -> [(endpoint: String, columns: [String])] {
    let text = try String(contentsOfFile: Support.fixture("inaproc/HEADERS.md"), encoding: .utf8)
    return text.split(separator: "\n").compactMap { line -> (String, [String])? in
      guard line.hasPrefix("- `/"), let colon = line.firstIndex(of: ":") else { return nil }
      let endpoint = String(line.dropFirst(3).prefix { $0 != "`" })
      let columns = line[line.index(after: colon)...].split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
      }
      return (endpoint, columns)
    }
  }

  @Test("the 34 shapes, as CSV (columns reversed) and as a saved /v1 page")
  func everyShape() throws {
    let shapes = try Self.shapes()
    #expect(shapes.count == 34)
    for (endpoint, columns) in shapes {
      let path = endpoint.split(separator: "/").dropFirst().joined(separator: "/")
      let wanted = try #require(Self.expected[path], "\(endpoint)")
      // CSV: the header, in another order than HEADERS.md's, and no row.
      let csv = Support.temporaryFile(columns.reversed().joined(separator: ",") + "\n", name: "shape.csv")
      let fromCSV = try #require(Support.audit([csv], year: 2024).inputs.first)
      #expect((fromCSV.profile, fromCSV.dataset) == (wanted.profile, wanted.dataset), "\(endpoint) as CSV")
      // A saved page: one object with every column.
      let object = columns.map { "\"\($0)\": \"\"" }.joined(separator: ", ")
      let page = Support.temporaryFile(
        "{\"meta\": {\"pulled_at\": \"2026-06-11T08:00:00Z\"}, \"data\": [{\(object)}]}", name: "shape.json")
      let fromPage = try #require(Support.audit([page], year: 2024).inputs.first)
      #expect(
        (fromPage.profile, fromPage.dataset) == (wanted.profile, wanted.dataset), "\(endpoint) as a page")
      #expect(fromPage.asOf == "2026-06-11", "\(endpoint): the page's pulled_at")
    }
  }
}
