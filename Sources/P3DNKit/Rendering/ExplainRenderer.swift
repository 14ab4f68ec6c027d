/// `explain` as JSON (`p3dn.explain.v1`, docs/check.md), as a table for an 80-column
/// terminal, or as markdown.
public struct ExplainRenderer: Sendable {
  public let language: Language

  public init(language: Language) { self.language = language }

  func pick(_ id: String, _ en: String) -> String { language == .en ? en : id }

  public func json(_ row: RowExplanation) -> String {
    var members: [(String, JSONValue)] = [
      ("schema", .string("p3dn.explain.v1")),
      ("path", .string(row.path)),
      ("line", .int(row.line)),
      ("position", .int(row.position)),
      ("rows_on_line", .int(row.rowsOnLine)),
      ("source", .string(row.fromLedger ? "ledger" : "files")),
      ("read_as", row.readAs.map(JSONValue.string) ?? .null),
      ("profile", .string(row.profile)),
      ("dataset", row.dataset.map(JSONValue.string) ?? .null),
      ("use", .string(row.use.rawValue)),
      ("stage", row.stage.map { .string($0.rawValue) } ?? .null),
      ("fiscal_year", .int(row.fiscalYear)),
      ("raw", row.raw.map { .string(Self.trimmedRecord($0)) } ?? .null),
      (
        "fields",
        .array(row.fields.map { .object([("name", .string($0.name)), ("value", .string($0.value))]) })
      ),
      (
        "decisions",
        .array(
          row.decisions.map { decision in
            .object([
              ("step", .string(decision.step.rawValue)),
              ("reason", decision.reason.map { .string($0.rawValue) } ?? .null),
              ("detail", .string(decision.detail.text(language))),
            ])
          })
      ),
      ("bucket", .string(row.bucket.rawValue)),
      ("reason", row.reason.map { .string($0.rawValue) } ?? .null),
      (
        "opd",
        row.opdCode.map { code in
          .object([("code", .string(code)), ("name", row.opdName.map(JSONValue.string) ?? .null)])
        } ?? .null
      ),
      ("amount", row.amount.map { .money($0) } ?? .null),
    ]
    members.append(
      (
        "classification",
        row.classification.map { classification in
          .object(
            Metric.allCases.compactMap { metric in
              classification[metric].map { decision in
                (
                  metric.rawValue,
                  .object([
                    ("value", .string(decision.value)),
                    ("amount", decision.amount.map { .money($0) } ?? .null),
                    ("decided_by", .string(decision.decidedBy)),
                    ("evidence", .array(decision.evidence.map(JSONValue.string))),
                  ])
                )
              }
            })
        } ?? .null
      ))
    return JSONValue.object(members).rendered()
  }

