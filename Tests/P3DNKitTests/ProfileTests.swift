import Testing

@testable import P3DNKit

/// The real ISB excerpts (Kab. Bandung 2025). Expected figures were summed independently
/// from the JSON files (a short script over the 25 records each, following §4.1–4.2).
@Suite("Profiles on real exports")
struct ProfileTests {
  @Test("SIRUP RUP paket penyedia (1018)")
  func sirup() throws {
    let path = Support.sharedData("excerpts/21_1018_RUP-PaketPenyedia-Terumumkan.json")
    let report = try Support.audit([path])
    let input = try #require(report.inputs.first)
    #expect(input.profile == "sirup-penyedia")
    #expect(input.stages == [.plan])
    #expect((input.rows, input.included, input.excluded, input.rejected) == (25, 25, 0, 0))
    #expect(report.fiscalYear == 2025)
    let plan = try #require(report.district.plan)
    #expect(plan.total == m("9584325100.00"))
    #expect(plan.pdn.amount == m("9584325100.00"))
    #expect(plan.umkk.amount == m("9584325100.00"))
    #expect(plan.local.unknown == m("9584325100.00"))
    #expect(
      report.opds.map(\.code) == [
        "1.03.2.15.1.04.03.0000", "2.07.3.32.0.00.09.0000", "5.02.0.00.0.00.28.0000",
      ])
    #expect(report.opd("2.07.3.32.0.00.09.0000")?.name == "DINAS KETENAGAKERJAAN")
    #expect(report.district.realization == nil)
  }

  @Test("SPSE non-tender results (1017): not-completed, no-contract-value, MAK accounts")
  func spseNonTender() throws {
    let path = Support.sharedData("excerpts/37_1017_SPSE-NonTenderSelesai.json")
    let report = try Support.audit([path])
    let input = try #require(report.inputs.first)
    #expect(input.profile == "spse-selesai")
    #expect((input.rows, input.included, input.excluded, input.rejected) == (25, 15, 10, 0))
    #expect(input.count(.notCompleted) == 4)
    #expect(input.count(.noContractValue) == 6)
    let realization = try #require(report.district.realization)
    #expect(realization.total == m("1478351230.00"))
    #expect(realization.pdn.amount == m("1229926570.00"))
    #expect(realization.umkk.amount == m("1478351230.00"))
    #expect(report.opds.count == 10)
  }

  @Test("SPSE tender results (1015): dotted kd_satker, null PDN/UMK values unknown")
  func spseTender() throws {
    let path = Support.sharedData("excerpts/49_1015_SPSE-TenderSelesaiNilai.json")
    let report = try Support.audit([path])
    let input = try #require(report.inputs.first)
    #expect((input.rows, input.included, input.excluded, input.rejected) == (25, 23, 2, 0))
    let realization = try #require(report.district.realization)
    #expect(realization.total == m("36661157982.77"))
    #expect(realization.pdn.amount == m("18215233755.49"))
    #expect(realization.pdn.unknown == m("18445924227.28"))
    #expect(realization.umkk.unknown == m("18445924227.28"))
    // RSUD sub-units (…02.0066, …02.0067) roll up into Dinas Kesehatan.
    #expect(report.opd("1.02.0.00.0.00.02.0000")?.realization?.total == m("5666083910.97"))
    #expect(report.opds.count == 5)
  }

  @Test("legacy SIRUP scraper names")
  func legacySirup() throws {
    let text = """
      idrup,namapaket,jumlahpagu,namasatker,kodesatker,statuspdn,statususahakecil,statusumumkan,tahunanggaran
      1,ATK,"1.000.000",Dinas A,1.01.0.00.0.00.01.0000,PDN,UsahaKecil,Terumumkan,2022
      2,Kursi,"2.000.000",Dinas A,1.01.0.00.0.00.01.0000,Non PDN,Non UsahaKecil,Terumumkan,2022
      3,Meja,500000,Dinas A,1.01.0.00.0.00.01.0000,PDN,UsahaKecil,Terdelete,2022
      4,Lemari,700000,Dinas A,1.01.0.00.0.00.01.0000,PDN,UsahaKecil,Draf,2022
      5,Rak,300000,Dinas A,1.01.0.00.0.00.01.0000,PDN,UsahaKecil,,2022
      """
    let report = try Support.audit([Support.temporaryFile(text)])
    let input = try #require(report.inputs.first)
    #expect(input.profile == "sirup-penyedia")
    #expect(input.count(.deleted) == 1)
    #expect(input.count(.notAnnounced) == 1)
    #expect(report.district.plan?.total == m("3300000"))
    #expect(report.district.plan?.pdn.amount == m("1300000"))
    #expect(report.district.plan?.umkk.amount == m("1300000"))
  }

  @Test("SIRUP status columns: deleted beats inactive beats not-announced; empty excludes nothing")
  func sirupStatusOrder() throws {
    let text = """
      kd_satker_str,nama_satker,pagu,tahun_anggaran,status_delete_rup,status_aktif_rup,status_umumkan_rup
      1.01.0.00.0.00.01.0000,A,100,2022,true,false,Draf
      1.01.0.00.0.00.01.0000,A,100,2022,false,false,Draf
      1.01.0.00.0.00.01.0000,A,100,2022,false,true,Draf
      1.01.0.00.0.00.01.0000,A,100,2022,,,
      1.01.0.00.0.00.01.0000,A,null,2022,true,,
      """
    let report = try Support.audit([Support.temporaryFile(text)])
    let input = try #require(report.inputs.first)
    #expect(input.count(.deleted) == 2)
    #expect(input.count(.inactive) == 1)
    #expect(input.count(.notAnnounced) == 1)
    #expect(input.included == 1)
  }

  @Test("SPSE: kd_satker that is not dotted is missing-opd; missing-opd beats no-contract-value")
  func spseOPD() throws {
    let text = """
      kd_satker,kd_satker_str,nama_satker,nilai_kontrak,tahun_anggaran,status_nontender
      01,,PDAM,100,2022,Selesai
      01,,PDAM,0,2022,Selesai
      12335093,1.03.0.00.0.00.03.0000,PU,0,2022,Selesai
      12335093,1.03.0.00.0.00.03.0000,PU,null,2022,Batal
      1.03.0.00.0.00.03.0000,,PU,250,2022,Selesai
      77,60442,Setda,40,2022,Selesai
      """
    let report = try Support.audit([Support.temporaryFile(text)])
    let input = try #require(report.inputs.first)
    #expect(input.count(.missingOPD) == 2)
    #expect(input.count(.noContractValue) == 1)
    #expect(input.count(.notCompleted) == 1)
    // A filled kd_satker_str is the code whatever its form.
    #expect(report.district.realization?.total == m("290"))
    #expect(report.opds.map(\.code) == ["1.03.0.00.0.00.03.0000", "60442"])
  }

  @Test("the stage of a SIRUP or SPSE file comes from its profile, not from --plan/--realization")
  func profileStageWins() throws {
    let path = Support.sharedData("excerpts/21_1018_RUP-PaketPenyedia-Terumumkan.json")
    let report = try Support.audit([], realization: [path])
    #expect(report.stages == [.plan])
    #expect(report.district.realization == nil)
    #expect(report.inputs[0].stages == [.plan])
    #expect(report.inputs[0].warnings.ignoredStageFlag == .realization)
    #expect(
      Localizer(.en).warnings(report.inputs[0].warnings).map(\.message) == [
        "the file is given with --realization, but its profile decides its stage; --realization is ignored"
      ])
  }

  @Test("--profile forces a profile; an unknown one is an error")
  func forcedProfile() throws {
    let path = Support.sharedData("excerpts/21_1018_RUP-PaketPenyedia-Terumumkan.json")
    #expect(throws: AuditError.unknownProfile(name: "sipd")) { try Support.audit([path], profile: "sipd") }
    #expect(throws: AuditError.self) { try Support.audit([path], profile: "spse-selesai") }
  }

  @Test("a header without an OPD code column is an error naming the missing column")
  func missingOPDColumn() throws {
    let path = Support.temporaryFile("uraian,nilai\nATK,100\n")
    #expect(
      throws: AuditError.missingColumn(
        path: path, profile: "p3dn", line: 1, missing: Profile.canonical.opdNames)
    ) { try Support.audit([path], year: 2022) }
  }

  @Test("the registry lists every profile once, in detection order")
  func registry() {
    #expect(
      ProfileRegistry.names == [
        "satker-sirup", "satker-ekatalog", "pengumuman", "jadwal-tahapan", "peserta-tender", "program",
        "kaji-ulang", "lokasi-paket", "penyedia-detail", "spse-ekontrak", "spse-selesai",
        "pencatatan-nontender", "pencatatan-nontender-realisasi", "pencatatan-swakelola",
        "pencatatan-swakelola-realisasi", "ekatalog-v6", "ekatalog-v6-inaproc", "ekatalog-v5", "tokodaring",
        "struktur-anggaran",
        "sirup-swakelola", "sirup-penyedia", "sipd-realisasi", "p3dn",
      ])
    #expect(Set(ProfileRegistry.names).count == ProfileRegistry.all.count)
    for profile in ProfileRegistry.all where profile.kind.readsAmounts {
      #expect(profile.columns.contains { $0.field == .amount && $0.required })
      #expect(profile.columns.contains { $0.field == .opdCode && $0.required })
    }
    for profile in ProfileRegistry.all {
      #expect(ProfilesRenderer(language: .en).render().contains(profile.name))
    }
  }
}
