/// The figures of one metric for one group and stage.
public struct MetricFigures: Equatable, Sendable {
  public let amount: MoneySum
  public let unknown: MoneySum
  public let share: Share?
  /// `unknown` over the same denominator as `share`: how much of the share's base is
  /// spending whose status is unknown (nil when the denominator is ≤ 0).
  public let unknownShare: Share?
}

/// The figures of one group (an OPD or the district) for one stage.
public struct StageFigures: Equatable, Sendable {
  public let lines: Int
  public let total: MoneySum
  public let pdn: MetricFigures
  public let umkk: MetricFigures
  public let local: MetricFigures

  /// What the shares are divided by: the lines' total, or the OPD's procurement budget
  /// (`--denominator budget`).
  public let denominator: Denominator
  public let denominatorTotal: MoneySum

  public init(_ sums: StageSums, budget: MoneySum? = nil) {
    lines = sums.lines
    total = sums.total
    denominator = budget == nil ? .rup : .budget
    let divisor = budget ?? sums.total
    denominatorTotal = divisor
    func figures(_ metric: MetricSums) -> MetricFigures {
      MetricFigures(
        amount: metric.amount, unknown: metric.unknown,
        share: Share(amount: metric.amount, total: divisor),
        unknownShare: Share(amount: metric.unknown, total: divisor))
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

/// What shares are divided by.
public enum Denominator: String, Sendable, CaseIterable {
  /// The total of the group's included lines of that stage (CONTRACT §4.3).
  case rup
  /// The group's procurement budget (`belanja_pengadaan` of a `struktur-anggaran` file),
  /// where it has one; else the lines' total.
  case budget
}

/// A group's procurement budget and how much of it the RUP plan covers.
public struct BudgetFigures: Equatable, Sendable {
  /// Budget rows read for the group.
  public let rows: Int
  /// `belanja_pengadaan`, summed over the group's rows (sub-units rolled up).
  public let procurement: MoneySum
  /// "% input RUP": the planned total (RUP penyedia pagu) over the procurement budget;
  /// nil when the budget is not positive or there is no plan input.
  public let rupInput: Share?
}

/// How the plan's RUP codes and the realization lines meet (by RUP code).
public struct PlanLinks: Equatable, Sendable {
  /// Distinct RUP codes on the group's included plan lines.
  public let plannedPackages: Int
  /// Planned packages no realization line names: `lines` counts packages, `total` their pagu.
  public let plannedWithoutRealization: LineTotal
  /// Realization lines naming at least one planned RUP code.
  public let realizedInPlan: LineTotal
  /// Realization lines whose RUP codes are none of the planned ones.
  public let realizedNotInPlan: LineTotal
  /// Realization lines that name no RUP code (a profile without one, or an empty cell).
  public let realizedWithoutCode: LineTotal
}

/// One OPD or the district.
public struct GroupReport: Equatable, Sendable {
  public let code: String
  public let name: String
  public let plan: StageFigures?
  public let realization: StageFigures?
  public let checks: [CheckResult]
  public let againstPlan: RealizationAgainstPlan?
  /// The procurement budget, when a `struktur-anggaran` file gave one.
  public var budget: BudgetFigures? = nil
  /// Swakelola lines excluded under the policy, reported apart (nil: none).
  public var swakelolaPlan: LineTotal? = nil
  public var swakelolaRealization: LineTotal? = nil
  /// Plan ↔ realization by RUP code, when the audit has input of both stages.
  public var links: PlanLinks? = nil

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
  /// Which source decided each metric of the included lines.
  public var classifiedBy = ClassificationTally()
  /// What the file is for the audit, its dataset, and its as-of day (CONTRACT §7).
  public var use = FileUse.spending
  public var dataset: String? = nil
  public var asOf: String? = nil
  /// The input it is a copy of (read once as that one), or the newer snapshot that counts
  /// instead of it.
  public var sameAs: String? = nil
  public var supersededBy: String? = nil
  /// The amounts set aside as counted elsewhere, by reason (`duplicate`, `superseded`).
  public var setAside: [(ReasonCode, MoneySum)] = []
  /// The fiscal years its fiscal-year cells give (an export of a known dataset).
  public var fiscalYears: [Int] = []
  /// Its header's column names, normalized (lowercase, without spaces, `_`, `-` and `.`).
  public var header: [String] = []
  /// Cells that read but look wrong, by kind, with the first few of each.
  var cellFindings = CellFindings()

  public static func == (lhs: InputReport, rhs: InputReport) -> Bool {
    lhs.path == rhs.path && lhs.sha256 == rhs.sha256 && lhs.rows == rhs.rows
      && lhs.included == rhs.included && lhs.excluded == rhs.excluded
      && lhs.rejected == rhs.rejected
      && lhs.excludedByReason.elementsEqual(rhs.excludedByReason, by: { $0 == $1 })
      && lhs.rejectedByReason.elementsEqual(rhs.rejectedByReason, by: { $0 == $1 })
  }
}

/// What the report's total covers.
public enum TotalScope: Equatable, Sendable {
  /// The inputs cover more than one OPD: their total is the district's.
  case district
  /// The inputs cover only `opds` OPDs (one, or none): their total is theirs, not the
  /// district's, and is labelled as such.
  case inputs(opds: Int)
  /// The data names KLPDs (`nama_klpd`) none of which is the policy's region: the total is
  /// theirs, not the policy region's.
  case otherRegion(klpd: [String])

  /// The JSON and CSV word: `district` or `inputs`.
  public var code: String {
    switch self {
    case .district: return "district"
    case .inputs, .otherRegion: return "inputs"
    }
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
  /// What the shares are divided by (`--denominator`).
  public var denominator: Denominator = .rup
  /// The vendor list read, when `--vendors` named one.
  public var vendors: VendorListSummary? = nil
  /// Whether `district` is the district's total, or only that of inputs covering one OPD
  /// (counted over the whole data, before `--opd`).
  public var totalScope: TotalScope = .district
  /// Every RUP code planned and realized in the district, when the audit has both stages.
  public var linkedCodes: LinkedCodes? = nil

  /// Whether an OPD of the report matches an `--opd` filter (its code begins with it, or
  /// its name holds it, case ignored).
  public func hasOPD(matching filter: String) -> Bool {
    opds.contains { ReportBuilder.matches(code: $0.code, name: $0.name, filters: [filter]) }
  }

  /// Whether a mandatory rule failed for the district or a reported OPD.
  public var hasMandatoryBreach: Bool {
    ([district] + opds).contains { group in
      group.checks.contains { $0.status == .fail && $0.rule.severity == .mandatory }
    }
  }
}

/// What was read from the vendor list.
public struct VendorListSummary: Equatable, Sendable, Codable {
  public let path: String
  public let sha256: String
  public let rows: Int
  public let entries: Int
  /// Rows with no identity (NPWP, code, name) or no fact (scale, koperasi, kab/kota).
  public let unusable: Int
  /// NPWPs or codes that two rows give different facts for (the first row wins).
  public let conflicts: Int

  public init(_ list: VendorList) {
    path = list.path
    sha256 = list.sha256
    rows = list.rows
    entries = list.entries.count
    unusable = list.unusable
    conflicts = list.conflicts
  }
}

/// The RUP codes of the district's included plan lines, and those its realization lines
/// name (a package is linked whichever OPD's file names it).
public struct LinkedCodes: Equatable, Sendable {
  public let planned: Set<String>
  public let realized: Set<String>
}
