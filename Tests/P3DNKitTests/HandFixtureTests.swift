import Testing

@testable import P3DNKit

/// Figures of `Fixtures/hand/`, worked out by hand (see the comments).
@Suite("Hand-worked fixtures")
struct HandFixtureTests {
  static let plan = Support.fixture("hand/boundary-plan.csv")
  static let realization = Support.fixture("hand/realisasi-disdik.csv")

  func report() throws -> AuditReport {
    try Support.audit([Self.plan], realization: [Self.realization])
  }

  @Test("rows = included + excluded + rejected, with every reason counted")
  func buckets() throws {
    let report = try report()
    let plan = try #require(report.input("boundary-plan.csv"))
    // 15 lines after the header; the `,,,,` line is blank: 14 rows.
    #expect(plan.rows == 14)
    #expect(plan.included == 7)
    #expect(plan.excluded == 4)
    #expect(plan.rejected == 3)
    #expect(plan.excludedByReason.map { $0.0 } == [.totalRow, .cancelled, .swakelola, .outOfScopeAccount])
    #expect(plan.rejectedByReason.map { $0.0 } == [.badAmount, .missingAmount, .missingOPD])
    #expect(report.rejected.map(\.line) == [14, 15, 16])
    #expect(report.rejected.map(\.column) == ["kode_opd", "nilai", "nilai"])
    #expect(report.rejected.map(\.code) == [.missingOPD, .badAmount, .missingAmount])
    let realization = try #require(report.input("realisasi-disdik.csv"))
    #expect(realization.rows == 2)
    #expect(realization.included == 2)
    #expect(realization.stages == [.realization])
    #expect(report.fiscalYear == 2022)
  }

  @Test("a swakelola line (cara_pengadaan) is excluded and its amount reported apart")
  func swakelola() throws {
    let report = try report()
    // Line 11: Dinas PU, `Pemeliharaan saluran`, 80.000, Swakelola.
    #expect(report.opd("1.03.0.00.0.00.03.0000")?.swakelolaPlan == LineTotal(lines: 1, total: m("80000")))
    #expect(report.district.swakelolaPlan == LineTotal(lines: 1, total: m("80000")))
    #expect(report.district.swakelolaRealization == nil)
  }

