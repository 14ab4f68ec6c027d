/// `--format csv`: one row per OPD and stage, then the district's rows; stable columns
/// for a given policy and year. Beside each share, the share of the same denominator whose
/// status is unknown; `total_scope` says whether the district rows are the district's
/// total (`district`) or only that of inputs covering one OPD (`inputs`). Text cells that
/// a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) are prefixed
/// with `'`.
public struct CSVRenderer: Sendable {
  public init() {}

  public func render(_ report: AuditReport) -> String {
    var header = [
      "scope", "opd_code", "opd_name", "stage", "lines", "total",
      "pdn_amount", "pdn_unknown", "pdn_share", "pdn_unknown_share",
      "umkk_amount", "umkk_unknown", "umkk_share", "umkk_unknown_share",
      "local_amount", "local_unknown", "local_share", "local_unknown_share",
      "realized_vs_planned_total", "realized_vs_planned_pdn", "realized_vs_planned_umkk",
      "denominator", "denominator_total", "belanja_pengadaan", "rup_input_share",
      "rup_not_realized", "rup_not_realized_pagu", "realized_not_in_plan", "realized_not_in_plan_total",
      "realized_without_rup", "realized_without_rup_total", "total_scope",
    ]
    for rule in report.rules {
      header.append("status:\(rule.id)")
      header.append("gap:\(rule.id)")
    }
    var lines = [header.map(Self.quote).joined(separator: ",")]
    for group in report.opds {
      for stage in report.stages {
        lines.append(row(scope: "opd", group, stage, report.rules, totalScope: nil))
      }
    }
    for stage in report.stages {
      lines.append(
        row(scope: "district", report.district, stage, report.rules, totalScope: report.totalScope))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  private func row(
    scope: String, _ group: GroupReport, _ stage: Stage, _ rules: [Rule], totalScope: TotalScope?
  ) -> String {
    let figures = group[stage]
    var cells: [String] = [
      scope, Self.neutralize(group.code), Self.neutralize(group.name), stage.rawValue,
      String(figures?.lines ?? 0), (figures?.total ?? .zero).decimalString,
    ]
    for metric in Metric.allCases {
      let values = figures?[metric]
      cells.append((values?.amount ?? .zero).decimalString)
      cells.append((values?.unknown ?? .zero).decimalString)
      cells.append(values?.share?.decimalString ?? "")
      cells.append(values?.unknownShare?.decimalString ?? "")
    }
    let against = stage == .realization ? group.againstPlan : nil
    cells.append(against?.total?.decimalString ?? "")
    cells.append(against?.pdn?.decimalString ?? "")
    cells.append(against?.umkk?.decimalString ?? "")
    cells.append(figures?.denominator.rawValue ?? "")
    cells.append(figures?.denominatorTotal.decimalString ?? "")
    cells.append(group.budget?.procurement.decimalString ?? "")
    cells.append(group.budget?.rupInput?.decimalString ?? "")
    // Links: the plan row says which packages were never realized; the realization row,
    // which lines are outside the plan or name no RUP code.
    let links = group.links
    let plan = stage == .plan ? links : nil
    let realization = stage == .realization ? links : nil
    cells.append(plan.map { String($0.plannedWithoutRealization.lines) } ?? "")
    cells.append(plan?.plannedWithoutRealization.total.decimalString ?? "")
    cells.append(realization.map { String($0.realizedNotInPlan.lines) } ?? "")
    cells.append(realization?.realizedNotInPlan.total.decimalString ?? "")
    cells.append(realization.map { String($0.realizedWithoutCode.lines) } ?? "")
    cells.append(realization?.realizedWithoutCode.total.decimalString ?? "")
    cells.append(totalScope?.code ?? "")
    for rule in rules {
      let check = group.checks.first { $0.rule.id == rule.id && $0.stage == stage }
      cells.append(check?.status.rawValue ?? "")
      cells.append(check?.gap?.decimalString ?? "")
    }
    return cells.map(Self.quote).joined(separator: ",")
  }

  static func neutralize(_ text: String) -> String {
    guard let first = text.first, "=+-@\t\r".contains(first) else { return text }
    return "'" + text
  }

  static func quote(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingQuotes() + "\""
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var result = ""
    for character in self {
      if character == "\"" { result.append("\"") }
      result.append(character)
    }
    return result
  }
}
