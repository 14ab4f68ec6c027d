/// `--format markdown`: a report that fits a CI step summary.
public struct MarkdownRenderer: Sendable {
  public let language: Language
  public let rejectedShown: Int

  public init(language: Language, rejectedShown: Int = 20) {
    self.language = language
    self.rejectedShown = rejectedShown
  }

  private func mark(_ status: CheckStatus) -> String {
    switch status {
    case .pass: return "✅"
    case .fail: return "❌"
    case .undetermined: return "❔"
    case .noData: return "➖"
    case .info: return "ℹ️"
    }
  }

  public func render(_ report: AuditReport) -> String {
    let text = Localizer(language)
    let format = NumberFormat(language: language)
    var lines: [String] = [
      "## "
        + text.pick(
          "Audit P3DN tahun anggaran \(report.fiscalYear)", "P3DN audit, fiscal year \(report.fiscalYear)"),
      "",
      text.pick("Kebijakan", "Policy") + ": `\(report.policy.id)` (\(escape(report.policy.name))). "
        + text.denominator(report.denominator),
    ]
    let rules = report.rules
    var legend = ShareColumns.Legend()
    for stage in report.stages {
      lines.append("")
      lines.append("### " + text.stage(stage))
      lines.append("")
      var header = [
        text.pick("Kode OPD", "OPD code"), text.pick("Nama OPD", "OPD name"),
        text.pick("Baris", "Lines"), "Total",
      ]
      header.append(contentsOf: ShareColumns.headers(text))
      header.append(contentsOf: rules.indices.map { "[\($0 + 1)]" })
      lines.append("| " + header.joined(separator: " | ") + " |")
      lines.append(
        "|" + header.indices.map { $0 >= 2 && $0 <= 6 ? " ---: " : " --- " }.joined(separator: "|") + "|")
      let shares = ShareColumns(
        groups: report.opds + [report.district], stage: stage, rules: rules, format: format)
      legend.merge(shares.legend)
      for (index, group) in report.opds.enumerated() {
        lines.append(
          row(group.code, group.name, group, stage, shares.joined(row: index), rules, format, text))
      }
      let label = text.totalLabel(report.totalScope, region: report.policy.regionName)
      lines.append(
        row(
          "**" + escape(label.code) + "**", label.name, report.district, stage,
          shares.joined(row: report.opds.count), rules, format, text))
    }
    for note in text.shareLegend(legend) {
      lines.append("")
      lines.append(escape(note))
    }
    if !rules.isEmpty {
      lines.append("")
      lines.append("### " + text.pick("Aturan dan dasar hukum", "Rules and legal basis"))
      lines.append("")
      for (index, rule) in rules.enumerated() {
        let threshold =
          rule.minimum.map { "\(text.metric(rule.metric)) ≥ \(format.percentage($0))%" }
          ?? text.metric(rule.metric)
        lines.append(
          "\(index + 1). `\(rule.id)`: \(threshold) (\(text.severity(rule.severity))). "
            + text.pick("Dasar: ", "Basis: ") + escape(rule.basis))
      }
    }
    let fixes = FixList(language: language).items(report)
    if !fixes.isEmpty {
      lines.append("")
      lines.append("### " + text.pick("Yang perlu diperbaiki", "What to fix"))
      lines.append("")
      for item in fixes { lines.append("- \(mark(item.status)) " + escape(item.text)) }
    }
    lines.append(
      contentsOf: GroupExtrasTable(language: language, styler: PlainStyler()).markdown(report, escape: escape)
    )
    lines.append(
      contentsOf: InputSummary(language: language).lines(report, rejectedShown: rejectedShown, markdown: true)
    )
    return lines.joined(separator: "\n") + "\n"
  }

  private func row(
    _ code: String, _ name: String, _ group: GroupReport, _ stage: Stage, _ shares: [String],
    _ rules: [Rule], _ format: NumberFormat, _ text: Localizer
  ) -> String {
    let figures = group[stage]
    var cells = [
      code, escape(name), String(figures?.lines ?? 0),
      figures.map { format.rupiah($0.total) } ?? "-",
    ]
    cells.append(contentsOf: shares.map(escape))
    for rule in rules {
      if let check = group.checks.first(where: { $0.rule.id == rule.id && $0.stage == stage }) {
        cells.append("\(mark(check.status)) \(text.status(check.status))")
      } else {
        cells.append("")
      }
    }
    return "| " + cells.joined(separator: " | ") + " |"
  }

  private func escape(_ text: String) -> String { Markdown.escape(text) }
}
