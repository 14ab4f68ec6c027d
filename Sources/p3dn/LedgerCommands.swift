import ArgumentParser
import Foundation
import P3DNKit
import P3DNLedger

/// The ledger's location: `--db`, else `P3DN_DB`, else `./p3dn.sqlite`.
struct LedgerOptions: ParsableArguments {
  @Option(
    help: Help.text(
      "Berkas buku besar SQLite (bawaan: P3DN_DB, atau ./p3dn.sqlite).",
      "The SQLite ledger file (default: P3DN_DB, or ./p3dn.sqlite)."))
  var db: String?

  var path: String { db ?? Environment.variable("P3DN_DB") ?? "p3dn.sqlite" }

  /// Runs `body` on the ledger (`create`: a new one when there is none, for `ingest`;
  /// the other commands need one). A ledger error ends the command (exit 2).
  func use<Value>(create: Bool = false, _ body: (Ledger) throws(LedgerError) -> Value) throws(Failure)
    -> Value
  {
    do {
      return try body(try Ledger(path: path, create: create))
    } catch {
      throw Failure.ledger(error)
    }
  }
}

extension Failure {
  static func ledger(_ error: LedgerError) -> Failure {
    Failure(code: 2) { error.message($0) }
  }
}

/// Today's date, yyyy-mm-dd (UTC), for an ingest without `--as-of`.
enum Today {
  static var text: String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }
}

/// `p3dn ingest`: files into the ledger, as sources with every row.
struct IngestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: Help.string(
      "Masukkan ekspor ke buku besar SQLite (setiap baris, dengan alasannya).",
      "Ingest exports into the SQLite ledger (every row, with its reason).")
  )

  @Argument(
    help: Help.text(
      "Berkas atau folder (*.csv, *.json, *.xlsx).", "Files or folders (*.csv, *.json, *.xlsx)."))
  var inputs: [String] = []

  @Option(name: .customLong("plan"), help: Help.text("Berkas tahap rencana.", "A plan-stage file."))
  var planFiles: [String] = []

  @Option(
    name: .customLong("realization"), help: Help.text("Berkas tahap realisasi.", "A realization-stage file."))
  var realizationFiles: [String] = []

  @Option(
    name: .customLong("as-of"),
    help: Help.text(
      "Tanggal data ekspor, yyyy-mm-dd (bawaan: tanggal tarik `_event_date`, atau tanggal baris terbaru, atau hari ini).",
      "The date the exports show the data as of, yyyy-mm-dd (default: their `_event_date`, else their newest row date, else today)."
    ))
  var asOf: String?

  @Option(
    help: Help.text(
      "Berkas kebijakan TOML (bawaan: kukar-p3dn).", "Policy file in TOML (default: kukar-p3dn)."))
  var policy: String?

  @OptionGroup var reading: ReadingOptions
  @OptionGroup var ledgerOptions: LedgerOptions
  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    if inputs.isEmpty && planFiles.isEmpty && realizationFiles.isEmpty {
      throw ValidationError(Help.string("Sebutkan berkas yang dimasukkan.", "Name the files to ingest."))
    }
  }

  func run() throws {
    let language = languageOptions.language
    let loaded = try InputOptions.loadPolicy(policy)
    var request = AuditRequest(
      inputs: inputs, planFiles: planFiles, realizationFiles: realizationFiles, policy: loaded)
    reading.apply(to: &request)
    let (outcomes, overlaps) = try ledgerOptions.use(create: true) { ledger throws(LedgerError) in
      let outcomes = try ledger.ingest(request, asOf: asOf, today: Today.text)
      // A hand-made sheet counts besides the others: say when one covers the same OPDs.
      var overlaps: [Int64: [(source: SourceRecord, opds: [String])]] = [:]
      for case .added(let source) in outcomes {
        overlaps[source.id ?? 0] = try ledger.overlaps(of: source)
      }
      return (outcomes, overlaps)
    }
    var lines: [String] = []
    for outcome in outcomes {
      switch outcome {
      case .added(let source):
        lines.append(
          language == .en
            ? "added source \(source.id ?? 0): \(source.path) (\(source.profile), as of \(source.asOf)): \(source.rows) rows = \(source.included) included + \(source.excluded) excluded + \(source.rejected) rejected"
            : "sumber \(source.id ?? 0) ditambahkan: \(source.path) (\(source.profile), per \(source.asOf)): \(source.rows) baris = \(source.included) disertakan + \(source.excluded) dikecualikan + \(source.rejected) ditolak"
        )
        for (other, opds) in overlaps[source.id ?? 0] ?? [] {
          let listed = opds.prefix(3).joined(separator: ", ") + (opds.count > 3 ? ", …" : "")
          lines.append(
            language == .en
              ? "  warning: source \(other.id ?? 0) (\(other.path)) also has lines of \(opds.count) of its OPDs (\(listed)) for the same year and stage; both count. If this sheet replaces it: p3dn forget \(other.id ?? 0)"
              : "  peringatan: sumber \(other.id ?? 0) (\(other.path)) juga memuat baris \(opds.count) OPD-nya (\(listed)) untuk tahun dan tahap yang sama; keduanya dihitung. Jika lembar ini menggantikannya: p3dn forget \(other.id ?? 0)"
          )
        }
      case .unchanged(let source):
        lines.append(
          language == .en
            ? "unchanged: \(source.path) is already source \(source.id ?? 0) (same SHA-256, as of \(source.asOf))"
            : "tidak berubah: \(source.path) sudah menjadi sumber \(source.id ?? 0) (SHA-256 sama, per \(source.asOf))"
        )
      }
    }
    try Output.write(lines.joined(separator: "\n") + "\n", to: nil)
  }
}

