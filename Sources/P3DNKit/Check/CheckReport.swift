/// One OPD, what to fix (`p3dn check`): each rule's status and gap for the OPD, and the
/// lines behind them — those whose classification is unknown, the largest that do not
/// qualify, the rows rejected and the rows set aside (CONTRACT §7) — with plan against
/// realization by RUP code. Values only; renderers turn it into text.
public struct CheckReport: Sendable {
  /// The audit the check is part of (the year, policy, inputs and the OPD's figures).
  public let audit: AuditReport
  public let opd: GroupReport
  /// Each stage with input, in order (plan, realization).
  public let stages: [StageCheck]
  /// Files that count nothing of their own: copies, non-spending datasets, directories,
  /// older snapshots.
  public let setAsideFiles: [SetAsideFile]
  /// Plan against realization by RUP code, when the inputs hold both stages.
  public let links: LinkDetail?

  /// Whether a mandatory rule fails for this OPD.
  public var hasMandatoryBreach: Bool {
    opd.checks.contains { $0.status == .fail && $0.rule.severity == .mandatory }
  }
}

/// The OPD's lines and checks of one stage.
public struct StageCheck: Sendable {
  public let stage: Stage
  /// Nil: the OPD has no included line in this stage.
  public let figures: StageFigures?
  public let rules: [RuleAdvice]
  /// Every included line with an unknown metric, by amount, largest first.
  public let unknownLines: [CheckLine]
  /// Every included line with a metric that does not (fully) qualify, by amount.
  public let nonQualifyingLines: [CheckLine]
  /// The OPD's rejected rows of this stage, in file order.
  public let rejected: [RowNote]
  /// Rows that would count but are counted elsewhere or superseded (CONTRACT §7), by amount.
  public let setAside: [RowNote]
  /// The OPD's other excluded rows, by reason: how many and the amount read.
  public let excluded: [(code: ReasonCode, rows: Int, amount: MoneySum)]
}

/// A rule's status for the OPD and stage, and what would change it.
public struct RuleAdvice: Sendable {
  public let check: CheckResult
  /// The fewest non-qualifying lines whose switch to a qualifying vendor would close the
  /// gap (the largest first, the last one the smallest that still closes it); empty when
  /// there is no gap. When even every line does not close it, all of them.
  public let closingLines: [CheckLine]
  /// What switching `closingLines` adds, and whether it reaches the minimum.
  public let closingAmount: MoneySum
  public let closesGap: Bool
}

/// An included line that an unknown or a non-qualifying metric makes worth a look.
public struct CheckLine: Sendable, Equatable {
  public let path: String
  public let line: Int
  public let amount: MoneySum
  public let vendor: String?
  public let vendorNPWP: String?
  public let lineID: String?
  public let description: String?
  /// The RUP codes it names.
  public var rupCodes: [String] = []
  /// The metrics it is listed for (unknown, or not qualifying), in order pdn, umkk, local.
  public let metrics: [Metric]
  /// Per listed metric: the part of the line that is unknown (the whole amount) or that
  /// does not qualify (the amount less the qualifying part).
  public let parts: [Metric: MoneySum]
  /// Per unknown metric: the columns of the file that could have decided it (empty or not
  /// recognized on this line); empty when the file has none of them.
  public let missing: [Metric: [String]]
}

/// A rejected or set-aside row.
public struct RowNote: Sendable, Equatable {
  public let path: String
  public let line: Int
  public let column: String?
  public let code: ReasonCode
  public let amount: MoneySum?
  public let message: LocalizedText?
  /// For a set-aside row: the file that counts it instead (nil: an earlier row of its own
  /// file).
  public let countedBy: String?
  public let vendor: String?
}

/// A file that counts none of its rows, and why.
public struct SetAsideFile: Sendable, Equatable {
  public enum Reason: String, Sendable {
    /// The same bytes as another input (`same_as`).
    case copy
    /// An older snapshot of a dataset (`superseded_by`).
    case superseded
    /// A satker directory (read for the OPD ids it maps).
    case directory
    /// A dataset that holds no spending.
    case notSpending = "not-spending"
  }

  public let path: String
  public let reason: Reason
  /// The file it is a copy of, or that supersedes it.
  public let other: String?
}

/// Plan against realization by RUP code for the OPD.
public struct LinkDetail: Sendable {
  /// Planned packages that no realization line names, by pagu, largest first.
  public let plannedNotRealized: [PlannedPackage]
  /// Realization lines whose RUP codes are none of the planned ones, by amount.
  public let realizedOutsidePlan: [CheckLine]
  /// Realization lines that name no RUP code.
  public let realizedWithoutCode: LineTotal
}

/// A planned package (one RUP code), its pagu over its plan lines, and its first line.
public struct PlannedPackage: Sendable, Equatable {
  public let code: String
  public let amount: MoneySum
  public let lines: Int
  public let path: String
  public let line: Int
  public let description: String?
}
