import ArgumentParser
import P3DNKit

/// `p3dn profiles`: the export formats and their columns.
struct ProfilesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profiles",
    abstract: Help.string(
      "Daftar profil (format ekspor) beserta kolomnya.",
      "List the profiles (export formats) and their columns.")
  )

  @OptionGroup var languageOptions: LanguageOptions

  func run() throws {
    try Output.write(ProfilesRenderer(language: languageOptions.language).render(), to: nil)
  }
}
