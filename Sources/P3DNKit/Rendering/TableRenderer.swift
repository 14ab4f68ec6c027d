/// `--format table`: aligned columns for a terminal, with the legend of each rule's basis,
/// the input files' counts and what to fix.
public struct TableRenderer: Sendable {
  public let language: Language
  public let styler: Styler
  /// How many rejected rows to list before pointing to the JSON output.
  public let rejectedShown: Int

  public init(language: Language, styler: Styler = PlainStyler(), rejectedShown: Int = 20) {
    self.language = language
    self.styler = styler
    self.rejectedShown = rejectedShown
  }

  public func render(_ report: AuditReport) -> String {
    let text = Localizer(language)
    let format = NumberFormat(language: language)
    var lines: [String] = []
    lines.append(
      styler.heading(
        text.pick(
          "Audit P3DN tahun anggaran \(report.fiscalYear), kebijakan \(report.policy.id)",
          "P3DN audit, fiscal year \(report.fiscalYear), policy \(report.policy.id)")))
    lines.append(report.policy.name)
    lines.append(text.denominator(report.denominator))

    let rules = report.rules
    var legend = ShareColumns.Legend()
    for stage in report.stages {
      lines.append("")
      lines.append(styler.heading(text.stage(stage).uppercased()))
      var table = TextTable(
        alignments: [.left, .left, .right, .right, .right, .right, .right]
          + rules.map { _ in .left })
      let ruleHeaders = rules.indices.map { "[\($0 + 1)]" }
      let groups = report.opds + [report.district]
      let shares = ShareColumns(groups: groups, stage: stage, rules: rules, format: format)
      legend.merge(shares.legend)
      let shareCells = shares.aligned(text)
      table.rows.append(
        ([
          text.pick("Kode OPD", "OPD code"), text.pick("Nama OPD", "OPD name"), text.pick("Baris", "Lines"),
          "Total",
        ]
          + shareCells.header).map { TextTable.Cell(text: $0) }
          + ruleHeaders.map { TextTable.Cell(text: $0) })
      for (index, group) in groups.enumerated() {
        var cells = row(group, stage: stage, rules: rules, format: format, text: text)
        cells.insert(contentsOf: shareCells.rows[index].map { TextTable.Cell(text: $0) }, at: 4)
        if index == report.opds.count {
          let label = text.totalLabel(report.totalScope, region: report.policy.regionName)
          cells[0] = TextTable.Cell(text: label.code)
          cells[1] = TextTable.Cell(text: label.name.truncated(to: 40))
        }
        table.rows.append(cells)
      }
      lines.append(contentsOf: table.rendered(styler: styler))
    }
    lines.append(contentsOf: text.shareLegend(legend))

    if !rules.isEmpty {
      lines.append("")
      lines.append(styler.heading(text.pick("Aturan dan dasar hukum", "Rules and legal basis")))
      for (index, rule) in rules.enumerated() {
        let threshold =
          rule.minimum.map { "\(text.metric(rule.metric)) ≥ \(format.percentage($0))%" }
          ?? text.metric(rule.metric)
        lines.append(
          "[\(index + 1)] \(rule.id): \(threshold) (\(text.severity(rule.severity))), "
            + "\(rule.stages.map { text.stage($0).lowercased() }.joined(separator: ", ")). "
            + text.pick("Dasar: ", "Basis: ") + rule.basis)
      }
    }

    lines.append(contentsOf: fixes(report, text: text))
    lines.append(contentsOf: againstPlan(report, format: format, text: text))
    lines.append(contentsOf: GroupExtrasTable(language: language, styler: styler).lines(report))
    lines.append(contentsOf: InputSummary(language: language).lines(report, rejectedShown: rejectedShown))
    return lines.joined(separator: "\n") + "\n"
  }

  private func row(
    _ group: GroupReport, stage: Stage, rules: [Rule], format: NumberFormat, text: Localizer
  ) -> [TextTable.Cell] {
    let figures = group[stage]
    var cells = [
      TextTable.Cell(text: group.code),
      TextTable.Cell(text: group.name.truncated(to: 40)),
      TextTable.Cell(text: figures.map { String($0.lines) } ?? "0"),
      TextTable.Cell(text: figures.map { format.rupiah($0.total) } ?? "-"),
    ]
    for rule in rules {
      if let check = group.checks.first(where: { $0.rule.id == rule.id && $0.stage == stage }) {
        cells.append(TextTable.Cell(text: text.status(check.status), status: check.status))
      } else {
        cells.append(TextTable.Cell(text: ""))
      }
    }
    return cells
  }

  /// Failed and undetermined checks with the amount still missing.
  private func fixes(_ report: AuditReport, text: Localizer) -> [String] {
    let items = FixList(language: language).items(report)
    guard !items.isEmpty else { return [] }
    return ["", styler.heading(text.pick("Yang perlu diperbaiki", "What to fix"))]
      + items.map { "  " + styler.status($0.text, $0.status) }
  }

  private func againstPlan(_ report: AuditReport, format: NumberFormat, text: Localizer) -> [String] {
    let groups = report.opds.filter { $0.againstPlan != nil }
    guard !groups.isEmpty else { return [] }
    var table = TextTable(alignments: [.left, .left, .right, .right, .right])
    table.rows.append(
      [
        text.pick("Kode OPD", "OPD code"), text.pick("Nama OPD", "OPD name"), "Total %", "PDN %",
        "UMK-K %",
      ].map { TextTable.Cell(text: $0) })
    for group in groups {
      guard let against = group.againstPlan else { continue }
      table.rows.append(
        [
          group.code, group.name.truncated(to: 40), format.share(against.total),
          format.share(against.pdn), format.share(against.umkk),
        ].map { TextTable.Cell(text: $0) })
    }
    return [
      "",
      styler.heading(
        text.pick(
          "Realisasi terhadap rencana (realisasi / rencana × 100)",
          "Realization against plan (realized / planned × 100)")),
    ] + table.rendered(styler: styler)
  }
}

/// Rupiah and percentages as people read them: `Rp 1.234.567`, `41,23` (Indonesian) or
/// `41.23` (English).
struct NumberFormat {
  let language: Language

  var separator: Character { language == .en ? "." : "," }

  func rupiah(_ amount: MoneySum) -> String { amount.rupiahString }

  func share(_ share: Share?) -> String {
    guard let share else { return "-" }
    return share.fixed(separator: language == .en ? "." : ",")
  }

  func percentage(_ value: Percentage) -> String {
    let text = value.description
    return language == .en ? text : text.replacingDots()
  }
}

extension String {
  func replacingDots() -> String {
    String(map { $0 == "." ? "," : $0 })
  }
}
