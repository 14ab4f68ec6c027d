/// Month by month: the report as of each month's end, for `p3dn trend`.
public struct TrendReport: Sendable {
  public struct Month: Sendable {
    /// `2025-09`.
    public let month: String
    /// The report as of the month's last day; nil when nothing was ingested by then.
    public let report: AuditReport?

    public init(month: String, report: AuditReport?) {
      self.month = month
      self.report = report
    }
  }

  public let fiscalYear: Int
  public let months: [Month]
  /// Whether the OPDs of each month's report are shown besides the district.
  public let showsOPDs: Bool

  public init(fiscalYear: Int, months: [Month], showsOPDs: Bool = true) {
    self.fiscalYear = fiscalYear
    self.months = months
    self.showsOPDs = showsOPDs
  }

  /// The groups shown for one month's report: the district, then the OPDs.
  func groups(_ report: AuditReport) -> [GroupReport] {
    [report.district] + (showsOPDs ? report.opds : [])
  }
}

/// Renders a trend: the district's (and each reported OPD's) year-to-date shares and the
/// status of every check, month by month, in the four formats of the audit.
public struct TrendRenderer: Sendable {
  public let language: Language

  public init(language: Language) { self.language = language }

  /// One line of the trend: a month, a group, a stage.
  private struct Line {
    let month: String
    let code: String
    let name: String
    let stage: Stage
    let figures: StageFigures?
    let checks: [CheckResult]
  }

  private func lines(_ trend: TrendReport) -> [Line] {
    var lines: [Line] = []
    for month in trend.months {
      guard let report = month.report else { continue }
      for group in trend.groups(report) {
        for stage in report.stages {
          lines.append(
            Line(
              month: month.month, code: group.code,
              name: group.code.isEmpty ? report.policy.regionName : group.name, stage: stage,
              figures: group[stage], checks: group.checks.filter { $0.stage == stage }))
        }
      }
    }
    return lines
  }

  public func json(_ trend: TrendReport) -> String {
    let months: [JSONValue] = trend.months.map { month in
      var members: [(String, JSONValue)] = [("month", .string(month.month))]
      guard let report = month.report else {
        members.append(("groups", .array([])))
        return .object(members)
      }
      let groups: [JSONValue] = trend.groups(report).map { group in
        var stages: [(String, JSONValue)] = []
        for stage in report.stages {
          let figures = group[stage]
          stages.append(
            (
              stage.rawValue,
              figures.map { figures in
                .object([
                  ("lines", .int(figures.lines)),
                  ("total", .money(figures.total)),
                  ("pdn_share", .share(figures.pdn.share)),
                  ("umkk_share", .share(figures.umkk.share)),
                  ("local_share", .share(figures.local.share)),
                ])
              } ?? .null
            ))
        }
        return .object([
          ("code", group.code.isEmpty ? .null : .string(group.code)),
          ("name", .string(group.code.isEmpty ? report.policy.regionName : group.name)),
          ("stages", .object(stages)),
          (
            "checks",
            .array(
              group.checks.map { check in
                .object([
                  ("rule", .string(check.rule.id)),
                  ("stage", .string(check.stage.rawValue)),
                  ("share", .share(check.share)),
                  ("status", .string(check.status.rawValue)),
                ])
              })
          ),
        ])
      }
      members.append(("groups", .array(groups)))
      return .object(members)
    }
    return JSONValue.object([
      ("schema", .string("p3dn.trend.v1")),
      ("fiscal_year", .int(trend.fiscalYear)),
      ("months", .array(months)),
    ]).rendered()
  }

  public func csv(_ trend: TrendReport) -> String {
    var rows = [
      "month,opd_code,opd_name,stage,lines,total,pdn_share,umkk_share,local_share,rule,status"
    ]
    for line in lines(trend) {
      let base = [
        line.month, CSVRenderer.neutralize(line.code), CSVRenderer.neutralize(line.name), line.stage.rawValue,
        String(line.figures?.lines ?? 0), (line.figures?.total ?? .zero).decimalString,
        line.figures?.pdn.share?.decimalString ?? "", line.figures?.umkk.share?.decimalString ?? "",
        line.figures?.local.share?.decimalString ?? "",
      ]
      for check in line.checks {
        rows.append(
          (base + [check.rule.id, check.status.rawValue]).map(CSVRenderer.quote).joined(separator: ","))
      }
    }
    return rows.joined(separator: "\r\n") + "\r\n"
  }

  /// The table (`markdown` false) or Markdown rendering.
  public func table(_ trend: TrendReport, markdown: Bool) -> String {
    let text = Localizer(language)
    let format = NumberFormat(language: language)
    let headers = [
      text.pick("Bulan", "Month"), text.pick("Kode OPD", "OPD code"), text.pick("Nama OPD", "OPD name"),
      text.pick("Tahap", "Stage"), "Total", "PDN %", "UMK-K %", text.pick("Lokal %", "Local %"),
      text.pick("Pemeriksaan", "Checks"),
    ]
    var rows: [[String]] = []
    let byMonth = Dictionary(grouping: lines(trend), by: \.month)
    for month in trend.months {
      guard month.report != nil else {
        rows.append([month.month, "", text.pick("(belum ada data)", "(no data yet)"), "", "", "", "", "", ""])
        continue
      }
      for line in byMonth[month.month] ?? [] {
        rows.append([
          line.month, line.code.isEmpty ? text.pick("KABUPATEN", "DISTRICT") : line.code,
          line.name.truncated(to: 40),
          text.stage(line.stage).lowercased(), line.figures.map { format.rupiah($0.total) } ?? "-",
          format.share(line.figures?.pdn.share), format.share(line.figures?.umkk.share),
          format.share(line.figures?.local.share),
          line.checks.map { "\($0.rule.id) \(text.status($0.status))" }.joined(separator: "; "),
        ])
      }
    }
    let title = text.pick(
      "Tren P3DN tahun anggaran \(trend.fiscalYear) (kumulatif sejak awal tahun, per akhir bulan)",
      "P3DN trend, fiscal year \(trend.fiscalYear) (year to date, as of each month's end)")
    if markdown {
      var lines = ["## " + title, "", "| " + headers.joined(separator: " | ") + " |"]
      lines.append(
        "|" + headers.indices.map { $0 >= 4 && $0 <= 7 ? " ---: " : " --- " }.joined(separator: "|") + "|")
      for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
      return lines.joined(separator: "\n") + "\n"
    }
    var table = TextTable(alignments: [.left, .left, .left, .left, .right, .right, .right, .right, .left])
    table.rows.append(headers.map { TextTable.Cell(text: $0) })
    for row in rows { table.rows.append(row.map { TextTable.Cell(text: $0) }) }
    return ([title] + table.rendered(styler: PlainStyler())).joined(separator: "\n") + "\n"
  }
}
