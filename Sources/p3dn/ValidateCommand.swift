import ArgumentParser
import P3DNKit

/// `p3dn validate`: checks that inputs can be read and audited, for CI.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: Help.string(
      "Periksa berkas masukan (untuk CI): status 1 bila ada baris ditolak.",
      "Check input files (for CI): status 1 when rows are rejected.")
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  enum FailOnValidation: String, ExpressibleByArgument, CaseIterable {
    /// Exit 1 when any row is rejected.
    case error
    /// Exit 1 when any row is rejected or any warning was raised.
    case warning
    case never
  }

  @OptionGroup var input: InputOptions

  @Option(help: Help.text("Format keluaran.", "Output format."))
  var format: Format = .text

  @Option(
    name: .customLong("fail-on"),
    help: Help.text("error (bawaan), warning atau never.", "error (default), warning or never."))
  var failOn: FailOnValidation = .error

  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws { try input.validateInputs() }

  func run() throws {
    let language = languageOptions.language
    let policy = try input.loadPolicy()
    var request = input.request(policy: policy)
    request.requireSingleYear = false
    let summary: ValidationSummary
    let progress = ProgressDisplay.start(language: language)
    request.progress = progress?.counter
    do {
      summary = ValidationSummary(report: try AuditEngine.run(request))
      progress?.stop()
    } catch {
      progress?.stop()
      throw Failure.input(error)
    }
    let renderer = ValidationRenderer(language: language)
    try Output.write(format == .json ? renderer.json(summary) : renderer.text(summary), to: nil)
    let failed: Bool
    switch failOn {
    case .error: failed = summary.errors > 0
    case .warning: failed = summary.errors > 0 || summary.warnings > 0
    case .never: failed = false
    }
    if failed { throw ExitCode(1) }
  }
}
