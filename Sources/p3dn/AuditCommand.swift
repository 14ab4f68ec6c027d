import ArgumentParser
import P3DNKit
import Rainbow

/// `p3dn audit`: the shares per OPD and for the district, checked against the policy.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: Help.string(
      "Hitung pangsa PDN, UMK-K dan lokal per OPD dan kabupaten, dan periksa terhadap kebijakan.",
      "Compute PDN, UMK-K and local shares per OPD and district and check them against the policy.")
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var denominator: DenominatorOption
  @OptionGroup var reportOptions: ReportOptions
  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    try input.validateInputs()
  }

  func run() throws {
    let language = languageOptions.language
    let policy = try input.loadPolicy()
    let report: AuditReport
    var request = input.request(policy: policy, opdFilters: reportOptions.opd)
    request.denominator = denominator.denominator
    let progress = ProgressDisplay.start(language: language)
    request.progress = progress?.counter
    do {
      report = try AuditEngine.run(request)
      progress?.stop()
    } catch {
      progress?.stop()
      throw Failure.input(error)
    }
    try reportOptions.print(report, language: language)
  }
}

/// What a report shows and where it goes (`audit` and `report`): the OPD filters, the
/// format, the output file, and when to exit 1.
struct ReportOptions: ParsableArguments {
  @Option(
    help: Help.text(
      "Batasi bagian per-OPD ke OPD yang kodenya diawali CODE atau namanya memuat NAME (boleh diulang).",
      "Limit the per-OPD part to OPDs whose code starts with CODE or whose name contains NAME (repeatable)."))
  var opd: [String] = []

  @Option(help: Help.text("Format keluaran.", "Output format."))
  var format: OutputFormat = .table

  @Option(
    help: Help.text(
      "Tulis laporan ke berkas ini, bukan ke stdout.", "Write the report to this file instead of stdout."))
  var output: String?

  @Option(
    name: .customLong("fail-on"),
    help: Help.text(
      "breach: keluar dengan status 1 bila aturan wajib gagal; undetermined: juga bila belum pasti.",
      "breach: exit with status 1 when a mandatory rule fails; undetermined: also when it is undetermined."))
  var failOn: FailOn = .never

  func validate() throws {
    if opd.contains(where: { $0.trimmingCharacters(in: " ").isEmpty }) {
      throw ValidationError(Help.string("--opd tidak boleh kosong.", "--opd must not be empty."))
    }
  }

  /// Renders the report in the chosen format, writes it, and ends with exit 1 for
  /// `--fail-on breach` when a mandatory rule failed.
  func print(_ report: AuditReport, language: Language) throws {
    let text: String
    switch format {
    case .table:
      let colored = output == nil && Environment.colorAllowed
      text = TableRenderer(language: language, styler: colored ? TerminalStyler() : PlainStyler())
        .render(report)
    case .json:
      text = JSONRenderer(language: language).render(report)
    case .csv:
      text = CSVRenderer().render(report)
    case .markdown:
      text = MarkdownRenderer(language: language).render(report)
    }
    try Output.write(text, to: output)
    let stopped = report.stoppedChecks(failOn.gate)
    if !stopped.isEmpty {
      Output.error(GateMessage(language: language).rules(stopped))
      throw ExitCode(1)
    }
  }
}

/// Colours for a terminal, through Rainbow.
struct TerminalStyler: Styler {
  func status(_ text: String, _ status: CheckStatus) -> String {
    switch status {
    case .pass: return text.green
    case .fail: return text.red.bold
    case .undetermined: return text.yellow
    case .noData, .info: return text.dim
    }
  }

  func heading(_ text: String) -> String { text.bold }
}