/// `p3dn sources`: what the ledger holds.
struct SourcesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sources",
    abstract: Help.string("Daftar sumber di buku besar.", "List the sources in the ledger."))

  @OptionGroup var ledgerOptions: LedgerOptions
  @OptionGroup var languageOptions: LanguageOptions

  func run() throws {
    let language = languageOptions.language
    let sources = try ledgerOptions.use { ledger throws(LedgerError) in try ledger.sources() }
    var lines = [
      language == .en
        ? "id\tas of\tprofile\tstage\tyear\trows\tincluded\texcluded\trejected\tpath"
        : "id\tper\tprofil\ttahap\ttahun\tbaris\tdisertakan\tdikecualikan\tditolak\tberkas"
    ]
    for source in sources {
      lines.append(
        [
          String(source.id ?? 0), source.asOf, source.profile, source.stage ?? "-",
          source.fiscalYear.map(String.init) ?? "-", String(source.rows), String(source.included),
          String(source.excluded), String(source.rejected), source.path,
        ].joined(separator: "\t"))
    }
    try Output.write(lines.joined(separator: "\n") + "\n", to: nil)
  }
}

/// `p3dn forget SOURCE`: removes one ingest.
struct ForgetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forget",
    abstract: Help.string(
      "Hapus satu sumber (dan barisnya) dari buku besar.", "Remove one source (and its rows) from the ledger."
    ))

  @Argument(help: Help.text("Nomor sumber (lihat `p3dn sources`).", "The source id (see `p3dn sources`)."))
  var source: Int64

  @OptionGroup var ledgerOptions: LedgerOptions
  @OptionGroup var languageOptions: LanguageOptions

  func run() throws {
    let removed = try ledgerOptions.use { ledger throws(LedgerError) in try ledger.forget(source) }
    let text =
      languageOptions.language == .en
      ? "forgot source \(source): \(removed.path) (\(removed.rows) rows)\n"
      : "sumber \(source) dihapus: \(removed.path) (\(removed.rows) baris)\n"
    try Output.write(text, to: nil)
  }
}

/// `p3dn db check`: SQLite's integrity check and the ledger's invariants.
struct DatabaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: Help.string("Pemeliharaan buku besar.", "Ledger maintenance."),
    subcommands: [CheckCommand.self])

  struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: Help.string(
        "Periksa integritas SQLite dan jumlah baris setiap sumber (keluar 1 bila ada masalah).",
        "Check SQLite's integrity and each source's row counts (exit 1 on a problem)."))

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
      let problems = try ledgerOptions.use { ledger throws(LedgerError) in try ledger.check() }
      let english = languageOptions.language == .en
      if problems.isEmpty {
        try Output.write(english ? "ledger ok\n" : "buku besar baik\n", to: nil)
        return
      }
      try Output.write(problems.joined(separator: "\n") + "\n", to: nil)
      throw ExitCode(1)
    }
  }
}

