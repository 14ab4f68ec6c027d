import ArgumentParser
import P3DNKit

/// `p3dn validate`: findings on the inputs, in the formats CI servers read; exit 1 when
/// they are invalid.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: Help.string(
      "Periksa berkas masukan (untuk CI): temuan dengan kode, baris dan kolom; status 1 bila tidak sah.",
      "Check input files (for CI): findings with a code, line and column; status 1 when invalid.")
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case junit
    case sarif
    case github
    case markdown
  }

  @OptionGroup var input: InputOptions

  @Option(help: Help.text("Format keluaran.", "Output format."))
  var format: Format = .text

  @Option(
    help: Help.text(
      "Tulis laporan ke berkas ini, bukan ke stdout.", "Write the report to this file instead of stdout."))
  var output: String?

  @Flag(
    help: Help.text(
      "Peringatan juga membuat masukan tidak sah (status 1).",
      "Warnings also make the inputs invalid (status 1)."))
  var werror = false

  @Option(
    name: .customLong("max-findings"),
    help: Help.text(
      "Temuan yang dicantumkan paling banyak (sisanya dihitung).",
      "At most this many findings are listed (the rest are counted)."))
  var maxFindings = 1000

  @Option(
    name: .customLong("fail-on"),
    help: Help.text(
      "breach: aturan wajib yang gagal menjadi temuan; undetermined: juga yang belum pasti; never: aturan tidak diperiksa.",
      "breach: a mandatory rule that fails is a finding; undetermined: also one undetermined; never: rules are not checked."
    ))
  var failOn: FailOn = .never

  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    try input.validateInputs()
    if maxFindings < 0 {
      throw ValidationError(
        Help.string("--max-findings harus 0 atau lebih.", "--max-findings must be 0 or more."))
    }
  }

  func run() throws {
    let language = languageOptions.language
    let policy = try input.loadPolicy()
    var request = input.request(policy: policy)
    let progress = ProgressDisplay.start(language: language)
    request.progress = progress?.counter
    let report: ValidationReport
    do {
      report = try Validator.run(request, gate: failOn.gate, maxFindings: maxFindings)
      progress?.stop()
    } catch {
      progress?.stop()
      throw Failure.input(error)
    }
    let formatter = ValidationFormatter(
      language: language, version: P3DN.version,
      inputsLocation: (input.inputs + input.planFiles + input.realizationFiles).first, werror: werror)
    let text: String
    switch format {
    case .text: text = formatter.text(report)
    case .json: text = formatter.json(report)
    case .junit: text = formatter.junit(report)
    case .sarif: text = formatter.sarif(report)
    case .github: text = formatter.github(report)
    case .markdown: text = formatter.markdown(report)
    }
    try Output.write(text, to: output)
    if !report.isValid(werror: werror) {
      Output.error(GateMessage(language: language).findings(report, werror: werror))
      throw ExitCode(1)
    }
  }
}
