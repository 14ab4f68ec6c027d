/// The table part that shows, per OPD, what is not a share: the procurement budget and
/// "% input RUP", plan ↔ realization links by RUP code, and swakelola reported apart.
struct GroupExtrasTable {
  let language: Language
  let styler: Styler

  /// The heading, header row, alignments, rows and note; nil when there is nothing to show.
  struct Content {
    let heading: String
    let headers: [String]
    let alignments: [TextTable.Alignment]
    let rows: [[String]]
    let notes: [String]
  }

  func lines(_ report: AuditReport) -> [String] {
    guard let content = content(report) else { return [] }
    var table = TextTable(alignments: content.alignments)
    table.rows.append(content.headers.map { TextTable.Cell(text: $0) })
    for row in content.rows { table.rows.append(row.map { TextTable.Cell(text: $0) }) }
    return ["", styler.heading(content.heading)] + table.rendered(styler: styler) + content.notes
  }

  /// The same table in Markdown.
  func markdown(_ report: AuditReport, escape: (String) -> String) -> [String] {
    guard let content = content(report) else { return [] }
    var lines = ["", "### " + content.heading, ""]
    lines.append("| " + content.headers.map(escape).joined(separator: " | ") + " |")
    lines.append(
      "|" + content.alignments.map { $0 == .right ? " ---: " : " --- " }.joined(separator: "|") + "|")
    for row in content.rows { lines.append("| " + row.map(escape).joined(separator: " | ") + " |") }
    if !content.notes.isEmpty { lines.append("") }
    return lines + content.notes.map(escape)
  }

  func content(_ report: AuditReport) -> Content? {
    let text = Localizer(language)
    let format = NumberFormat(language: language)
    let groups = report.opds + [report.district]
    let hasBudget = groups.contains { $0.budget != nil }
    let hasLinks = report.district.links != nil
    let hasSwakelola = groups.contains { $0.swakelolaPlan != nil || $0.swakelolaRealization != nil }
    guard hasBudget || hasLinks || hasSwakelola else { return nil }

    var headers = [text.pick("Kode OPD", "OPD code"), text.pick("Nama OPD", "OPD name")]
    var alignments: [TextTable.Alignment] = [.left, .left]
    if hasBudget {
      headers += [
        text.pick("Belanja pengadaan", "Procurement budget"), text.pick("% input RUP", "% RUP input"),
      ]
      alignments += [.right, .right]
    }
    if hasLinks {
      headers += [
        text.pick("RUP tanpa realisasi", "RUP not realized"),
        text.pick("Realisasi di luar RUP", "Realized outside RUP"),
        text.pick("Tanpa kode RUP", "No RUP code"),
      ]
      alignments += [.right, .right, .right]
    }
    if hasSwakelola {
      headers += [text.pick("Swakelola (dikecualikan)", "Swakelola (excluded)")]
      alignments += [.right]
    }
    var rows: [[String]] = []
    for group in groups {
      let isDistrict = group.code.isEmpty
      let label = text.totalLabel(report.totalScope, region: report.policy.regionName)
      var cells = [
        isDistrict ? label.code : group.code,
        (isDistrict ? label.name : group.name).truncated(to: 40),
      ]
      if hasBudget {
        cells.append(group.budget.map { format.rupiah($0.procurement) } ?? "-")
        cells.append(format.share(group.budget?.rupInput))
      }
      if hasLinks {
        if let links = group.links {
          cells.append(
            "\(links.plannedWithoutRealization.lines) / \(links.plannedPackages)")
          cells.append(count(links.realizedNotInPlan, format))
          cells.append(count(links.realizedWithoutCode, format))
        } else {
          cells += ["-", "-", "-"]
        }
      }
      if hasSwakelola {
        var total = LineTotal()
        if let plan = group.swakelolaPlan { total.merge(plan) }
        if let realization = group.swakelolaRealization { total.merge(realization) }
        cells.append(count(total, format))
      }
      rows.append(cells)
    }
    var notes: [String] = []
    if hasLinks {
      notes.append(
        text.pick(
          "RUP tanpa realisasi: paket RUP yang tidak disebut baris realisasi mana pun / semua paket RUP OPD. Realisasi di luar RUP dan tanpa kode RUP: baris (nilai).",
          "RUP not realized: planned RUP packages no realization line names / all the OPD's planned packages. Realized outside RUP and without a RUP code: lines (value)."
        ))
    }
    return Content(
      heading: text.pick(
        "Anggaran, keterkaitan rencana–realisasi dan swakelola",
        "Budget, plan–realization links and swakelola"),
      headers: headers, alignments: alignments, rows: rows, notes: notes)
  }

  private func count(_ total: LineTotal, _ format: NumberFormat) -> String {
    total.lines == 0 ? "0" : "\(total.lines) (\(format.rupiah(total.total)))"
  }
}