/// `p3dn report`: the audit's report, made from the ledger as of a date.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: Help.string(
      "Laporan audit dari buku besar, per tanggal (tanpa membaca berkas lagi).",
      "The audit report from the ledger, as of a date (no file read again).")
  )

  @Option(
    name: .customLong("as-of"),
    help: Help.text(
      "Laporan per tanggal ini, yyyy-mm-dd (bawaan: sumber terbaru).",
      "The report as of this date, yyyy-mm-dd (default: the newest sources)."))
  var asOf: String?

  @Option(
    help: Help.text(
      "Laporan per akhir bulan ini, YYYY-MM.", "The report as of the end of this month, YYYY-MM."))
  var month: String?

  @Option(
    help: Help.text(
      "Tahun anggaran yang dilaporkan (bawaan: satu-satunya tahun dalam data).",
      "Fiscal year to report (default: the one year in the data)."))
  var year: Int?

  @Option(help: Help.text("Berkas kebijakan TOML.", "Policy file in TOML."))
  var policy: String?

  @Option(help: Help.text("Pembagi persentase: rup atau budget.", "Share denominator: rup or budget."))
  var denominator: Denominator = .rup

  @OptionGroup var reportOptions: ReportOptions
  @OptionGroup var ledgerOptions: LedgerOptions
  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    if asOf != nil && month != nil {
      throw ValidationError(
        Help.string("Pilih --as-of atau --month, bukan keduanya.", "Give --as-of or --month, not both."))
    }
    if let month, Months.end(month) == nil {
      throw ValidationError(
        Help.string("--month harus YYYY-MM, mis. 2025-09.", "--month must be YYYY-MM, e.g. 2025-09."))
    }
  }

  func run() throws {
    let loaded = try InputOptions.loadPolicy(policy)
    var request = AuditRequest(inputs: [], policy: loaded, year: year, opdFilters: reportOptions.opd)
    request.denominator = denominator
    let report = try ledgerOptions.use { ledger throws(LedgerError) in
      try ledger.report(request, asOf: asOf ?? month.flatMap(Months.end))
    }
    try reportOptions.print(report, language: languageOptions.language)
  }
}

/// `p3dn trend`: month by month, the year-to-date shares and checks from the ledger.
struct TrendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trend",
    abstract: Help.string(
      "Tren bulanan dari buku besar: pangsa kumulatif dan status pemeriksaan per akhir bulan.",
      "Month-by-month trend from the ledger: year-to-date shares and check statuses at each month's end.")
  )

  @Option(help: Help.text("Bulan pertama, YYYY-MM.", "The first month, YYYY-MM."))
  var from: String?

  @Option(help: Help.text("Bulan terakhir, YYYY-MM.", "The last month, YYYY-MM."))
  var to: String?

  @Option(help: Help.text("Tahun anggaran.", "Fiscal year."))
  var year: Int?

  @Option(
    help: Help.text(
      "OPD yang ditampilkan selain kabupaten (kode awal atau bagian nama; boleh diulang).",
      "OPDs shown besides the district (code prefix or part of the name; repeatable)."))
  var opd: [String] = []

  @Option(help: Help.text("Berkas kebijakan TOML.", "Policy file in TOML."))
  var policy: String?

  @Option(help: Help.text("Format keluaran.", "Output format."))
  var format: OutputFormat = .table

  @Option(help: Help.text("Tulis ke berkas ini.", "Write to this file."))
  var output: String?

  @OptionGroup var ledgerOptions: LedgerOptions
  @OptionGroup var languageOptions: LanguageOptions

  func validate() throws {
    for month in [from, to].compactMap({ $0 }) where Months.end(month) == nil {
      throw ValidationError(
        Help.string("--from/--to harus YYYY-MM, mis. 2025-06.", "--from/--to must be YYYY-MM, e.g. 2025-06."))
    }
    if let from, let to, from > to {
      throw ValidationError(
        Help.string(
          "--from \(from) jatuh setelah --to \(to); tukar keduanya.",
          "--from \(from) is after --to \(to); swap them."))
    }
  }

  func run() throws {
    let loaded = try InputOptions.loadPolicy(policy)
    let request = AuditRequest(inputs: [], policy: loaded, year: year, opdFilters: opd)
    // Without --opd the trend is the district's alone.
    let trend = try ledgerOptions.use { ledger throws(LedgerError) in
      try ledger.trend(request, from: from, to: to, showsOPDs: !opd.isEmpty)
    }
    let renderer = TrendRenderer(language: languageOptions.language)
    let text: String
    switch format {
    case .table: text = renderer.table(trend, markdown: false)
    case .markdown: text = renderer.table(trend, markdown: true)
    case .json: text = renderer.json(trend)
    case .csv: text = renderer.csv(trend)
    }
    try Output.write(text, to: output)
  }
}
