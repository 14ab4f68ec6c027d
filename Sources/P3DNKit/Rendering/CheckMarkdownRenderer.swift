/// `check --format markdown`: the sections of the table form as headings and tables
/// (GitHub-flavoured), each list with its first `limit` lines.
public struct CheckMarkdownRenderer: Sendable {
  public let language: Language
  public let limit: Int

  public init(language: Language, limit: Int = 20) {
    self.language = language
    self.limit = limit
  }

  public func render(_ report: CheckReport) -> String {
    let words = CheckText(language: language)
    var out = ["# " + Markdown.escape(words.title(report)), "", Markdown.escape(words.subtitle(report))]
    for stage in report.stages { out += self.stage(stage, words: words, report: report) }
    if let links = report.links { out += self.links(links, words: words) }
    if !report.setAsideFiles.isEmpty {
      out += ["", "## " + words.setAsideFilesHeading(), ""]
      for file in report.setAsideFiles {
        out.append("- `\(Markdown.code(file.path))`: " + Markdown.escape(words.setAsideFile(file)))
      }
    }
    out += ["", "**" + Markdown.escape(words.verdict(report)) + "**"]
    return out.joined(separator: "\n") + "\n"
  }

  private func stage(_ stage: StageCheck, words: CheckText, report: CheckReport) -> [String] {
    var out = ["", "## " + Markdown.escape(words.stageHeading(stage))]
    if let figures = stage.figures { out += ["", Markdown.escape(words.shares(figures))] }
    if !stage.rules.isEmpty {
      out += [
        "",
        words.pick(
          "| Aturan | Status | Dasar hukum | Yang perlu |", "| Rule | Status | Legal basis | What it takes |"),
      ]
      out.append("|---|---|---|---|")
      for advice in stage.rules {
        let check = advice.check
        var need = Markdown.escape(words.gap(check, figures: stage.figures) ?? "")
        if let closing = words.closing(advice) {
          need +=
            " " + Markdown.escape(closing) + " "
            + advice.closingLines.prefix(limit).map { "`\(Markdown.code("\($0.path):\($0.line)"))`" }.joined(
              separator: ", ")
        }
        out.append(
          "| \(Markdown.escape(words.ruleHeading(check, figures: stage.figures))) | \(words.text.status(check.status)) | "
            + "\(Markdown.escape(check.rule.basis)) | \(need) |")
      }
    }
    let amountHeader = words.pick("Nilai", "Amount")
    let where_ = words.pick("Baris", "Line")
    let vendor = words.pick("Penyedia", "Vendor")
    out += table(
      words.unknownHeading(stage.unknownLines.count),
      [amountHeader, where_, vendor, words.pick("Yang kurang", "Missing")],
      stage.unknownLines
    ) { line in
      [
        line.amount.rupiahString, "`\(Markdown.code("\(line.path):\(line.line)"))`", line.vendor ?? "",
        words.missing(line, vendorList: report.audit.vendors != nil),
      ]
    }
    out += table(
      words.nonQualifyingHeading(stage.nonQualifyingLines.count),
      [amountHeader, where_, vendor, words.pick("Tidak memenuhi", "Not qualifying")], stage.nonQualifyingLines
    ) { line in
      [
        line.amount.rupiahString, "`\(Markdown.code("\(line.path):\(line.line)"))`", line.vendor ?? "",
        words.shortfall(line),
      ]
    }
    out += table(
      words.rejectedHeading(stage.rejected.count),
      [where_, words.pick("Kolom", "Column"), words.pick("Kode", "Code"), words.pick("Pesan", "Message")],
      stage.rejected
    ) { note in
      [
        "`\(Markdown.code("\(note.path):\(note.line)"))`", note.column ?? "", note.code.rawValue,
        note.message?.text(language) ?? "",
      ]
    }
    out += table(
      words.setAsideHeading(stage.setAside.count), [amountHeader, where_, words.pick("Alasan", "Reason")],
      stage.setAside
    ) { note in
      [
        note.amount?.rupiahString ?? "-", "`\(Markdown.code("\(note.path):\(note.line)"))`",
        words.setAside(note),
      ]
    }
    if !stage.excluded.isEmpty { out += ["", Markdown.escape(words.excluded(stage.excluded))] }
    return out
  }

  private func links(_ links: LinkDetail, words: CheckText) -> [String] {
    var out = ["", "## " + words.linksHeading()]
    out += table(
      words.plannedNotRealized(links.plannedNotRealized.count),
      ["RUP", words.pick("Pagu", "Pagu"), words.pick("Baris", "Line"), words.pick("Paket", "Package")],
      links.plannedNotRealized
    ) { package in
      [
        package.code, package.amount.rupiahString, "`\(Markdown.code("\(package.path):\(package.line)"))`",
        package.description ?? "",
      ]
    }
    out += table(
      words.realizedOutsidePlan(links.realizedOutsidePlan.count),
      [words.pick("Nilai", "Amount"), words.pick("Baris", "Line"), "RUP", words.pick("Penyedia", "Vendor")],
      links.realizedOutsidePlan
    ) { line in
      [
        line.amount.rupiahString, "`\(Markdown.code("\(line.path):\(line.line)"))`",
        line.rupCodes.joined(separator: ";"), line.vendor ?? "",
      ]
    }
    if links.realizedWithoutCode.lines > 0 {
      out += ["", Markdown.escape(words.realizedWithoutCode(links.realizedWithoutCode))]
    }
    return out
  }

  /// A heading and a table of the first `limit` items (nothing when empty).
  private func table<T>(_ heading: String, _ columns: [String], _ items: [T], row: (T) -> [String])
    -> [String]
  {
    guard !items.isEmpty else { return [] }
    var out = ["", "### " + Markdown.escape(heading), "", "| " + columns.joined(separator: " | ") + " |"]
    out.append("|" + String(repeating: "---|", count: columns.count))
    for item in items.prefix(limit) {
      out.append(
        "| " + row(item).map { $0.hasPrefix("`") ? $0 : Markdown.escape($0) }.joined(separator: " | ") + " |")
    }
    if items.count > limit {
      out += ["", Markdown.escape(CheckText(language: language).more(items.count - limit))]
    }
    return out
  }
}
