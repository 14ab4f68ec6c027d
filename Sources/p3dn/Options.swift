import ArgumentParser
import P3DNKit

extension Language: ExpressibleByArgument {}
extension Denominator: ExpressibleByArgument {}

/// Output formats of `audit`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table
  case json
  case csv
  case markdown
}

/// When `audit`, `report`, `check` and `validate` exit 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
  /// A mandatory rule failed for the district or a reported OPD.
  case breach
  /// A mandatory rule failed, or the unknown lines leave it undetermined.
  case undetermined
  case never

  var gate: RuleGate {
    switch self {
    case .breach: return .breach
    case .undetermined: return .undetermined
    case .never: return .never
    }
  }
}

/// Options shared by the commands that print human text.
struct LanguageOptions: ParsableArguments {
  @Option(
    help: Help.text(
      "Bahasa teks untuk manusia: id (bawaan) atau en. Juga P3DN_LANG.",
      "Language of human text: id (default) or en. Also P3DN_LANG."))
  var lang: Language?

  var language: Language {
    lang ?? Environment.languageHint([])
  }
}

/// Options that say how inputs are read (`audit` and `ingest`).
struct ReadingOptions: ParsableArguments {
  @Option(
    help: Help.text(
      "Paksa profil untuk semua berkas (lihat `p3dn profiles`).",
      "Force a profile for every file (see `p3dn profiles`)."))
  var profile: String?

  @Option(
    help: Help.text(
      "Daftar penyedia (CSV/JSON/XLSX: NPWP/kode/nama, skala usaha, koperasi, kab/kota) untuk baris tanpa tanda UMK-K atau lokal.",
      "Vendor list (CSV/JSON/XLSX: NPWP/code/name, business scale, koperasi, kab/kota) for lines without UMK-K or local flags."
    ))
  var vendors: String?

  @Option(
    help: Help.text(
      "Pemetaan kolom TOML untuk lembar kerja lain (lihat docs/formats.md).",
      "Column mapping in TOML for any other sheet (see docs/formats.md)."))
  var map: String?

  @Option(
    help: Help.text(
      "Lembar XLSX yang dibaca (bawaan: lembar pertama).", "XLSX sheet to read (default: the first sheet)."))
  var sheet: String?

  func apply(to request: inout AuditRequest) {
    request.profileName = profile
    request.vendorsPath = vendors
    request.mapPath = map
    request.sheet = sheet
  }
}

/// Options that choose the inputs and how they are read.
struct InputOptions: ParsableArguments {
  @Argument(
    help: Help.text(
      "Berkas atau folder masukan (*.csv, *.json, *.xlsx; folder dibaca beserta subfoldernya).",
      "Input files or folders (*.csv, *.json, *.xlsx; folders are read with their subfolders)."))
  var inputs: [String] = []

  @Option(
    name: .customLong("plan"),
    help: Help.text("Berkas tahap rencana (boleh diulang).", "A plan-stage file (repeatable)."))
  var planFiles: [String] = []

  @Option(
    name: .customLong("realization"),
    help: Help.text("Berkas tahap realisasi (boleh diulang).", "A realization-stage file (repeatable)."))
  var realizationFiles: [String] = []

  @OptionGroup var reading: ReadingOptions

  @Option(
    help: Help.text(
      "Berkas kebijakan TOML (bawaan: kukar-p3dn; lihat `p3dn policy show`).",
      "Policy file in TOML (default: kukar-p3dn; see `p3dn policy show`)."))
  var policy: String?

  @Option(
    help: Help.text(
      "Tahun anggaran yang dilaporkan (bawaan: satu-satunya tahun dalam data).",
      "Fiscal year to report (default: the one year in the data)."))
  var year: Int?

  @Option(
    help: Help.text(
      "Jumlah thread untuk membaca berkas besar (bawaan: jumlah prosesor).",
      "Threads that read large files (default: the number of processors)."))
  var threads: Int?

  /// Whether any input file or folder is named.
  var namesInputs: Bool { !(inputs.isEmpty && planFiles.isEmpty && realizationFiles.isEmpty) }

  /// `requireInputs`: false for a command that reads the ledger when no input is named.
  func validateInputs(requireInputs: Bool = true) throws {
    if let threads, !(1...256).contains(threads) {
      throw ValidationError(Help.string("--threads harus 1 sampai 256.", "--threads must be 1 to 256."))
    }
    if requireInputs && !namesInputs {
      throw ValidationError(
        Help.string(
          "Sebutkan berkas masukan, atau --plan / --realization.",
          "Name input files, or --plan / --realization."))
    }
    if let year, !(1000...9999).contains(year) {
      throw ValidationError(
        Help.string(
          "--year harus tahun empat angka, mis. 2022.", "--year must be a four-digit year, e.g. 2022."))
    }
  }

  func loadPolicy() throws(Failure) -> Policy { try Self.loadPolicy(policy) }

  /// The policy file at `path`, else the built-in `kukar-p3dn`.
  static func loadPolicy(_ path: String?) throws(Failure) -> Policy {
    do {
      guard let path else { return try PolicyLoader.builtIn() }
      return try PolicyLoader.load(contentsOf: path)
    } catch {
      throw Failure.policy(error)
    }
  }

  func request(policy: Policy, opdFilters: [String] = []) -> AuditRequest {
    var request = AuditRequest(
      inputs: inputs, planFiles: planFiles, realizationFiles: realizationFiles,
      policy: policy, year: year, opdFilters: opdFilters)
    if let threads { request.threads = threads }
    reading.apply(to: &request)
    return request
  }
}

/// Help text in the language of `--lang` / `P3DN_LANG`, decided once from the raw
/// arguments (help is built before the options are parsed).
enum Help {
  static let language = Environment.languageHint(CommandLine.arguments)

  static func string(_ id: String, _ en: String) -> String { language == .en ? en : id }

  static func text(_ id: String, _ en: String) -> ArgumentHelp { ArgumentHelp(string(id, en)) }
}

/// What shares are divided by (`audit`, `check`): not offered where no share is shown.
struct DenominatorOption: ParsableArguments {
  @Option(
    help: Help.text(
      "Pembagi persentase: rup (total baris, bawaan) atau budget (belanja pengadaan dari struktur-anggaran).",
      "Share denominator: rup (the lines' total, default) or budget (procurement budget from struktur-anggaran)."
    ))
  var denominator: Denominator = .rup
}
