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
    usage: """
      p3dn check <inputs> ... --opd <opd> [<options>]
      p3dn check --opd <opd> [--db <db>] [--as-of <as-of>] [--year <year>] [<options>]
      """,
    discussion: Help.string(
      """
      Dari berkas: INPUT... (dengan --plan, --realization) dibaca seperti pada audit; \
      --profile, --vendors, --map, --sheet dan --threads mengatur cara membacanya.

      Dari buku besar: tanpa berkas masukan, dibaca dari buku besar (--db, P3DN_DB atau \
      ./p3dn.sqlite) per --as-of (bawaan: sumber terbaru), barisnya seperti saat dimasukkan: \
      --plan dan --realization ditolak di sini, dan --vendors, --sheet dan --threads tidak \
      berlaku (yang dipakai saat ingest tetap berlaku); --year, --policy, --denominator, \
      --profile dan --map berlaku.
      """,
      """
      From files: the INPUTs (with --plan, --realization) are read as audit reads them; \
      --profile, --vendors, --map, --sheet and --threads say how.

      From the ledger: with no input file, the ledger (--db, P3DN_DB or ./p3dn.sqlite) as of \
      --as-of (default: the newest sources), its rows as they were ingested: --plan and \
      --realization are refused there, and --vendors, --sheet and --threads do not apply \
      (those of the ingest hold); --year, --policy, --denominator, --profile and --map do.
      """)
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var denominator: DenominatorOption

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
      "breach: keluar dengan status 1 bila aturan wajib gagal untuk OPD ini; undetermined: juga bila belum pasti.",
      "breach: exit with status 1 when a mandatory rule fails for this OPD; undetermined: also when undetermined."
    ))
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
    var request = input.request(policy: policy)
    request.denominator = denominator.denominator
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
    let stopped = report.opd.checks.filter { $0.rule.severity == .mandatory && failOn.gate.stops($0.status) }
    if !stopped.isEmpty {
      Output.error(
        GateMessage(language: language).rules(stopped.map { (report.opd, $0) }))
      throw ExitCode(1)
    }
  }
}
