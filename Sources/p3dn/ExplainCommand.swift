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
    usage: """
      p3dn explain <file>:<line> [<inputs> ...] [<options>]
      p3dn explain --line <line> <file> [<inputs> ...] [<options>]
      p3dn explain <file>:<line> (--db <db> | --as-of <as-of>) [--year <year>] [<options>]
      """,
    discussion: Help.string(
      """
      BERKAS:BARIS (atau --line N BERKAS) menunjuk baris fisik tempat baris data dimulai.

      Dari berkas: masukan lain (INPUT..., --plan, --realization) dibaca bersama agar salinan, \
      tarikan lama dan paket yang dihitung berkas lain terlihat; --profile, --vendors, --map, \
      --sheet dan --threads mengatur cara membacanya, seperti pada audit.

      Dari buku besar (--db, atau --as-of dengan P3DN_DB atau ./p3dn.sqlite): baris dijelaskan \
      seperti saat dimasukkan. Masukan lain, --plan, --realization, --vendors, --sheet dan \
      --threads tidak berlaku di sini dan ditolak; --year, --policy, --profile dan --map \
      berlaku.
      """,
      """
      FILE:LINE (or --line N FILE) names the physical line where the row starts.

      From files: other inputs (INPUT..., --plan, --realization) are read with it, so that \
      copies, older pulls and packages another file counts show; --profile, --vendors, --map, \
      --sheet and --threads say how they are read, as in audit.

      From the ledger (--db, or --as-of with P3DN_DB or ./p3dn.sqlite): the row is explained \
      as it was ingested. Other inputs, --plan, --realization, --vendors, --sheet and \
      --threads do not apply there and are refused; --year, --policy, --profile and --map do.
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
    if ledgerOptions.db != nil || detail.asOf != nil {
      // The ledger's rows were read at ingest: what says how files are read has no effect.
      var unused: [String] = []
      if input.inputs.count > 1 { unused.append("INPUT") }
      if !input.planFiles.isEmpty { unused.append("--plan") }
      if !input.realizationFiles.isEmpty { unused.append("--realization") }
      if input.reading.vendors != nil { unused.append("--vendors") }
      if input.reading.sheet != nil { unused.append("--sheet") }
      if input.threads != nil { unused.append("--threads") }
      if !unused.isEmpty {
        let names = unused.joined(separator: ", ")
        throw ValidationError(
          Help.string(
            "Dengan --db atau --as-of, baris dijelaskan dari buku besar seperti saat dimasukkan: \(names) tidak berlaku di sini; hapus, atau jelaskan dari berkas tanpa --db dan --as-of.",
            "With --db or --as-of the row is explained from the ledger as it was ingested: \(names) do not apply there; leave them out, or explain from the files without --db and --as-of."
          ))
      }
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
