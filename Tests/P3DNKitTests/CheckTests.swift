import Testing

@testable import P3DNKit

@Suite("Checks at the boundary (CONTRACT §4.3)")
struct CheckTests {
  static let rule = Rule(
    id: "umkk-40", metric: .umkk, stages: [.plan], minimum: Percentage(whole: 40),
    severity: .mandatory, fromYear: nil, toYear: nil, basis: "test")

  static func sums(total: String, amount: String, unknown: String = "0") -> StageSums {
    var sums = StageSums()
    sums.lines = 1
    sums.total = m(total)
    sums.umkk = MetricSums(amount: m(amount), unknown: m(unknown))
    return sums
  }

  @Test("exactly 40.00% passes; one sen less fails with a gap of one sen")
  func boundary() {
    let pass = RuleCheck.evaluate(
      rule: Self.rule, stage: .plan, sums: Self.sums(total: "1000000", amount: "400000"))
    #expect(pass.status == .pass)
    #expect(pass.gap == m("0"))
    #expect(pass.share?.decimalString == "40")
    let fail = RuleCheck.evaluate(
      rule: Self.rule, stage: .plan, sums: Self.sums(total: "1000000", amount: "399999.99"))
    #expect(fail.status == .fail)
    #expect(fail.gap == m("0.01"))
    // The share rounds to 40.00 but the exact check still fails.
    #expect(fail.share?.decimalString == "40")
  }

  @Test("unknown lines make a check undetermined, unless even they cannot reach the minimum")
  func unknowns() {
    let undetermined = RuleCheck.evaluate(
      rule: Self.rule, stage: .plan,
      sums: Self.sums(total: "1000000", amount: "399999.99", unknown: "100000"))
    #expect(undetermined.status == .undetermined)
    #expect(undetermined.gap == m("0.01"))
    let justReachable = RuleCheck.evaluate(
      rule: Self.rule, stage: .plan,
      sums: Self.sums(total: "1000000", amount: "300000", unknown: "100000"))
    #expect(justReachable.status == .undetermined)
    let unreachable = RuleCheck.evaluate(
      rule: Self.rule, stage: .plan,
      sums: Self.sums(total: "1000000", amount: "300000", unknown: "99999.99"))
    #expect(unreachable.status == .fail)
    #expect(unreachable.gap == m("100000"))
  }

  @Test("no data, and info rules")
  func noDataAndInfo() {
    #expect(RuleCheck.evaluate(rule: Self.rule, stage: .plan, sums: nil).status == .noData)
    #expect(RuleCheck.evaluate(rule: Self.rule, stage: .plan, sums: nil).gap == nil)
    let empty = RuleCheck.evaluate(rule: Self.rule, stage: .plan, sums: Self.sums(total: "0", amount: "0"))
    #expect(empty.status == .noData)
    #expect(empty.share == nil)
    let negative = RuleCheck.evaluate(
      rule: Self.rule, stage: .plan, sums: Self.sums(total: "-5", amount: "0"))
    #expect(negative.status == .noData)
    var info = Self.rule
    info.minimum = nil
    info.severity = .info
    let checked = RuleCheck.evaluate(rule: info, stage: .plan, sums: Self.sums(total: "3", amount: "1"))
    #expect(checked.status == .info)
    #expect(checked.gap == nil)
    #expect(checked.share?.decimalString == "33.33")
    // An information rule still says when there is nothing to report.
    #expect(RuleCheck.evaluate(rule: info, stage: .plan, sums: nil).status == .noData)
  }

  @Test("a fractional minimum and the gap rounded up to the next sen")
  func fractionalMinimum() {
    var rule = Self.rule
    rule.minimum = Percentage.parse("33.33")
    // 33.33% of 1.00 is 0.3333 rupiah: the smallest sen amount reaching it is 0.34.
    let check = RuleCheck.evaluate(rule: rule, stage: .plan, sums: Self.sums(total: "1", amount: "0"))
    #expect(check.status == .fail)
    #expect(check.gap == m("0.34"))
  }

  @Test("one line far beyond 2^63 sen, exact shares and gap")
  func hugeLine() throws {
    // 10^28 sen total, UMK-K 4 × 10^27 − 1 sen: one sen short of 40%.
    let text = """
      kode_opd,tahap,nilai,umk
      1.01,rencana,39999999999999999999999999.99,Ya
      1.01,rencana,60000000000000000000000000.01,Tidak
      """
    let report = try Support.audit([Support.temporaryFile(text)], year: 2022)
    let plan = try #require(report.district.plan)
    #expect(plan.total.decimalString == "100000000000000000000000000.00")
    #expect(plan.umkk.share?.decimalString == "40")
    let check = report.district.checks.first { $0.rule.id == "inpres-2-2022/umkk-40" }
    #expect(check?.status == .fail)
    #expect(check?.gap == m("0.01"))
  }

  @Test("checks stay exact on sums far beyond 2^63 sen")
  func hugeSums() {
    var sums = StageSums()
    sums.lines = 2
    sums.total = MoneySum(sen: Int128(Int64.max) * 10)
    sums.umkk = MetricSums(amount: MoneySum(sen: Int128(Int64.max) * 4), unknown: .zero)
    let pass = RuleCheck.evaluate(rule: Self.rule, stage: .plan, sums: sums)
    #expect(pass.status == .pass)
    sums.umkk.amount.sen -= 1
    let fail = RuleCheck.evaluate(rule: Self.rule, stage: .plan, sums: sums)
    #expect(fail.status == .fail)
    #expect(fail.gap == MoneySum(sen: 1))
  }
}

@Suite("Exact 256-bit ratios")
struct ExactRatioTests {
  @Test func ratios() {
    let big = Int128(10).power(36)
    #expect(ExactRatio.roundedRatio(big, times: 10_000, over: 3 * big) == 3_333)
    #expect(ExactRatio.roundedRatio(2 * big, times: 10_000, over: 3 * big) == 6_667)
    #expect(ExactRatio.roundedRatio(-2 * big, times: 10_000, over: 3 * big) == -6_667)
    #expect(ExactRatio.roundedRatio(Int128.max, times: 10_000, over: 1) == nil)
    // ceil(40 × 10^9 × 10^36 / 10^11) = 4 × 10^35, exactly.
    #expect(
      ExactRatio.ceilingOfProduct(40_000_000_000, big, over: 100_000_000_000) == 4 * Int128(10).power(35))
    #expect(ExactRatio.ceilingOfProduct(1, 1, over: 3) == 1)
    #expect(ExactRatio.ceilingOfProduct(3, 1, over: 3) == 1)
  }
}

extension Int128 {
  func power(_ exponent: Int) -> Int128 { (0..<exponent).reduce(1) { value, _ in value * self } }
}
