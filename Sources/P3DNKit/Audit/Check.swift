/// The outcome of one rule for one group and stage (CONTRACT §4.3).
public enum CheckStatus: String, Sendable, CaseIterable {
  case pass
  case fail
  case undetermined
  case noData = "no_data"
  case info
}

/// One rule checked for one group and stage.
public struct CheckResult: Equatable, Sendable {
  public let rule: Rule
  public let stage: Stage
  public let share: Share?
  public let status: CheckStatus
  /// How much more qualifying spending reaches the minimum; nil for `no_data` and `info`.
  public let gap: MoneySum?

  public var metric: Metric { rule.metric }
}

/// Decides pass / fail / undetermined with exact arithmetic.
public enum RuleCheck {
  /// 100 × 10^9: amount × 100 compared with min × total, with min scaled by 10^9.
  private static let scaledHundred = Int128(100) * Int128(Percentage.scale)

  /// Checks `rule` on `sums`; `denominator`, when given, replaces the lines' total
  /// (`--denominator budget`).
  public static func evaluate(
    rule: Rule, stage: Stage, sums: StageSums?, denominator: MoneySum? = nil
  ) -> CheckResult {
    let metricSums = sums?[rule.metric]
    let total = sums == nil ? .zero : (denominator ?? sums?.total ?? .zero)
    let share = metricSums.flatMap { Share(amount: $0.amount, total: total) }
    guard let metricSums, total.sen > 0 else {
      return CheckResult(rule: rule, stage: stage, share: nil, status: .noData, gap: nil)
    }
    guard let minimum = rule.minimum else {
      return CheckResult(rule: rule, stage: stage, share: share, status: .info, gap: nil)
    }
    let required = Int128(minimum.scaled)
    let amount = metricSums.amount.sen
    let status: CheckStatus
    if ExactRatio.compareProducts(amount, scaledHundred, required, total.sen) >= 0 {
      status = .pass
    } else if ExactRatio.compareProducts(
      amount &+ metricSums.unknown.sen, scaledHundred, required, total.sen) < 0
    {
      status = .fail
    } else {
      status = .undetermined
    }
    // gap: the smallest x ≥ 0 with (amount + x) × 100 ≥ min × total.
    let needed = ExactRatio.ceilingOfProduct(required, total.sen, over: scaledHundred) ?? amount
    let gap = needed > amount ? needed - amount : 0
    return CheckResult(rule: rule, stage: stage, share: share, status: status, gap: MoneySum(sen: gap))
  }
}
