/// `check --format json`: the schema `p3dn.check.v1` (docs/check.md). Lists are complete;
/// money is a §5 string, shares are numbers.
public struct CheckJSONRenderer: Sendable {
  public let language: Language

  public init(language: Language) { self.language = language }

  public func render(_ report: CheckReport) -> String {
    var stages: [(String, JSONValue)] = []
    for stage in report.stages { stages.append((stage.stage.rawValue, self.stage(stage, report: report))) }
    let root: [(String, JSONValue)] = [
      ("schema", .string("p3dn.check.v1")),
      ("fiscal_year", .int(report.audit.fiscalYear)),
      (
        "policy",
        .object([("id", .string(report.audit.policy.id)), ("name", .string(report.audit.policy.name))])
      ),
      ("denominator_basis", .string(report.audit.denominator.rawValue)),
      ("opd", .object([("code", .string(report.opd.code)), ("name", .string(report.opd.name))])),
      ("mandatory_breach", .bool(report.hasMandatoryBreach)),
      ("stages", .object(stages)),
      ("links", report.links.map(links) ?? .null),
      ("set_aside_files", .array(report.setAsideFiles.map(setAsideFile))),
    ]
    return JSONValue.object(root).rendered()
  }

  private func stage(_ stage: StageCheck, report: CheckReport) -> JSONValue {
    let figures = stage.figures
    var members: [(String, JSONValue)] = [
      ("lines", .int(figures?.lines ?? 0)),
      ("total", .money(figures?.total ?? .zero)),
    ]
    for metric in Metric.allCases {
      let metricFigures = figures?[metric]
      members.append(
        (
          metric.rawValue,
          .object([
            ("amount", .money(metricFigures?.amount ?? .zero)),
            ("unknown", .money(metricFigures?.unknown ?? .zero)),
            ("share", .share(metricFigures?.share)),
          ])
        ))
    }
    members += [
      ("checks", .array(stage.rules.map(rule))),
      ("unknown_lines", .array(stage.unknownLines.map(line))),
      ("non_qualifying_lines", .array(stage.nonQualifyingLines.map(line))),
      ("rejected", .array(stage.rejected.map(note))),
      ("set_aside", .array(stage.setAside.map(note))),
      (
        "excluded_by_reason",
        .object(
          stage.excluded.map { entry in
            (entry.code.rawValue, .object([("rows", .int(entry.rows)), ("amount", .money(entry.amount))]))
          })
      ),
    ]
    return .object(members)
  }

  private func rule(_ advice: RuleAdvice) -> JSONValue {
    let check = advice.check
    return .object([
      ("rule", .string(check.rule.id)),
      ("metric", .string(check.metric.rawValue)),
      ("min", check.rule.minimum.map { .number($0.description) } ?? .null),
      ("severity", .string(check.rule.severity.rawValue)),
      ("basis", .string(check.rule.basis)),
      ("status", .string(check.status.rawValue)),
      ("share", .share(check.share)),
      ("gap", check.gap.map { .money($0) } ?? .null),
      ("closing_lines", .array(advice.closingLines.map(line))),
      ("closing_amount", .money(advice.closingAmount)),
      ("closes_gap", .bool(advice.closesGap)),
    ])
  }

  private func line(_ line: CheckLine) -> JSONValue {
    let metrics = Metric.allCases.filter { line.metrics.contains($0) }
    var members: [(String, JSONValue)] = [
      ("path", .string(line.path)),
      ("line", .int(line.line)),
      ("amount", .money(line.amount)),
      ("vendor", line.vendor.map(JSONValue.string) ?? .null),
      ("vendor_npwp", line.vendorNPWP.map(JSONValue.string) ?? .null),
      ("line_id", line.lineID.map(JSONValue.string) ?? .null),
      ("description", line.description.map(JSONValue.string) ?? .null),
      ("metrics", .array(metrics.map { .string($0.rawValue) })),
    ]
    if !line.rupCodes.isEmpty { members.append(("rup_codes", .array(line.rupCodes.map(JSONValue.string)))) }
    if !line.parts.isEmpty {
      members.append(
        (
          "parts",
          .object(metrics.compactMap { metric in line.parts[metric].map { (metric.rawValue, .money($0)) } })
        ))
    }
    if !line.missing.isEmpty {
      members.append(
        (
          "columns",
          .object(
            metrics.compactMap { metric in
              line.missing[metric].map { (metric.rawValue, .array($0.map(JSONValue.string))) }
            })
        ))
    }
    return .object(members)
  }

  private func note(_ note: RowNote) -> JSONValue {
    .object([
      ("path", .string(note.path)),
      ("line", .int(note.line)),
      ("column", note.column.map(JSONValue.string) ?? .null),
      ("code", .string(note.code.rawValue)),
      ("amount", note.amount.map { .money($0) } ?? .null),
      ("message", note.message.map { .string($0.text(language)) } ?? .null),
      ("counted_by", note.countedBy.map(JSONValue.string) ?? .null),
      ("vendor", note.vendor.map(JSONValue.string) ?? .null),
    ])
  }

  private func links(_ links: LinkDetail) -> JSONValue {
    .object([
      (
        "planned_not_realized",
        .array(
          links.plannedNotRealized.map { package in
            .object([
              ("rup_code", .string(package.code)),
              ("amount", .money(package.amount)),
              ("lines", .int(package.lines)),
              ("path", .string(package.path)),
              ("line", .int(package.line)),
              ("description", package.description.map(JSONValue.string) ?? .null),
            ])
          })
      ),
      ("realized_outside_plan", .array(links.realizedOutsidePlan.map(line))),
      (
        "realized_without_code",
        .object([
          ("lines", .int(links.realizedWithoutCode.lines)),
          ("total", .money(links.realizedWithoutCode.total)),
        ])
      ),
    ])
  }

  private func setAsideFile(_ file: SetAsideFile) -> JSONValue {
    .object([
      ("path", .string(file.path)),
      ("reason", .string(file.reason.rawValue)),
      ("other", file.other.map(JSONValue.string) ?? .null),
    ])
  }
}
