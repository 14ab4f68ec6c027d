/// How much a failed rule matters.
public enum Severity: String, CaseIterable, Sendable {
  /// A legal obligation: a failure makes `--fail-on breach` exit 1.
  case mandatory
  /// A target: a failure is shown as a warning.
  case target
  /// Reported for information; no minimum.
  case info
}

/// One threshold of a policy, with its legal basis.
public struct Rule: Sendable, Equatable {
  public var id: String
  public var metric: Metric
  public var stages: [Stage]
  /// The minimum share in percent, or nil for an information-only rule.
  public var minimum: Percentage?
  public var severity: Severity
  /// First and last fiscal year the rule applies to (nil: open-ended).
  public var fromYear: Int?
  public var toYear: Int?
  public var basis: String

  public init(
    id: String, metric: Metric, stages: [Stage], minimum: Percentage?, severity: Severity,
    fromYear: Int?, toYear: Int?, basis: String
  ) {
    self.id = id
    self.metric = metric
    self.stages = stages
    self.minimum = minimum
    self.severity = severity
    self.fromYear = fromYear
    self.toYear = toYear
    self.basis = basis
  }

  public func applies(to year: Int) -> Bool {
    if let fromYear, year < fromYear { return false }
    if let toYear, year > toYear { return false }
    return true
  }
}

/// The thresholds an audit checks and the scope it applies (POLICY.md).
public struct Policy: Sendable, Equatable {
  public var id: String
  public var name: String
  /// PDN is yes when TKDN + BMP reaches this percentage.
  public var pdnTKDNBMPMinimum: Percentage
  /// Accounts in scope where a line carries a kode rekening.
  public var accounts: [String]
  public var excludeSwakelola: Bool
  /// The region whose vendors count as local, and the names its kab/kota cell may carry.
  public var regionName: String
  public var regionNames: [String]
  public var rules: [Rule]

  public var accountScope: AccountScope { AccountScope(accounts: accounts) }
  public var regionMatcher: RegionMatcher { RegionMatcher(names: regionNames) }
}
