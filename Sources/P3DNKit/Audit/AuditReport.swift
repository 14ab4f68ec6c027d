/// The figures of one metric for one group and stage.
public struct MetricFigures: Equatable, Sendable {
  public let amount: MoneySum
  public let unknown: MoneySum
  public let share: Share?
}

/// The figures of one group (an OPD or the district) for one stage.
public struct StageFigures: Equatable, Sendable {
  public let lines: Int
  public let total: MoneySum
  public let pdn: MetricFigures
  public let umkk: MetricFigures
  public let local: MetricFigures

  public init(_ sums: StageSums) {
    lines = sums.lines
    total = sums.total
    func figures(_ metric: MetricSums) -> MetricFigures {
      MetricFigures(
        amount: metric.amount, unknown: metric.unknown,
        share: Share(amount: metric.amount, total: sums.total))
    }
    pdn = figures(sums.pdn)
    umkk = figures(sums.umkk)
    local = figures(sums.local)
  }

  public subscript(metric: Metric) -> MetricFigures {
    switch metric {
    case .pdn: return pdn
    case .umkk: return umkk
    case .local: return local
    }
  }
}

/// Realization measured against the plan of the same OPD (percent; nil without a plan).
public struct RealizationAgainstPlan: Equatable, Sendable {
  /// Realized total / planned total.
  public let total: Share?
  /// Realized PDN / planned PDN.
  public let pdn: Share?
  /// Realized UMK-K / planned UMK-K.
  public let umkk: Share?
}

/// One OPD or the district.
public struct GroupReport: Equatable, Sendable {
  public let code: String
  public let name: String
  public let plan: StageFigures?
  public let realization: StageFigures?
  public let checks: [CheckResult]
  public let againstPlan: RealizationAgainstPlan?

  public subscript(stage: Stage) -> StageFigures? {
    stage == .plan ? plan : realization
  }
}

/// What was read from one input file.
public struct InputReport: Equatable, Sendable {
  public let path: String
  public let profile: String
  /// The stages of its lines (one for every profile but a canonical sheet with both).
  public let stages: [Stage]
  public let sha256: String
  public let format: String
  public let rows: Int
  public let included: Int
  public let excluded: Int
  public let rejected: Int
  public let excludedByReason: [(ReasonCode, Int)]
  public let rejectedByReason: [(ReasonCode, Int)]
  public let warnings: FileWarnings

  public static func == (lhs: InputReport, rhs: InputReport) -> Bool {
    lhs.path == rhs.path && lhs.sha256 == rhs.sha256 && lhs.rows == rhs.rows
      && lhs.included == rhs.included && lhs.excluded == rhs.excluded
      && lhs.rejected == rhs.rejected
      && lhs.excludedByReason.elementsEqual(rhs.excludedByReason, by: { $0 == $1 })
      && lhs.rejectedByReason.elementsEqual(rhs.rejectedByReason, by: { $0 == $1 })
  }
}

/// The result of an audit: values only; renderers turn it into text.
public struct AuditReport: Equatable, Sendable {
  public let fiscalYear: Int
  public let policy: Policy
  /// Stages that had any input.
  public let stages: [Stage]
  public let inputs: [InputReport]
  public let district: GroupReport
  /// OPDs with at least one included line, sorted by code (after --opd).
  public let opds: [GroupReport]
  public let rejected: [RejectedRow]
  /// Rejected rows beyond the listing limit.
  public let rejectedOmitted: Int
  /// Rules that apply to the reported fiscal year.
  public let rules: [Rule]

  /// Whether a mandatory rule failed for the district or a reported OPD.
  public var hasMandatoryBreach: Bool {
    ([district] + opds).contains { group in
      group.checks.contains { $0.status == .fail && $0.rule.severity == .mandatory }
    }
  }
}
