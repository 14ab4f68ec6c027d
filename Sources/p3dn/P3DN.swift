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
      Membaca ekspor rencana SIRUP dan realisasi SPSE (CSV atau JSON ISB) serta lembar kerja
      buatan sendiri, mengklasifikasi setiap baris, dan melaporkan pangsa produk dalam negeri
      (PDN), usaha mikro, kecil dan koperasi (UMK-K) dan produk lokal per OPD dan kabupaten
      terhadap ambang kebijakan (bawaan kukar-p3dn: Inpres 2/2022, Perbup Kukar 74/2021).

      Status keluar: 0 berhasil (dan tidak ada aturan wajib yang gagal dengan --fail-on
      breach); 1 aturan wajib gagal dengan --fail-on breach, atau validate menemukan
      kesalahan; 2 kesalahan penggunaan atau masukan yang tidak dapat dibaca.
      """,
      """
      Reads SIRUP plan and SPSE realization exports (CSV or ISB JSON) and hand-made sheets,
      classifies every line, and reports per-OPD and district shares of domestic products
      (PDN), micro/small enterprises and cooperatives (UMK-K) and local products against
      the thresholds of a policy (default kukar-p3dn: Inpres 2/2022, Perbup Kukar 74/2021).

      Exit status: 0 ran (and no mandatory rule failed with --fail-on breach); 1 a
      mandatory rule failed with --fail-on breach, or validate found errors; 2 usage error
      or input that cannot be read.
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
      try command.run()
    } catch let failure as Failure {
      Output.error(failure.message(language))
      Output.terminate(failure.code)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { Output.writeStandard(message + "\n", descriptor: 1) }
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
