/// `--format json`: the schema `p3dn.audit.v1` of CONTRACT §5.
public struct JSONRenderer: Sendable {
  public let language: Language

  public init(language: Language) { self.language = language }

  public func render(_ report: AuditReport) -> String {
    let text = Localizer(language)
    var root: [(String, JSONValue)] = [
      ("schema", .string("p3dn.audit.v1")),
      ("fiscal_year", .int(report.fiscalYear)),
      ("policy", policy(report.policy, year: report.fiscalYear)),
      ("denominator", .string(text.denominator(report.denominator))),
      ("denominator_basis", .string(report.denominator.rawValue)),
      ("inputs", .array(report.inputs.map { input($0, text) })),
      ("district", group(report.district, includeIdentity: false, scope: report.totalScope)),
      ("opds", .array(report.opds.map { group($0, includeIdentity: true) })),
      ("rejected", .array(report.rejected.map(rejected))),
    ]
    root.append(("rejected_omitted", .int(report.rejectedOmitted)))
    root.append(
      (
        "vendor_list",
        report.vendors.map { list in
          .object([
            ("path", .string(list.path)),
            ("sha256", .string(list.sha256)),
            ("rows", .int(list.rows)),
            ("entries", .int(list.entries)),
            ("unusable", .int(list.unusable)),
            ("conflicts", .int(list.conflicts)),
          ])
        } ?? .null
      ))
    return JSONValue.object(root).rendered()
  }

  private func policy(_ policy: Policy, year: Int) -> JSONValue {
    .object([
      ("id", .string(policy.id)),
      ("name", .string(policy.name)),
      (
        "rules",
        .array(
          policy.rules.map { rule in
            .object([
              ("id", .string(rule.id)),
              ("metric", .string(rule.metric.rawValue)),
              ("stages", .array(rule.stages.map { .string($0.rawValue) })),
              ("min", rule.minimum.map { .number($0.description) } ?? .null),
              ("severity", .string(rule.severity.rawValue)),
              ("basis", .string(rule.basis)),
              ("from_year", rule.fromYear.map { .int($0) } ?? .null),
              ("to_year", rule.toYear.map { .int($0) } ?? .null),
              ("applies", .bool(rule.applies(to: year))),
            ])
          })
      ),
    ])
  }

