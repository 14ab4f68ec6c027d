/// `check --format table`: one OPD's status and what to fix, for an 80-column terminal.
/// Each list shows its first `limit` lines and how many more there are.
public struct CheckTableRenderer: Sendable {
  public let language: Language
  public let styler: Styler
  public let limit: Int
  static let width = 80
  /// `Rp 99.999.999.999,99`: amounts below a hundred billion rupiah line up.
  static let amountWidth = 20

  public init(language: Language, styler: Styler = PlainStyler(), limit: Int = 20) {
    self.language = language
    self.styler = styler
    self.limit = limit
  }

  public func render(_ report: CheckReport) -> String {
    let words = CheckText(language: language)
    var out: [String] = [styler.heading(words.title(report)), words.subtitle(report)]
    for stage in report.stages {
      out.append("")
      out += self.stage(stage, words: words, report: report)
    }
    if let links = report.links {
      out.append("")
      out += self.links(links, words: words)
    }
    if !report.setAsideFiles.isEmpty {
      out.append("")
      out.append(styler.heading(words.setAsideFilesHeading()))
      for file in report.setAsideFiles {
        out += wrap("\(file.path): \(words.setAsideFile(file))", indent: "  ")
      }
    }
    out.append("")
    out.append(words.verdict(report))
    return out.joined(separator: "\n") + "\n"
  }

  private func stage(_ stage: StageCheck, words: CheckText, report: CheckReport) -> [String] {
    var out = [styler.heading(words.stageHeading(stage))]
    if let figures = stage.figures { out += wrap(words.shares(figures), indent: "  ") }
    for (index, advice) in stage.rules.enumerated() {
      out += rule(advice, number: index + 1, figures: stage.figures, words: words)
    }
    out += list(words.unknownHeading(stage.unknownLines.count), stage.unknownLines) { line in
      lineEntry(line, detail: words.missing(line, vendorList: report.audit.vendors != nil))
    }
    out += list(words.nonQualifyingHeading(stage.nonQualifyingLines.count), stage.nonQualifyingLines) {
      line in
      lineEntry(line, detail: words.shortfall(line))
    }
    out += list(words.rejectedHeading(stage.rejected.count), stage.rejected) { note in
      let column = note.column.map { language == .en ? ", column \($0)" : ", kolom \($0)" } ?? ""
      let message = note.message.map { ": " + $0.text(language) } ?? ""
      return wrap("\(note.path):\(note.line)\(column): \(note.code.rawValue)\(message)", indent: "    ")
    }
    out += list(words.setAsideHeading(stage.setAside.count), stage.setAside) { note in
      let amount = note.amount.map { words.format.rupiah($0) } ?? "-"
      return [
        "    " + amount.padded(to: Self.amountWidth) + "  "
          + Self.location(note.path, note.line, room: Self.width - 6 - Self.amountWidth)
      ]
        + wrap(words.setAside(note), indent: "      ")
    }
    if !stage.excluded.isEmpty {
      out.append("")
      out += wrap(words.excluded(stage.excluded), indent: "  ")
    }
    return out
  }

  private func rule(_ advice: RuleAdvice, number: Int, figures: StageFigures?, words: CheckText) -> [String] {
    let check = advice.check
    let heading = "[\(number)] " + words.ruleHeading(check, figures: figures)
    var out =
      [""]
      + wrap(heading, indent: "      ", first: "  ").enumerated().map { index, text in
        index == 0 ? styler.status(text, check.status) : text
      }
    out += wrap(check.rule.basis, indent: "      ")
    if let figures, check.status != .noData, let unknown = words.unknownNote(figures[check.metric], figures) {
      out += wrap(unknown, indent: "      ")
    }
    if let gap = words.gap(check, figures: figures) { out += wrap(gap, indent: "      ") }
    if let closing = words.closing(advice) {
      out += wrap(closing, indent: "      ")
      let shown = advice.closingLines.prefix(limit)
      for line in shown { out += lineEntry(line, detail: nil, indent: "        ") }
      if advice.closingLines.count > shown.count {
        out.append("        " + words.more(advice.closingLines.count - shown.count))
      }
    }
    return out
  }

  private func links(_ links: LinkDetail, words: CheckText) -> [String] {
    var out = [styler.heading(words.linksHeading())]
    out += list(words.plannedNotRealized(links.plannedNotRealized.count), links.plannedNotRealized) {
      package in
      let first =
        "    " + words.format.rupiah(package.amount).padded(to: Self.amountWidth) + "  RUP \(package.code)  "
        + Self.location(package.path, package.line, room: 30)
      return [first] + (package.description.map { wrap($0, indent: "      ") } ?? [])
    }
    out += list(words.realizedOutsidePlan(links.realizedOutsidePlan.count), links.realizedOutsidePlan) {
      line in
      lineEntry(line, detail: "RUP " + line.rupCodes.joined(separator: ";"))
    }
    if links.realizedWithoutCode.lines > 0 {
      out.append("")
      out += wrap(words.realizedWithoutCode(links.realizedWithoutCode), indent: "  ")
    }
    return out
  }

  /// A heading and the first `limit` entries (nothing when the list is empty).
  private func list<T>(_ heading: String, _ items: [T], entry: (T) -> [String]) -> [String] {
    guard !items.isEmpty else { return [] }
    var out = ["", "  " + heading]
    for item in items.prefix(limit) { out += entry(item) }
    if items.count > limit { out.append("    " + CheckText(language: language).more(items.count - limit)) }
    return out
  }

  /// `Rp 80.000.000  file.csv:57`, then the vendor and what the line is listed for.
  private func lineEntry(_ line: CheckLine, detail: String?, indent: String = "    ") -> [String] {
    let amount = CheckText(language: language).format.rupiah(line.amount)
    let room = Self.width - indent.count - Self.amountWidth - 2
    var out = [
      indent + amount.padded(to: Self.amountWidth) + "  " + Self.location(line.path, line.line, room: room)
    ]
    let who = [line.vendor ?? line.vendorNPWP, line.description].compactMap { $0 }.joined(separator: " — ")
    if !who.isEmpty { out.append(indent + "  " + who.truncated(to: Self.width - indent.count - 2)) }
    if let detail { out += wrap(detail, indent: indent + "  ") }
    return out
  }

  /// `path:line`, the path shortened from the left to fit `room` columns.
  static func location(_ path: String, _ line: Int, room: Int) -> String {
    let text = "\(path):\(line)"
    guard text.count > room, room > 1 else { return text }
    return "…" + String(text.suffix(room - 1))
  }

  /// Words wrapped to the width, every line after `indent` (the first one too).
  /// Words wrapped to the width; a word too long for a line (a deep path) keeps its end.
  private func wrap(_ text: String, indent: String, first: String? = nil) -> [String] {
    let room = Self.width - max(indent.count, (first ?? indent).count)
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map { word in
      word.count > room ? "…" + word.suffix(room - 1) : String(word)
    }
    return TextWrap.wrap(
      words.joined(separator: " "), first: first ?? indent, rest: indent, width: Self.width)
  }

}

extension String {
  /// Right-aligned in `width` columns.
  func padded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