  @Test("40.00% passes, a sen less fails, unknowns leave a check undetermined")
  func opdChecks() throws {
    let report = try report()
    #expect(
      report.opds.map(\.code) == [
        "1.01.0.00.0.00.01.0000", "1.02.0.00.0.00.02.0000", "1.03.0.00.0.00.03.0000",
      ])
    // Dinas Pendidikan: 400.000 of 1.000.000 = 40.00%.
    let disdik = try #require(report.opd("1.01.0.00.0.00.01.0000"))
    #expect(disdik.plan?.total == m("1000000"))
    #expect(disdik.plan?.umkk.amount == m("400000"))
    #expect(status(disdik, .plan) == .pass)
    #expect(gap(disdik, .plan) == m("0"))
    // Dinas Kesehatan with its sub-unit RSUD Majalaya: 399.999,99 of 1.000.000,00.
    let dinkes = try #require(report.opd("1.02.0.00.0.00.02.0000"))
    #expect(dinkes.plan?.lines == 2)
    #expect(dinkes.plan?.total == m("1000000"))
    #expect(dinkes.plan?.umkk.amount == m("399999.99"))
    #expect(status(dinkes, .plan) == .fail)
    #expect(gap(dinkes, .plan) == m("0.01"))
    // Tie between two names (one line each): the first seen wins.
    #expect(dinkes.name == "RSUD Majalaya")
    // Dinas PU: UMK 100.000 yes, 100.000 unknown, 300.000 no: 20%, up to 40% with the unknown.
    let pu = try #require(report.opd("1.03.0.00.0.00.03.0000"))
    #expect(pu.plan?.total == m("500000"))
    #expect(pu.plan?.umkk.amount == m("100000"))
    #expect(pu.plan?.umkk.unknown == m("100000"))
    #expect(pu.plan?.umkk.share?.decimalString == "20")
    #expect(status(pu, .plan) == .undetermined)
    #expect(gap(pu, .plan) == m("100000"))
    // No PDN column: PDN unknown everywhere.
    #expect(pu.plan?.pdn.unknown == m("500000"))
    // OPDs without realization lines get no_data for the realization stage.
    #expect(status(pu, .realization) == .noData)
    #expect(pu.realization == nil)
  }

  @Test("district figures and the realization against the plan")
  func district() throws {
    let report = try report()
    let plan = try #require(report.district.plan)
    // 1.000.000 + 1.000.000 + 500.000.
    #expect(plan.total == m("2500000"))
    #expect(plan.lines == 7)
    // 400.000 + 399.999,99 + 100.000.
    #expect(plan.umkk.amount == m("899999.99"))
    #expect(plan.umkk.unknown == m("100000"))
    // 899.999,99 / 2.500.000 = 35,9999996% → 36.
    #expect(plan.umkk.share?.decimalString == "36")
    #expect(status(report.district, .plan) == .fail)
    // 40% of 2.500.000 = 1.000.000; 1.000.000 − 899.999,99.
    #expect(gap(report.district, .plan) == m("100000.01"))
    let realization = try #require(report.district.realization)
    #expect(realization.total == m("300000"))
    #expect(realization.pdn.amount == m("200000"))
    #expect(realization.umkk.amount == m("200000"))
    #expect(realization.umkk.share?.decimalString == "66.67")
    #expect(status(report.district, .realization) == .pass)
    let against = try #require(report.opd("1.01.0.00.0.00.01.0000")?.againstPlan)
    #expect(against.total?.decimalString == "30")
    #expect(against.pdn == nil)
    #expect(against.umkk?.decimalString == "50")
    #expect(report.hasMandatoryBreach)
    // The info rules of 2022 are there too, with no minimum.
    #expect(
      report.district.checks.map(\.rule.id) == [
        "inpres-2-2022/umkk-40", "inpres-2-2022/umkk-40", "inpres-2-2022/pdn", "inpres-2-2022/pdn",
        "perbup-kukar-74-2021/produk-daerah", "perbup-kukar-74-2021/produk-daerah",
      ])
  }

  @Test("--opd narrows the OPD list, not the district")
  func opdFilter() throws {
    let byCode = try Support.audit([Self.plan], realization: [Self.realization], opd: ["1.02"])
    #expect(byCode.opds.map(\.code) == ["1.02.0.00.0.00.02.0000"])
    #expect(byCode.district.plan?.total == m("2500000"))
    let byName = try Support.audit(
      [Self.plan], realization: [Self.realization], opd: ["pendidikan", "dinas pu"])
    #expect(byName.opds.map(\.code) == ["1.01.0.00.0.00.01.0000", "1.03.0.00.0.00.03.0000"])
    // The breach of Dinas Kesehatan is not reported, but the district still fails.
    #expect(byName.hasMandatoryBreach)
  }

  @Test("a file named twice is read once; --realization decides the stage")
  func duplicates() throws {
    let folder = Support.fixture("hand")
    let report = try Support.audit(
      [folder, Self.plan], realization: [Self.realization], profile: nil)
    #expect(report.inputs.count == 2)
    #expect(report.district.plan?.total == m("2500000"))
  }

  @Test("without a stage the canonical file is an error naming both fixes")
  func unknownStage() throws {
    #expect(throws: AuditError.unknownFileStage(path: Self.realization)) {
      try Support.audit([Self.realization])
    }
  }

  @Test("several years without --year is an error listing them; --year marks other years")
  func years() throws {
    let text = """
      kode_opd,tahap,tanggal,nilai
      1.01,rencana,2021-12-31,100
      1.01,rencana,01/01/2022,200
      1.01,rencana,,300
      """
    let path = Support.temporaryFile(text)
    #expect(throws: AuditError.severalYears(years: [2021, 2022], files: [2021: [path], 2022: [path]])) {
      try Support.audit([path])
    }
    let report = try Support.audit([path], year: 2022)
    // The line without a year belongs to the reported year.
    #expect(report.district.plan?.total == m("500"))
    #expect(report.inputs[0].count(.otherYear) == 1)
    #expect(report.inputs[0].included == 2)
    let noYear = Support.temporaryFile("kode_opd,tahap,nilai\n1.01,rencana,100\n")
    #expect(throws: AuditError.noYear(files: [noYear])) { try Support.audit([noYear]) }
  }

  @Test("a tahap cell that is not a stage stops the audit, naming the line")
  func badStageCell() throws {
    let path = Support.temporaryFile("kode_opd,tahap,nilai\n1.01,rencana,100\n1.01,anggaran,5\n")
    #expect(throws: AuditError.badStageCell(path: path, line: 3, column: "tahap", value: "anggaran")) {
      try Support.audit([path], year: 2022)
    }
  }

  private func status(_ group: GroupReport, _ stage: Stage) -> CheckStatus? {
    group.checks.first { $0.rule.id == "inpres-2-2022/umkk-40" && $0.stage == stage }?.status
  }

  private func gap(_ group: GroupReport, _ stage: Stage) -> MoneySum? {
    group.checks.first { $0.rule.id == "inpres-2-2022/umkk-40" && $0.stage == stage }?.gap
  }
}
