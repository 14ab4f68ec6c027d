import ArgumentParser
import P3DNKit

extension Language: ExpressibleByArgument {}

/// Output formats of `audit`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table
  case json
  case csv
  case markdown
}

/// When `audit` exits 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
  /// A mandatory rule failed for the district or a reported OPD.
  case breach
  case never
}

/// Options shared by the commands that print human text.
struct LanguageOptions: ParsableArguments {
  @Option(help: "Bahasa teks untuk manusia: id (bawaan) atau en. Juga P3DN_LANG.")
  var lang: Language?

  var language: Language {
    lang ?? Environment.variable("P3DN_LANG").flatMap(Language.init(rawValue:)) ?? .id
  }
}

/// Options that choose the inputs and how they are read.
struct InputOptions: ParsableArguments {
  @Argument(help: "Berkas atau folder masukan (*.csv, *.json; folder tidak rekursif).")
  var inputs: [String] = []

  @Option(name: .customLong("plan"), help: "Berkas tahap rencana (boleh diulang).")
  var planFiles: [String] = []

  @Option(name: .customLong("realization"), help: "Berkas tahap realisasi (boleh diulang).")
  var realizationFiles: [String] = []

  @Option(help: "Paksa profil untuk semua berkas (lihat `p3dn profiles`).")
  var profile: String?

  @Option(help: "Berkas kebijakan TOML (bawaan: kukar-p3dn; lihat `p3dn policy show`).")
  var policy: String?

  @Option(help: "Tahun anggaran yang dilaporkan (bawaan: satu-satunya tahun dalam data).")
  var year: Int?

  func validateInputs() throws {
    if inputs.isEmpty && planFiles.isEmpty && realizationFiles.isEmpty {
      throw ValidationError("Sebutkan berkas masukan, atau --plan / --realization.")
    }
    if let year, !(1000...9999).contains(year) {
      throw ValidationError("--year harus tahun empat angka, mis. 2022.")
    }
  }

  func loadPolicy() throws(Failure) -> Policy {
    do {
      guard let policy else { return try PolicyLoader.builtIn() }
      return try PolicyLoader.load(contentsOf: policy)
    } catch {
      throw Failure.policy(error)
    }
  }

  func request(policy: Policy, opdFilters: [String] = []) -> AuditRequest {
    AuditRequest(
      inputs: inputs, planFiles: planFiles, realizationFiles: realizationFiles,
      profileName: profile, policy: policy, year: year, opdFilters: opdFilters)
  }
}
