import Foundation
import Testing

@testable import P3DNKit

/// The later export profiles on the real Kab. Bandung 2025 files (CSV as downloaded, and
/// the ISB JSON excerpts). Expected figures were computed independently with a short
/// Python script over each file (csv.reader with backslash escapes, Decimal sums,
/// following FORMATS.md and CONTRACT §4.1–4.2), not by this tool.
@Suite("Export profiles on real files")
struct ExportProfileTests {
  func single(_ relative: String, year: Int? = 2025) throws -> (AuditReport, InputReport) {
    let report = try Support.audit([Support.sharedData(relative)], year: year)
    return (report, try #require(report.inputs.first))
  }

  @Test("pencatatan non-tender (1057 CSV): cancelled packages, no realized value yet, PDN/UMK values")
  func pencatatanNonTender() throws {
    let (report, input) = try single("SPSE-PencatatanNonTender_1057.csv", year: nil)
    #expect(input.profile == "pencatatan-nontender")
    #expect(input.stages == [.realization])
    #expect((input.rows, input.included, input.excluded, input.rejected) == (428, 395, 33, 0))
    #expect(input.count(.cancelled) == 23)
    #expect(input.count(.noContractValue) == 10)
    let realization = try #require(report.district.realization)
    #expect(realization.total == m("15938368314.00"))
    #expect(realization.pdn.amount == m("4630142279.46"))
    #expect(realization.umkk.amount == m("4432328966.46"))
    #expect(realization.pdn.unknown == .zero)
    #expect(report.opds.count == 25)
    #expect(input.classifiedBy.counts(.umkk).map(\.0) == [.valueColumn])
  }

  @Test("e-Katalog v6 (1213 CSV): accounts from the first MAK, UMK-K unknown without a vendor list")
  func ekatalogV6() throws {
    let (report, input) = try single("Ecat-PaketEPurchasingV6_1213.csv", year: nil)
    #expect(input.profile == "ekatalog-v6")
    #expect((input.rows, input.included, input.excluded, input.rejected) == (639, 565, 74, 0))
    #expect(input.count(.outOfScopeAccount) == 74)
    let realization = try #require(report.district.realization)
    #expect(realization.total == m("166900677623.00"))
    #expect(realization.umkk.unknown == m("166900677623.00"))
  }

  @Test("pencatatan swakelola (1059) and its lines (1060): excluded as swakelola, reported apart")
  func swakelola() throws {
    let (report, input) = try single("SPSE-PencatatanSwakelola_1059.csv")
    #expect(input.profile == "pencatatan-swakelola")
    #expect((input.rows, input.included, input.excluded, input.rejected) == (209, 0, 209, 0))
    #expect(input.count(.cancelled) == 97)
    #expect(input.count(.swakelola) == 112)
    // 112 swakelola packages, 3 of them with no realized value yet.
    #expect(report.district.swakelolaRealization == LineTotal(lines: 109, total: m("6430978053.00")))
    #expect(report.opds.isEmpty)

    // 1060 names its OPD by SIRUP's numeric kd_satker only: the satker master (1008) of the
    // same pull maps each to its code.
    let lines = try Support.audit(
      [
        Support.sharedData("SPSE-PencatatanSwakelolaRealisasi_1060.csv"),
        Support.sharedData("RUP-MasterSatker_1008.csv"),
      ], year: 2025)
    let linesInput = try #require(lines.inputs.first)
    #expect(linesInput.profile == "pencatatan-swakelola-realisasi")
    #expect((linesInput.rows, linesInput.excluded) == (733, 733))
    #expect(lines.inputs[1].use == .directory)
    #expect(lines.district.swakelolaRealization == LineTotal(lines: 733, total: m("30329993518.00")))
    // Without it, no row has an OPD code.
    let (_, alone) = try single("SPSE-PencatatanSwakelolaRealisasi_1060.csv")
    #expect((alone.rows, alone.count(.swakelola), alone.warnings.unknownOPDIDs) == (733, 733, 0))
  }

  @Test("struktur anggaran (1084): a budget per OPD, sub-units rolled up, no stage of its own")
  func strukturAnggaran() throws {
    let (report, input) = try single("RUP-StrukturAnggaranPD_1084.csv", year: nil)
    #expect(input.profile == "struktur-anggaran")
    #expect(input.stages.isEmpty)
    #expect((input.rows, input.included, input.excluded, input.rejected) == (165, 165, 0, 0))
    #expect(report.stages.isEmpty)
    #expect(report.district.budget?.procurement == m("2469450268019.00"))
    #expect(report.district.budget?.rows == 165)
    // No plan input: no "% input RUP".
    #expect(report.district.budget?.rupInput == nil)
    #expect(report.opds.count == 64)
  }

  @Test("Toko Daring (1061 CSV and JSON): failed orders are cancelled")
  func tokoDaring() throws {
    let (_, input) = try single("Bela-TokoDaringRealisasi_1061.csv")
    #expect(input.profile == "tokodaring")
    #expect((input.rows, input.excluded) == (2, 2))
    #expect(input.count(.cancelled) == 2)
    let (_, json) = try single("excerpts/1_1061_Bela-TokoDaringRealisasi.json")
    #expect((json.rows, json.count(.cancelled)) == (25, 25))
  }

  @Test("ISB JSON excerpts of the new datasets: 1057, 1058, 1213, 1030")
  func jsonExcerpts() throws {
    let (nontender, input1057) = try single("excerpts/38_1057_SPSE-PencatatanNonTender.json")
    #expect(input1057.profile == "pencatatan-nontender")
    #expect(
      (input1057.rows, input1057.included, input1057.count(.cancelled), input1057.count(.noContractValue))
        == (25, 17, 3, 5))
    #expect(nontender.district.realization?.total == m("1553155455.00"))
    #expect(nontender.district.realization?.pdn.amount == m("24669400.00"))
    #expect(nontender.district.realization?.umkk.amount == m("24669400.00"))

    // 1058 lists a payment once per RUP code of its package: 4 of the 25 rows are copies
    // (package 7767093's two payments under 45828523 and 60832782; one payment of
    // 10209649000 under three codes). Counted once: 21 payments, Rp 1.776.856.455 (the
    // rows sum to Rp 1.843.527.655).
    let (lines, input1058) = try single("excerpts/39_1058_SPSE-PencatatanNonTenderRealisasi.json")
    #expect(input1058.profile == "pencatatan-nontender-realisasi")
    #expect((input1058.rows, input1058.included, input1058.count(.duplicate)) == (25, 21, 4))
    #expect(lines.district.realization?.total == m("1776856455.00"))
    #expect(lines.opds.count == 4)

    let (orders, input1213) = try single("excerpts/50_1213_Ecat-PaketEPurchasingV6.json")
    #expect(input1213.profile == "ekatalog-v6")
    #expect((input1213.rows, input1213.included, input1213.count(.outOfScopeAccount)) == (25, 24, 1))
    #expect(orders.district.realization?.total == m("2874610051.00"))

    let (plan, input1030) = try single("excerpts/23_1030_RUP-PaketSwakelola-Terumumkan.json")
    #expect(input1030.profile == "sirup-swakelola")
    #expect(input1030.stages == [.plan])
    #expect((input1030.rows, input1030.count(.swakelola)) == (25, 25))
    #expect(plan.district.swakelolaPlan == LineTotal(lines: 25, total: m("1574882610.00")))
  }

