import Foundation
import Testing

@testable import P3DNKit

/// The hand-worked files of `Fixtures/exports/` (see its README): every figure below
/// was worked out by hand from the rows of the files.
@Suite("Hand-worked exports: SIPD, vendor list, links, budget, mapping")
struct HandExportTests {
  static func file(_ name: String) -> String { Support.fixture("exports/" + name) }

  @Test("SIPD realization: title rows, `12 Maret 2025` dates, Nilai Setoran, account scope")
  func sipd() throws {
    let report = try Support.audit([Self.file("sipd-realisasi-dinkes.csv")], year: 2025)
    let input = try #require(report.inputs.first)
    #expect(input.profile == "sipd-realisasi")
    // 7 rows under the header of line 4: ATK 1.500.000 and a laptop 12.000.000 − 500.000
    // paid back are included; salaries (5.1.01) are out of scope; a 2024 document is of
    // another year; `31 Juni 2025` is no date; `abc` is no refund; JUMLAH is a total.
    #expect((input.rows, input.included, input.excluded, input.rejected) == (7, 2, 3, 2))
    #expect(input.excludedByReason.map(\.0) == [.totalRow, .outOfScopeAccount, .otherYear])
    #expect(report.rejected.map(\.line) == [8, 9])
    #expect(report.rejected.map(\.column) == ["Tanggal Dokumen", "Nilai Setoran"])
    #expect(report.rejected.map(\.code) == [.badDate, .badAmount])
    let realization = try #require(report.opd("1.02.0.00.0.00.01.0000")?.realization)
    #expect(realization.total == m("13000000"))
    #expect(realization.umkk.unknown == m("13000000"))
  }

