import ArgumentParser
import P3DNKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `p3dn`: the P3DN compliance auditor.
@main
struct P3DN: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "p3dn",
    abstract: Help.string(
      "Audit P3DN: pangsa PDN, UMK-K dan produk lokal per OPD terhadap kebijakan.",
      "P3DN audit: shares of PDN, UMK-K and local products per OPD against a policy."),
    discussion: Help.string(
      """
      Membaca ekspor rencana SIRUP dan realisasi SPSE, e-Katalog dan SIPD (CSV, JSON ISB atau \
      XLSX) serta lembar kerja buatan sendiri, mengklasifikasi setiap baris, dan melaporkan \
      pangsa produk dalam negeri (PDN), usaha mikro, kecil dan koperasi (UMK-K) dan produk \
      lokal per OPD dan kabupaten terhadap ambang kebijakan (bawaan kukar-p3dn: Inpres 2/2022, \
      Perbup Kukar 74/2021). `p3dn <perintah> --help` memberi contoh dan status keluar setiap \
      perintah.
      """,
      """
      Reads SIRUP plan and SPSE, e-Katalog and SIPD realization exports (CSV, ISB JSON or \
      XLSX) and hand-made sheets, classifies every line, and reports per-OPD and district \
      shares of domestic products (PDN), micro/small enterprises and cooperatives (UMK-K) and \
      local products against the thresholds of a policy (default kukar-p3dn: Inpres 2/2022, \
      Perbup Kukar 74/2021). `p3dn <command> --help` gives each command's examples and exit \
      statuses.
      """),
    version: version,
    subcommands: [
      AuditCommand.self, CheckCommand.self, ExplainCommand.self, ValidateCommand.self, ProfilesCommand.self,
      PolicyCommand.self, IngestCommand.self,
      ReportCommand.self, TrendCommand.self, SourcesCommand.self, ForgetCommand.self, DatabaseCommand.self,
    ]
  )

  static func main() {
    let language = Environment.languageHint(CommandLine.arguments)
    Environment.reportTruncatedFiles()
    do {
      var command = try parseAsRoot()
      // A command group without its subcommand (`p3dn`, `p3dn policy`, `p3dn db`) is a
      // usage error, as in git or rg: its help goes to stderr, with exit 2.
      let type = Swift.type(of: command)
      if !type.configuration.subcommands.isEmpty {
        Output.writeStandard(HelpTexts.help(for: type) + "\n", descriptor: 2)
        Output.terminate(2)
      }
      try command.run()
    } catch let failure as Failure {
      Output.error(failure.message(language))
      Output.terminate(failure.code)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        // `--help`, `-h` and `p3dn help …` end with the command's examples and exit statuses.
        if !message.isEmpty { Output.writeStandard(HelpTexts.completed(message) + "\n", descriptor: 1) }
        Output.terminate(0)
      }
      if let exitCode = error as? ExitCode {
        Output.terminate(exitCode.rawValue)
      }
      // The argument parser speaks English; say what happened in Indonesian first.
      let lead =
        language == .en ? "" : "perintah tidak sah; lihat `p3dn --help` atau `p3dn <perintah> --help`.\n"
      if !message.isEmpty { Output.error(lead + message) }
      // Usage errors are exit 2 (CONTRACT §3).
      Output.terminate(2)
    }
  }
}

/// An error that ends the command with a message on stderr and an exit status.
struct Failure: Error {
  let code: Int32
  let message: @Sendable (Language) -> String

  static func input(_ error: AuditError) -> Failure {
    Failure(code: 2) { error.message($0) }
  }

  static func policy(_ error: PolicyError) -> Failure {
    Failure(code: 2) { error.message($0) }
  }

  static func usage(_ id: String, _ en: String) -> Failure {
    Failure(code: 2) { $0 == .en ? en : id }
  }
}
