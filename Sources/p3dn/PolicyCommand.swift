import ArgumentParser
import P3DNKit

/// `p3dn policy`: the policy file.
struct PolicyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policy",
    abstract: Help.string(
      "Kebijakan: tampilkan atau periksa berkas kebijakan.", "Policy: show or check a policy file."),
    subcommands: [Show.self, Check.self]
  )

  /// `p3dn policy show`: prints the built-in policy as a file to copy and edit.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.string(
        "Cetak kebijakan bawaan (atau --policy FILE) sebagai berkas TOML yang dapat disalin.",
        "Print the built-in policy (or --policy FILE) as a TOML file to copy.")
    )

    @Option(
      help: Help.text("Berkas kebijakan yang diperiksa lalu dicetak.", "A policy file to check and print."))
    var policy: String?

    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
      guard let policy else {
        try Output.write(Policy.defaultText, to: nil)
        return
      }
      do {
        let text = try PolicyLoader.text(of: policy)
        _ = try PolicyLoader.load(text: text, path: policy)
        try Output.write(text.hasSuffix("\n") ? text : text + "\n", to: nil)
      } catch let error as PolicyError {
        throw Failure.policy(error)
      }
    }
  }

  /// `p3dn policy check FILE`: exit 0 when the file is a valid policy.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Help.string(
        "Periksa berkas kebijakan; status 0 bila sah, 2 bila tidak.",
        "Check a policy file; status 0 when valid, 2 when not.")
    )

    @Argument(help: Help.text("Berkas kebijakan TOML.", "A TOML policy file."))
    var file: String

    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
      do {
        let policy = try PolicyLoader.load(contentsOf: file)
        let language = languageOptions.language
        Output.note(
          language == .en
            ? "\(file): valid policy \(policy.id) with \(policy.rules.count) rules."
            : "\(file): kebijakan \(policy.id) sah, \(policy.rules.count) aturan.")
      } catch {
        throw Failure.policy(error)
      }
    }
  }
}
