import ArgumentParser
import P3DNKit
import P3DNLedger

/// Output formats of `check` and `explain`.
enum DetailFormat: String, ExpressibleByArgument, CaseIterable {
  case table
  case json
  case markdown
}

/// Where `check` and `explain` read from and what they print: the ledger's date, the
/// format and the output file.
struct DetailOptions: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: Help.text(
      "Dari buku besar: per tanggal ini, yyyy-mm-dd (bawaan: sumber terbaru).",
      "From the ledger: as of this date, yyyy-mm-dd (default: the newest sources)."))
  var asOf: String?

  @Option(help: Help.text("Format keluaran.", "Output format."))
  var format: DetailFormat = .table

  @Option(help: Help.text("Tulis ke berkas ini, bukan ke stdout.", "Write to this file instead of stdout."))
  var output: String?
}

/// `p3dn check --opd …`: one OPD's status against each rule and what to fix, from the
/// input files, or from the ledger when no input is named.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: Help.string(
      "Satu OPD: status tiap aturan, kekurangannya, dan baris yang perlu diperbaiki.",
      "One OPD: each rule's status, its gap, and the lines to fix."),
    discussion: Help.string(
      """
      Tanpa berkas masukan, dibaca dari buku besar (--db, P3DN_DB atau ./p3dn.sqlite) per
      --as-of. Status keluar mengikuti --fail-on seperti audit, untuk OPD ini saja.
      """,
      """
      With no input files it reads the ledger (--db, P3DN_DB or ./p3dn.sqlite) as of --as-of.
      The exit status follows --fail-on as in audit, for this OPD alone.
      """)
  )

  @OptionGroup var input: InputOptions

  @Option(
    help: Help.text(
      "OPD yang diperiksa: kodenya, awal kodenya, atau bagian namanya (harus cocok dengan tepat satu OPD).",
      "The OPD to check: its code, the start of its code, or part of its name (must match exactly one OPD)."))
  var opd: String

  @OptionGroup var detail: DetailOptions

  @Option(
    help: Help.text(
      "Baris yang ditampilkan per daftar pada tabel dan markdown (JSON memuat semuanya).",
      "Lines shown per list in the table and markdown (JSON holds them all)."))
  var limit: Int = 20

  @Option(
    name: .customLong("fail-on"),
    help: Help.text(
      "breach: keluar dengan status 1 bila aturan wajib gagal untuk OPD ini.",
      "breach: exit with status 1 when a mandatory rule fails for this OPD."))
  var failOn: FailOn = .never

  @OptionGroup var ledgerOptions: LedgerOptions
  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    try input.validateInputs(requireInputs: false)
    if opd.trimmingCharacters(in: " ").isEmpty {
      throw ValidationError(Help.string("--opd tidak boleh kosong.", "--opd must not be empty."))
    }
    if limit < 1 {
      throw ValidationError(Help.string("--limit harus 1 atau lebih.", "--limit must be 1 or more."))
    }
    if input.namesInputs && (ledgerOptions.db != nil || detail.asOf != nil) {
      throw ValidationError(
        Help.string(
          "Pilih berkas masukan atau buku besar (--db, --as-of), bukan keduanya.",
          "Name input files or the ledger (--db, --as-of), not both."))
    }
  }

  func run() throws {
    let language = languageOptions.language
    let policy = try input.loadPolicy()
    let request = input.request(policy: policy)
    let report: CheckReport
    if input.namesInputs {
      do {
        report = try OPDCheck.run(request, opd: opd)
      } catch {
        throw Failure.input(error)
      }
    } else {
      report = try ledgerOptions.use { ledger throws(LedgerError) in
        try ledger.check(request, asOf: detail.asOf, opd: opd)
      }
    }
    let text: String
    switch detail.format {
    case .table:
      let colored = detail.output == nil && Environment.colorAllowed
      text = CheckTableRenderer(
        language: language, styler: colored ? TerminalStyler() : PlainStyler(), limit: limit
      ).render(report)
    case .json:
      text = CheckJSONRenderer(language: language).render(report)
    case .markdown:
      text = CheckMarkdownRenderer(language: language, limit: limit).render(report)
    }
    try Output.write(text, to: detail.output)
    if failOn == .breach && report.hasMandatoryBreach {
      throw ExitCode(1)
    }
  }
}