  func input(_ input: InputReport, _ text: Localizer) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("path", .string(input.path)),
      ("profile", .string(input.profile)),
      ("use", .string(input.use.rawValue)),
      ("dataset", input.dataset.map(JSONValue.string) ?? .null),
      ("stage", input.stages.count == 1 ? .string(input.stages[0].rawValue) : .null),
      ("stages", .array(input.stages.map { .string($0.rawValue) })),
      ("format", .string(input.format)),
      ("sha256", .string(input.sha256)),
      ("rows", .int(input.rows)),
      ("included", .int(input.included)),
      ("excluded", .int(input.excluded)),
      ("rejected", .int(input.rejected)),
      ("excluded_by_reason", .object(input.excludedByReason.map { ($0.0.rawValue, .int($0.1)) })),
      ("rejected_by_reason", .object(input.rejectedByReason.map { ($0.0.rawValue, .int($0.1)) })),
      ("set_aside", .object(input.setAside.map { ($0.0.rawValue, .money($0.1)) })),
    ]
    if let asOf = input.asOf { members.append(("as_of", .string(asOf))) }
    if let sameAs = input.sameAs { members.append(("same_as", .string(sameAs))) }
    if let supersededBy = input.supersededBy { members.append(("superseded_by", .string(supersededBy))) }
    let warnings = text.inputWarnings(input)
    members.append(("warnings", .array(warnings.map { .string($0.message) })))
    members.append(("warning_details", .array(warnings.map(\.json))))
    // The codes of `p3dn validate` (docs/validation.md), counted for this input.
    members.append(("findings", .object(Validator.counts(input).map { ($0.0.rawValue, .int($0.1)) })))
    members.append(
      (
        "classified_by",
        .object(
          Metric.allCases.map { metric in
            (metric.rawValue, .object(input.classifiedBy.counts(metric).map { ($0.0.code, .int($0.1)) }))
          })
      ))
    return .object(members)
  }

  /// An OPD's object, or the district's (`scope`: `district`, or `inputs` when the inputs
  /// cover one OPD and their total is not the district's).
  private func group(_ group: GroupReport, includeIdentity: Bool, scope: TotalScope? = nil) -> JSONValue {
    var members: [(String, JSONValue)] = []
    if includeIdentity {
      members.append(("code", .string(group.code)))
      members.append(("name", .string(group.name)))
    }
    members.append(("plan", group.plan.map(stage) ?? .null))
    members.append(("realization", group.realization.map(stage) ?? .null))
    members.append(("checks", .array(group.checks.map(check))))
    let againstPlan: JSONValue =
      group.againstPlan.map { against in
        .object([
          ("total", .share(against.total)),
          ("pdn", .share(against.pdn)),
          ("umkk", .share(against.umkk)),
        ])
      } ?? .null
    members.append(("realization_vs_plan", againstPlan))
    members.append(
      (
        "budget",
        group.budget.map { budget in
          .object([
            ("rows", .int(budget.rows)),
            ("belanja_pengadaan", .money(budget.procurement)),
            ("rup_input_share", .share(budget.rupInput)),
          ])
        } ?? .null
      ))
    let swakelola: JSONValue =
      group.swakelolaPlan == nil && group.swakelolaRealization == nil
      ? .null
      : .object([
        ("plan", group.swakelolaPlan.map(lineTotal) ?? .null),
        ("realization", group.swakelolaRealization.map(lineTotal) ?? .null),
      ])
    members.append(("swakelola", swakelola))
    members.append(
      (
        "links",
        group.links.map { links in
          .object([
            ("planned_packages", .int(links.plannedPackages)),
            (
              "planned_without_realization",
              .object([
                ("packages", .int(links.plannedWithoutRealization.lines)),
                ("pagu", .money(links.plannedWithoutRealization.total)),
              ])
            ),
            ("realized_in_plan", lineTotal(links.realizedInPlan)),
            ("realized_not_in_plan", lineTotal(links.realizedNotInPlan)),
            ("realized_without_rup", lineTotal(links.realizedWithoutCode)),
          ])
        } ?? .null
      ))
    if let scope { members.append(("scope", .string(scope.code))) }
    return .object(members)
  }

  private func lineTotal(_ total: LineTotal) -> JSONValue {
    .object([("lines", .int(total.lines)), ("total", .money(total.total))])
  }

  private func stage(_ figures: StageFigures) -> JSONValue {
    func metric(_ metric: MetricFigures) -> JSONValue {
      .object([
        ("amount", .money(metric.amount)),
        ("unknown", .money(metric.unknown)),
        ("share", .share(metric.share)),
        ("unknown_share", .share(metric.unknownShare)),
      ])
    }
    return .object([
      ("lines", .int(figures.lines)),
      ("total", .money(figures.total)),
      ("pdn", metric(figures.pdn)),
      ("umkk", metric(figures.umkk)),
      ("local", metric(figures.local)),
      ("denominator", .string(figures.denominator.rawValue)),
      ("denominator_total", .money(figures.denominatorTotal)),
    ])
  }

  private func check(_ check: CheckResult) -> JSONValue {
    .object([
      ("rule", .string(check.rule.id)),
      ("stage", .string(check.stage.rawValue)),
      ("metric", .string(check.metric.rawValue)),
      ("min", check.rule.minimum.map { .number($0.description) } ?? .null),
      ("severity", .string(check.rule.severity.rawValue)),
      ("share", .share(check.share)),
      ("status", .string(check.status.rawValue)),
      ("gap", check.gap.map { .money($0) } ?? .null),
    ])
  }

  func rejected(_ row: RejectedRow) -> JSONValue {
    .object([
      ("path", .string(row.path)),
      ("line", .int(row.line)),
      ("column", row.column.map { .string($0) } ?? .null),
      ("code", .string(row.code.rawValue)),
      ("message", .string(row.message.text(language))),
    ])
  }
}
