import ArgumentParser
import P3DNKit
import P3DNLedger

/// `p3dn explain FILE:LINE`: every decision on one row and what decided its metrics.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: Help.string(
      "Jelaskan satu baris: seperti dibaca, setiap keputusan berurutan, dan klasifikasinya.",
      "Explain one row: as read, every decision in order, and its classification."),
    discussion: Help.string(
      """
      BERKAS:BARIS (atau --line N BERKAS) menunjuk baris fisik tempat baris data dimulai.
      Masukan lain (INPUT..., --plan, --realization) dibaca bersama agar salinan, tarikan
      lama dan paket yang dihitung berkas lain terlihat. Dengan --db atau --as-of, dibaca
      dari buku besar.
      """,
      """
      FILE:LINE (or --line N FILE) names the physical line where the row starts. Other
      inputs (INPUT..., --plan, --realization) are read with it, so that copies, older pulls
      and packages another file counts show. With --db or --as-of it reads the ledger.
      """)
  )

  @OptionGroup var input: InputOptions

  @Option(
    help: Help.text("Nomor baris (dengan BERKAS tanpa :BARIS).", "The line number (with FILE without :LINE).")
  )
  var line: Int?

  @OptionGroup var detail: DetailOptions

  @OptionGroup var ledgerOptions: LedgerOptions
  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    try input.validateInputs(requireInputs: false)
    guard let first = input.inputs.first else {
      throw ValidationError(
        Help.string("Sebutkan BERKAS:BARIS, mis. rencana.csv:12.", "Name FILE:LINE, e.g. plan.csv:12."))
    }
    if let line, line < 1 {
      throw ValidationError(Help.string("--line harus 1 atau lebih.", "--line must be 1 or more."))
    }
    if line == nil && Self.split(first) == nil {
      throw ValidationError(
        Help.string(
          "\"\(first)\" bukan BERKAS:BARIS; tulis mis. rencana.csv:12, atau --line 12 rencana.csv.",
          "\"\(first)\" is not FILE:LINE; write e.g. plan.csv:12, or --line 12 plan.csv."))
    }
  }

  /// `path:12` → (`path`, 12).
  static func split(_ target: String) -> (path: String, line: Int)? {
    guard let colon = target.lastIndex(of: ":"), let line = Int(target[target.index(after: colon)...]),
      line >= 1, colon > target.startIndex
    else { return nil }
    return (String(target[..<colon]), line)
  }

  func run() throws {
    let language = languageOptions.language
    guard let first = input.inputs.first else { return }
    let (path, number) = line.map { (first, $0) } ?? Self.split(first) ?? (first, 1)
    let policy = try input.loadPolicy()
    var request = input.request(policy: policy)
    request.inputs = Array(input.inputs.dropFirst())
    let explanation: RowExplanation
    if ledgerOptions.db != nil || detail.asOf != nil {
      explanation = try ledgerOptions.use { ledger throws(LedgerError) in
        let found = try ledger.rows(at: path, line: number, request: request, asOf: detail.asOf)
        guard
          let explained = RowExplainer.explain(
            report: found.report, settlement: found.settlement, rows: found.rows)
        else { throw .input(.noRowAtLine(path: path, line: number, rows: nil)) }
        return explained
      }
    } else {
      do {
        explanation = try RowExplainer.run(request, path: path, line: number)
      } catch {
        throw Failure.input(error)
      }
    }
    let renderer = ExplainRenderer(language: language)
    let text: String
    switch detail.format {
    case .table: text = renderer.text(explanation)
    case .json: text = renderer.json(explanation)
    case .markdown: text = renderer.text(explanation, markdown: true)
    }
    try Output.write(text, to: detail.output)
  }
}
