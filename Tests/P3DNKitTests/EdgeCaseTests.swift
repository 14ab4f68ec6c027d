import Foundation
import Testing

@testable import P3DNKit

@Suite("Edge cases")
struct EdgeCaseTests {
  @Test("a total word in any description column marks a total row")
  func totalInPackageName() throws {
    let text = """
      kode_opd,tahap,uraian,nama_paket,nilai
      1.01,rencana,ATK,Paket A,10
      ,rencana,,TOTAL,10
      ,rencana,Jumlah belanja,,10
      """
    let report = try Support.audit([Support.temporaryFile(text)], year: 2022)
    #expect(report.inputs[0].count(.totalRow) == 2)
    #expect(report.inputs[0].rejected == 0)
  }

  @Test("only numeric 8-segment codes roll up")
  func numericRollUp() {
    #expect(OPDCode.rollUp("A.B.C.D.E.F.G.H") == "A.B.C.D.E.F.G.H")
    #expect(OPDCode.rollUp("1.02.0.00.0.00.02.0012") == "1.02.0.00.0.00.02.0000")
    #expect(OPDCode.rollUp("1.02.0.00.0.00..0012") == "1.02.0.00.0.00..0012")
  }

  @Test("a kab/kota cell of `-` or `null` is not a kab/kota: local stays unknown")
  func placeholderRegion() throws {
    let text = """
      kode_opd,tahap,nilai,kab_kota_penyedia
      1.01,rencana,10,-
      1.01,rencana,20,null
      1.01,rencana,30,Kukar
      1.01,rencana,40,Samarinda
      """
    let report = try Support.audit([Support.temporaryFile(text)], year: 2022)
    #expect(report.district.plan?.local.amount == m("30"))
    #expect(report.district.plan?.local.unknown == m("30"))
  }

  @Test("the same file with --plan and --realization is an error; so is a folder given to --plan")
  func stageFlags() throws {
    let file = Support.fixture("hand/realisasi-disdik.csv")
    #expect(throws: AuditError.twoStages(path: file, other: file)) {
      try Support.audit([], plan: [file], realization: [file])
    }
    let folder = Support.fixture("hand")
    #expect(throws: AuditError.folderGivenAsFile(path: folder)) { try Support.audit([], plan: [folder]) }
  }

  @Test("hidden files in a folder are skipped")
  func hiddenFiles() throws {
    let path = Support.temporaryFile("kode_opd,tahap,nilai\n1.01,rencana,5\n", name: "a.csv")
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    try "garbage".write(to: folder.appendingPathComponent("._a.csv"), atomically: true, encoding: .utf8)
    let report = try Support.audit([folder.path], year: 2022)
    #expect(report.inputs.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a.csv"])
  }

  @Test("a header with pagu but no satker column falls through to p3dn, which lacks kode_opd")
  func partialHeader() throws {
    let path = Support.temporaryFile("pagu,tahun_anggaran,nama_paket\n5,2022,A\n")
    #expect(
      throws: AuditError.missingColumn(
        path: path, profile: "p3dn", line: 1, missing: Profile.canonical.opdNames)
    ) { try Support.audit([path]) }
  }

  @Test("a MAK in a SIRUP file limits the scope too")
  func sirupMAK() throws {
    let text = """
      kd_satker_str,pagu,tahun_anggaran,mak
      1.01.0.00.0.00.01.0000,5,2022,1.03.06.2.01.0029.5.1.01.02.01.0008.
      1.01.0.00.0.00.01.0000,7,2022,1.03.06.2.01.0029.5.1.02.02.01.0008.
      """
    let report = try Support.audit([Support.temporaryFile(text)])
    #expect(report.inputs[0].count(.outOfScopeAccount) == 1)
    #expect(report.district.plan?.total == m("7"))
  }
}