  @Test("vendor list: NPWP (15 = 16 digits), code, name; koperasi by list and by name; kab/kota")
  func vendors() throws {
    let report = try Support.audit(
      [Self.file("ekatalog-v6-orders.csv"), Self.file("nontender-realisasi-pu.csv")],
      vendors: Self.file("daftar-penyedia.csv"))
    // e-Katalog: P1 (code 5001, kecil, Kukar) 1.000.000 yes/yes; P2 (5002, besar,
    // Samarinda) 4.000.000 no/no; P3 (5003, menengah but a koperasi, Kab. Kukar)
    // 2.000.000 yes/yes; P4 (9999, not listed) 500.000 unknown; P5 cancelled.
    let disdik = try #require(report.opd("1.01.0.00.0.00.01.0000")?.realization)
    #expect(disdik.total == m("7500000"))
    #expect((disdik.umkk.amount, disdik.umkk.unknown) == (m("3000000"), m("500000")))
    #expect((disdik.local.amount, disdik.local.unknown) == (m("3000000"), m("500000")))
    // Non-tender lines: K1 by its 16-digit NPWP (the list has the 15-digit form) 250.000
    // yes/yes; K2 by name, mikro, Tenggarong (not the region) 150.000 yes/no; K3 not
    // listed 400.000 unknown; K4 `KUD …` is a koperasi by name 100.000, local unknown.
    let pu = try #require(report.opd("1.03.0.00.0.00.03.0000")?.realization)
    #expect(pu.total == m("900000"))
    #expect((pu.umkk.amount, pu.umkk.unknown) == (m("500000"), m("400000")))
    #expect((pu.local.amount, pu.local.unknown) == (m("250000"), m("500000")))
    let orders = try #require(report.input("ekatalog-v6-orders.csv"))
    #expect(
      orders.classifiedBy.counts(.umkk).map { "\($0.0.code) \($0.1)" } == ["vendors-code 3", "unknown 1"])
    let lines = try #require(report.input("nontender-realisasi-pu.csv"))
    #expect(
      lines.classifiedBy.counts(.umkk).map { "\($0.0.code) \($0.1)" } == [
        "koperasi-name 1", "vendors-npwp 1", "vendors-name 1", "unknown 1",
      ])
    #expect(
      lines.classifiedBy.counts(.local).map { "\($0.0.code) \($0.1)" } == [
        "vendors-npwp 1", "vendors-name 1", "unknown 2",
      ])
    let list = try #require(report.vendors)
    // The fifth row has a code but no fact (`Belum Terdefinisi`, no kab/kota).
    #expect((list.rows, list.entries, list.unusable, list.conflicts) == (5, 4, 1, 0))
  }

  @Test("a vendor list inside an input folder is not read as an input")
  func vendorListInFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "p3dn-vendors-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["ekatalog-v6-orders.csv", "daftar-penyedia.csv"] {
      try FileManager.default.copyItem(
        atPath: Self.file(name), toPath: folder.appendingPathComponent(name).path)
    }
    let report = try Support.audit(
      [folder.path], vendors: folder.appendingPathComponent("daftar-penyedia.csv").path)
    #expect(report.inputs.map(\.profile) == ["ekatalog-v6"])
    #expect(report.opd("1.01.0.00.0.00.01.0000")?.realization?.umkk.amount == m("3000000"))
  }

  @Test("an e-Katalog vendor detail (1023) JSON as the vendor list, by SIKaP code")
  func vendorDetailList() throws {
    let report = try Support.audit(
      [Self.file("ekatalog-v6-orders.csv")], vendors: Self.file("penyedia-detail-1023.json"))
    // 5001 UKM: P1 1.000.000 yes; 5002 Non UKM: P2 no; 5003 Belum Terdefinisi: P3 unknown;
    // P4 unknown. No kab/kota in 1023: local stays unknown.
    let disdik = try #require(report.opd("1.01.0.00.0.00.01.0000")?.realization)
    #expect((disdik.umkk.amount, disdik.umkk.unknown) == (m("1000000"), m("2500000")))
    #expect(disdik.local.unknown == m("7500000"))
    #expect((report.vendors?.entries, report.vendors?.unusable) == (2, 1))
  }

  @Test(
    "e-Katalog v5: satker_id mapped by the instansi-satker directory, paket_status_str, kode_anggaran scope, vendor codes"
  )
  func ekatalogV5() throws {
    let directory = Support.fixture("satker/instansi-satker-2025.csv")
    let report = try Support.audit(
      [Self.file("ekatalog-v5-orders.csv"), directory], vendors: Self.file("daftar-penyedia.csv"))
    let input = try #require(report.input("ekatalog-v5-orders.csv"))
    #expect(input.profile == "ekatalog-v5")
    // E2 `Paket Dibatalkan`; E3 a hibah account (5.1.05) in its kode_anggaran.
    #expect(
      (input.rows, input.included, input.count(.cancelled), input.count(.outOfScopeAccount)) == (4, 2, 1, 1))
    let listed = try #require(report.input("instansi-satker-2025.csv"))
    #expect(
      (listed.profile, listed.use, listed.rows, listed.count(.notSpending)) == (
        "satker-ekatalog", .directory, 2, 2
      ))
    // 80011 → Dinas Pendidikan's code, 80012 → Dinas PU's.
    #expect(report.opds.map(\.code) == ["1.01.0.00.0.00.01.0000", "1.03.0.00.0.00.03.0000"])
    // E1 vendor 5001 (kecil, Kukar) 600.000; E4 vendor 5002 (besar, Samarinda) 250.000.
    let first = try #require(report.opd("1.01.0.00.0.00.01.0000")?.realization)
    #expect((first.total, first.umkk.amount, first.local.amount) == (m("600000"), m("600000"), m("600000")))
    let second = try #require(report.opd("1.03.0.00.0.00.03.0000")?.realization)
    #expect((second.total, second.umkk.amount, second.umkk.unknown) == (m("250000"), .zero, .zero))

    // Without the directory the ids are no OPD codes: E1, E3 and E4 are missing-opd (it comes
    // before the account scope), and the warning says to add the directory.
    let alone = try Support.audit([Self.file("ekatalog-v5-orders.csv")], year: 2025)
    let orders = try #require(alone.inputs.first)
    #expect((orders.included, orders.count(.missingOPD), orders.count(.cancelled)) == (0, 3, 1))
    #expect(orders.warnings.unknownOPDIDs == 3)
    #expect(orders.warnings.unknownOPDIDExamples == ["80011", "80012"])
  }

  @Test("Toko Daring: a failed order excluded; local from the merchant's `kota_kab`")
  func tokoDaring() throws {
    let report = try Support.audit([Self.file("tokodaring-disdik.csv")])
    let input = try #require(report.inputs.first)
    #expect(input.profile == "tokodaring")
    #expect((input.rows, input.included, input.count(.cancelled)) == (3, 2, 1))
    // T1 `Kutai Kartanegara (Kab.)` 1.500.000 local; T2 `Samarinda (Kota)` 2.500.000 not.
    let realization = try #require(report.district.realization)
    #expect(realization.total == m("4000000"))
    #expect((realization.local.amount, realization.local.unknown) == (m("1500000"), .zero))
    #expect(realization.umkk.unknown == m("4000000"))
    #expect(input.classifiedBy.counts(.local).map { "\($0.0.code) \($0.1)" } == ["kab-kota 2"])
  }

  @Test("plan ↔ realization by RUP code: multi-valued, duplicated codes; not in plan; not realized")
  func links() throws {
    let report = try Support.audit(
      [
        Self.file("sirup-penyedia-2025.csv"), Self.file("ekatalog-v6-orders.csv"),
        Self.file("nontender-realisasi-pu.csv"),
      ])
    // Dinas Pendidikan plans 111, 333, 888. Orders: P1 `111;222` (in plan), P2 333 (in
    // plan), P4 444 (not in plan), P3 no code; 888 is never realized.
    let disdik = try #require(report.opd("1.01.0.00.0.00.01.0000")?.links)
    #expect(disdik.plannedPackages == 3)
    #expect(disdik.plannedWithoutRealization == LineTotal(lines: 1, total: m("2000000")))
    #expect(disdik.realizedInPlan == LineTotal(lines: 2, total: m("5000000")))
    #expect(disdik.realizedNotInPlan == LineTotal(lines: 1, total: m("500000")))
    #expect(disdik.realizedWithoutCode == LineTotal(lines: 1, total: m("2000000")))
    // Dinas PU plans 666, 999. Lines: K1 `666,666` and K2 666 (in plan), K3 777 (not),
    // K4 no code; 999 is never realized.
    let pu = try #require(report.opd("1.03.0.00.0.00.03.0000")?.links)
    #expect(pu.plannedPackages == 2)
    #expect(pu.plannedWithoutRealization == LineTotal(lines: 1, total: m("3000000")))
    #expect(pu.realizedInPlan == LineTotal(lines: 2, total: m("400000")))
    #expect(pu.realizedNotInPlan == LineTotal(lines: 1, total: m("400000")))
    #expect(pu.realizedWithoutCode == LineTotal(lines: 1, total: m("100000")))
    let district = try #require(report.district.links)
    #expect(district.plannedWithoutRealization == LineTotal(lines: 2, total: m("5000000")))
    #expect(district.realizedNotInPlan == LineTotal(lines: 2, total: m("900000")))
    // Without a plan there are no links.
    let alone = try Support.audit([Self.file("ekatalog-v6-orders.csv")])
    #expect(alone.district.links == nil)
  }

  @Test("1058: a payment listed under each RUP code of its package counts once; its codes are realized")
  func paymentCopies() throws {
    let header =
      "tahun_anggaran,kd_satker_str,nama_satker,kd_nontender_pct,kd_rup_paket,jenis_realisasi,no_realisasi,tgl_realisasi,nilai_realisasi\n"
    // Two payments under X (K1, K2), the same two copied under Y.
    let row = { (code: String, number: String) in
      "2025,1.03.0.00.0.00.03.0000,Dinas PU,NT9,\(code),Kwitansi,\(number),2025-04-01,100000\n"
    }
    let lines = Support.temporaryFile(
      header + row("11", "K1") + row("11", "K2") + row("22", "K1") + row("22", "K2"), name: "1058.csv")
    let plan = Support.temporaryFile(
      "tahun_anggaran,kd_satker_str,nama_satker,kd_rup,pagu,status_ukm\n"
        + "2025,1.03.0.00.0.00.03.0000,Dinas PU,11,150000,UKM\n2025,1.03.0.00.0.00.03.0000,Dinas PU,22,150000,UKM\n"
        + "2025,1.03.0.00.0.00.03.0000,Dinas PU,33,50000,UKM\n", name: "sirup.csv")
    let report = try Support.audit([plan, lines])
    let input = try #require(report.input("1058.csv"))
    #expect((input.rows, input.included, input.count(.duplicate)) == (4, 2, 2))
    #expect(report.district.realization?.total == m("200000"))
    // 22 is realized by the copies; only 33 is never realized.
    let links = try #require(report.district.links)
    #expect(links.plannedWithoutRealization == LineTotal(lines: 1, total: m("50000")))
    #expect(links.realizedInPlan == LineTotal(lines: 2, total: m("200000")))
  }

  @Test("budget: % input RUP, and --denominator budget turns a pass into a fail")
  func budget() throws {
    let files = [
      Self.file("sirup-penyedia-2025.csv"), Self.file("struktur-anggaran-2025.csv"),
      Self.file("ekatalog-v6-orders.csv"),
    ]
    let report = try Support.audit(files, vendors: Self.file("daftar-penyedia.csv"))
    // Dinas Pendidikan: RUP pagu 8.500.000 of a procurement budget of 10.000.000 = 85%.
    // Dinas PU: 3.600.000 of 4.000.000 + 1.000.000 (UPT Jalan rolls up) = 72%.
    let disdik = try #require(report.opd("1.01.0.00.0.00.01.0000"))
    #expect(disdik.budget?.procurement == m("10000000"))
    #expect(disdik.budget?.rupInput?.fixed(separator: ".") == "85.00")
    let pu = try #require(report.opd("1.03.0.00.0.00.03.0000"))
    #expect(pu.budget?.procurement == m("5000000"))
    #expect(pu.budget?.rows == 2)
    #expect(pu.budget?.rupInput?.fixed(separator: ".") == "72.00")
    // 12.100.000 / 15.000.000 = 80.666… → 80.67.
    #expect(report.district.budget?.rupInput?.fixed(separator: ".") == "80.67")
    // Plan UMK-K of Dinas Pendidikan: 3.500.000 / 8.500.000 = 41.18% passes.
    let umkkPlan = { (group: GroupReport) in
      group.checks.first { $0.rule.id == "inpres-2-2022/umkk-40" && $0.stage == .plan }
    }
    #expect(umkkPlan(disdik)?.status == .pass)

    let byBudget = try Support.audit(files, vendors: Self.file("daftar-penyedia.csv"), denominator: .budget)
    #expect(byBudget.denominator == .budget)
    let disdikBudget = try #require(byBudget.opd("1.01.0.00.0.00.01.0000"))
    // 3.500.000 / 10.000.000 = 35% < 40%: fails, 500.000 short.
    #expect(disdikBudget.plan?.umkk.share?.fixed(separator: ".") == "35.00")
    #expect(disdikBudget.plan?.denominator == .budget)
    #expect(disdikBudget.plan?.denominatorTotal == m("10000000"))
    #expect(umkkPlan(disdikBudget)?.status == .fail)
    #expect(umkkPlan(disdikBudget)?.gap == m("500000"))
    // Realization: 3.000.000 known + 500.000 unknown of 10.000.000 cannot reach 40%.
    let realization = disdikBudget.checks.first {
      $0.rule.id == "inpres-2-2022/umkk-40" && $0.stage == .realization
    }
    #expect(realization?.status == .fail)
    #expect(realization?.gap == m("1000000"))
    // District: 7.100.000 / 15.000.000 = 47.33%.
    #expect(byBudget.district.plan?.umkk.share?.fixed(separator: ".") == "47.33")
    // An OPD with no budget row keeps its lines' total, in its own figures and in the
    // district's divisor: (7.100.000 + 1.000.000) / (15.000.000 + 1.000.000) = 50.625%.
    let extra = Support.temporaryFile(
      "tahun_anggaran,kd_satker_str,nama_satker,kd_rup,pagu,status_ukm\n2025,2.00.0.00.0.00.09.0000,Dinas X,901,1000000,UKM\n",
      name: "extra-plan.csv")
    let mixed = try Support.audit(
      files + [extra], vendors: Self.file("daftar-penyedia.csv"), denominator: .budget)
    #expect(mixed.opd("2.00.0.00.0.00.09.0000")?.plan?.denominator == .rup)
    #expect(mixed.district.plan?.denominatorTotal == m("16000000"))
    #expect(mixed.district.plan?.umkk.share?.fixed(separator: ".") == "50.63")
    // % input RUP of the district counts the plan of the OPDs with a budget only.
    #expect(mixed.district.budget?.rupInput?.fixed(separator: ".") == "80.67")
    // Without a budget file the budget denominator cannot be used.
    #expect(throws: AuditError.noBudgetInput(files: [Self.file("sirup-penyedia-2025.csv")])) {
      try Support.audit([Self.file("sirup-penyedia-2025.csv")], denominator: .budget)
    }
  }

  @Test("--map: a one-off sheet's columns and extra yes/no words")
  func mapping() throws {
    let report = try Support.audit([Self.file("rekap-toko.csv")], map: Self.file("rekap-toko.map.toml"))
    let input = try #require(report.inputs.first)
    #expect(input.profile == "rekap-toko")
    #expect(input.stages == [.realization])
    #expect((input.rows, input.included) == (3, 3))
    #expect(report.fiscalYear == 2025)
    // `Ada` yes (extra), `Tidak Ada` no (extra), `Entah` unknown with a warning;
    // `Lokal` is a PDN yes (extra), `Impor` no, empty unknown.
    let realization = try #require(report.district.realization)
    #expect(realization.total == m("2500000"))
    #expect((realization.umkk.amount, realization.umkk.unknown) == (m("1250000"), m("500000")))
    #expect((realization.pdn.amount, realization.pdn.unknown) == (m("1250000"), m("500000")))
    #expect((realization.local.amount, realization.local.unknown) == (m("1250000"), m("500000")))
    #expect(input.warnings.unrecognizedFlags == ["Skala": ["Entah": 1]])
  }

  @Test(
    "--map errors name the file and the key",
    arguments: [
      ("name = \"x\"\n[columns]\namont = \"Nilai\"\n", "columns.amont"),
      ("[columns]\nopd_code = \"Kode\"\n", "columns.amount"),
      ("stage = \"kemarin\"\n[columns]\nopd_code = \"Kode\"\namount = \"Nilai\"\n", "stage"),
    ])
  func mappingErrors(text: String, key: String) throws {
    let map = Support.temporaryFile(text, name: "map.toml")
    #expect {
      try Support.audit([Self.file("rekap-toko.csv")], map: map)
    } throws: { error in
      guard let error = error as? AuditError, case .mapping = error else { return false }
      let message = error.message(.en)
      return message.contains(map) && message.contains(key)
    }
  }

  @Test("the binary: --vendors and --denominator budget in the JSON; a bad --map exits 2")
  func binary() throws {
    let result = try Binary.run([
      "audit", Self.file("sirup-penyedia-2025.csv"), Self.file("struktur-anggaran-2025.csv"),
      Self.file("ekatalog-v6-orders.csv"), "--vendors", Self.file("daftar-penyedia.csv"),
      "--denominator", "budget", "--format", "json",
    ])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["denominator_basis"] as? String == "budget")
    let list = object?["vendor_list"] as? [String: Any]
    #expect(list?["entries"] as? Int == 4)
    let opds = object?["opds"] as? [[String: Any]]
    let links = opds?.first?["links"] as? [String: Any]
    #expect((links?["realized_not_in_plan"] as? [String: Any])?["total"] as? String == "500000.00")

    let notAList = try Binary.run([
      "audit", Self.file("ekatalog-v6-orders.csv"), "--vendors", Self.file("sirup-penyedia-2025.csv"),
      "--lang", "en",
    ])
    #expect(notAList.status == 2)
    #expect(notAList.stderr.contains("sirup-penyedia-2025.csv: not a vendor list"))

    let elsewhere = Support.temporaryFile(
      "[columns]\nopd_code = \"Kode Unit\"\namount = \"Nilai Belanja\"\n", name: "map.toml")
    let notThere = try Binary.run(["audit", Self.file("rekap-toko.csv"), "--map", elsewhere, "--lang", "en"])
    #expect(notThere.status == 2)
    #expect(notThere.stderr.contains("columns of the mapping \"map\" (Kode Unit + Nilai Belanja)"))

    let map = Support.temporaryFile("[columns]\nopd_code = \"Kode\"\n", name: "map.toml")
    let bad = try Binary.run(["audit", Self.file("rekap-toko.csv"), "--map", map])
    #expect(bad.status == 2)
    #expect(bad.stdout == "")
    #expect(bad.stderr.contains(map))
  }
}