  /// The table form; `markdown`: headings and lists instead.
  public func text(_ row: RowExplanation, markdown: Bool = false) -> String {
    let text = Localizer(language)
    var out: [String] = []
    let heading = "\(row.path):\(row.line)"
    out += markdown ? ["# " + Markdown.escape(heading)] : Self.chunks(heading, width: Self.width)
    var notes: [String] = []
    if row.rowsOnLine > 1 {
      notes.append(
        pick(
          "(\(row.rowsOnLine) baris data dimulai di baris ini; yang pertama, baris data ke-\(row.position), dijelaskan)",
          "(\(row.rowsOnLine) rows start on this line; the first, row \(row.position) of the file, is explained)"
        ))
    }
    if let readAs = row.readAs {
      notes.append(
        pick(
          "Berkas ini salinan \(readAs): barisnya dibaca di sana.",
          "This file is a copy of \(readAs): its rows are read there."))
    }
    for note in notes {
      out += markdown ? [Markdown.escape(note)] : Self.wrap(note, first: "", rest: "  ")
    }
    let verdict =
      text.pick("Hasil", "Outcome") + ": " + bucketWord(row.bucket)
      + (row.reason.map { " (\($0.rawValue): \(text.reason($0)))" } ?? "")
    out.append("")
    out.append(markdown ? "**" + Markdown.escape(verdict) + "**" : verdict)
    let profile =
      pick("Profil", "Profile") + ": \(row.profile)" + (row.dataset.map { ", dataset \($0)" } ?? "")
      + (row.stage.map { ", " + text.stage($0).lowercased() } ?? "") + ", "
      + pick("tahun anggaran dilaporkan", "reported fiscal year") + " \(row.fiscalYear)"
    out += markdown ? [Markdown.escape(profile)] : Self.wrap(profile, first: "", rest: "  ")
    if let code = row.opdCode { out.append("OPD: \(code)" + (row.opdName.map { " \($0)" } ?? "")) }
    if let amount = row.amount { out.append(pick("Nilai", "Amount") + ": " + amount.rupiahString) }

    out.append("")
    out.append(section(pick("Keputusan, berurutan", "Decisions, in order"), markdown))
    for (index, decision) in row.decisions.enumerated() {
      let outcome = decision.reason?.rawValue ?? pick("lolos", "passes")
      let line = "\(index + 1). \(decision.step.rawValue): \(outcome) — \(decision.detail.text(language))"
      if markdown {
        out.append(Markdown.escape(line))
      } else {
        out += Self.wrap(line.replacingControls(), first: "  ", rest: "       ")
      }
    }
    if let classification = row.classification {
      out.append("")
      out.append(section(pick("Klasifikasi", "Classification"), markdown))
      for metric in Metric.allCases {
        guard let decision = classification[metric] else { continue }
        let amount = decision.amount.map { " (\($0.rupiahString))" } ?? ""
        let evidence =
          decision.evidence.isEmpty
          ? (decision.decidedBy == "unknown"
            ? pick("; berkas tanpa kolomnya", "; the file has no such column") : "")
          : "; " + decision.evidence.joined(separator: ", ")
        let line =
          "\(text.metric(metric)): \(valueWord(decision, of: row.amount))\(amount) — \(pick("diputuskan oleh", "decided by")) "
          + "\(decision.decidedBy)\(evidence)"
        if markdown {
          out.append("- " + Markdown.escape(line))
        } else {
          out += Self.wrap(line.replacingControls(), first: "  ", rest: "    ")
        }
      }
    }
    out.append("")
    out.append(section(pick("Baris seperti dibaca", "The row as read"), markdown))
    if let raw = row.raw {
      let text = Self.trimmedRecord(raw).replacingControls()
      if markdown {
        out += ["```", text.replacing("```", with: "'''"), "```"]
      } else {
        out.append("  " + pick("teks", "text") + ":")
        out += Self.chunks(text, width: Self.width - 4).map { "    " + $0 }
        out.append("  " + pick("kolom", "fields") + ":")
      }
    } else if row.fromLedger {
      out.append(
        (markdown ? "" : "  ")
          + pick(
            "(buku besar menyimpan kolom-kolom berikut, bukan teks barisnya)",
            "(the ledger keeps these fields, not the row's text)"))
    }
    for field in row.fields where !field.value.isEmpty {
      let line = "\(field.name) = \(field.value.replacingControls())"
      if markdown {
        out.append("- " + Markdown.escape(line))
      } else {
        let first = String(line.prefix(Self.width - 4))
        out.append("    " + first)
        out += Self.chunks(String(line.dropFirst(first.count)), width: Self.width - 6).filter { !$0.isEmpty }
          .map { "      " + $0 }
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  private func section(_ title: String, _ markdown: Bool) -> String { markdown ? "## " + title : title }

  private func bucketWord(_ bucket: RowExplanation.Bucket) -> String {
    switch bucket {
    case .included: return pick("DISERTAKAN", "INCLUDED")
    case .excluded: return pick("DIKECUALIKAN", "EXCLUDED")
    case .rejected: return pick("DITOLAK", "REJECTED")
    }
  }

  private func valueWord(_ decision: RowExplanation.MetricDecision, of total: MoneySum?) -> String {
    switch decision.value {
    case "yes":
      if let amount = decision.amount, let total, amount != total {
        return pick("ya, sebagian", "yes, in part")
      }
      return pick("ya", "yes")
    case "no": return pick("tidak", "no")
    default: return pick("tidak diketahui", "unknown")
    }
  }

  static let width = 80

  /// Words wrapped to the width: the first line after `first`, the others after `rest`.
  static func wrap(_ text: String, first: String, rest: String) -> [String] {
    TextWrap.wrap(text, first: first, rest: rest, width: width)
  }

  /// A long text cut into pieces of `width` characters.
  static func chunks(_ text: String, width: Int) -> [String] {
    var pieces: [String] = []
    var rest = Substring(text)
    while rest.count > width {
      pieces.append(String(rest.prefix(width)))
      rest = rest.dropFirst(width)
    }
    pieces.append(String(rest))
    return pieces
  }

  /// The record's text without its line break.
  static func trimmedRecord(_ text: String) -> String {
    var text = Substring(text)
    while let last = text.last, last == "\n" || last == "\r" || last == "\r\n" { text.removeLast() }
    return String(text)
  }
}

extension String {
  /// Control characters shown as `\u{…}`, so that a cell cannot move the terminal.
  func replacingControls() -> String {
    var out = ""
    for scalar in unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