  @Test("1057 records and 1058 lines of the same packages: the records count them, the lines are set aside")
  func recordsAndLines() throws {
    let recordsPath = Support.sharedData("excerpts/38_1057_SPSE-PencatatanNonTender.json")
    let report = try Support.audit(
      [recordsPath, Support.sharedData("excerpts/39_1058_SPSE-PencatatanNonTenderRealisasi.json")], year: 2025
    )
    // 17 included 1057 packages (Rp 1,553,155,455); 20 packages in 1058, 17 of them the
    // same: their lines are duplicate. The 3 others keep 3 lines (Rp 223,701,000) once the
    // 4 payment copies are set aside.
    let lines = try #require(report.input("39_1058_SPSE-PencatatanNonTenderRealisasi.json"))
    #expect(lines.warnings.countedElsewhere[recordsPath]?.rows == 17)
    #expect(lines.included == 3)
    #expect(Localizer(.en).warnings(lines.warnings).map(\.code) == ["counted-elsewhere"])
    let records = try #require(report.input("38_1057_SPSE-PencatatanNonTender.json"))
    #expect(records.warnings.countedElsewhere.isEmpty)
    #expect(report.district.realization?.total == m("1776856455"))
  }

  @Test("the e-Katalog vendor detail (1023) is read as a vendor list")
  func vendorDetail() throws {
    let list = try VendorListLoader.load(path: Support.sharedData("excerpts/6_1023_Ecat-PenyediaDetail.json"))
    #expect(list.profile == "daftar-penyedia")
    // Every vendor of the excerpt is `Belum Terdefinisi` with no kab/kota: nothing usable.
    #expect((list.rows, list.entries.count, list.unusable) == (25, 0, 25))
  }

  @Test("docs/formats.md names every profile, mapping key and classification source")
  func documentation() throws {
    let text = try String(
      contentsOf: Support.root.appendingPathComponent("docs/formats.md"), encoding: .utf8)
    for name in ProfileRegistry.names { #expect(text.contains("`\(name)`"), "profile \(name)") }
    for key in MappingLoader.fieldKeys.map(\.key) { #expect(text.contains(key), "mapping key \(key)") }
    for source in ClassificationSource.allCases { #expect(text.contains("`\(source.code)`")) }
  }
}
