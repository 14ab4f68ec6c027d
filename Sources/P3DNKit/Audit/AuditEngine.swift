/// What to audit and how.
public struct AuditRequest: Sendable {
  public var inputs: [String]
  public var planFiles: [String]
  public var realizationFiles: [String]
  /// Force this profile for every file.
  public var profileName: String?
  public var policy: Policy
  /// The fiscal year to report; nil: the one year found in the data.
  public var year: Int?
  /// Restrict the per-OPD part: code prefix or name substring, case-insensitive.
  public var opdFilters: [String]
  /// How many rejected rows to list in full.
  public var rejectedLimit: Int
  /// Read buffer size per file.
  public var bufferSize: Int
  /// Threads that read a large file at once (1: everything on the calling thread).
  public var threads: Int = InputResolver.processorCount
  /// Files longer than two chunks of this size are read in chunks on several threads; a
  /// large file in larger chunks (``ChunkedAudit/chunkSize(for:threads:minimum:)``).
  public var chunkSize: Int = 8 << 20
  /// Counts the bytes read, for a progress display.
  public var progress: ProgressCounter? = nil
  /// Whether data with no fiscal year at all, without `year`, is an error (audit) or is
  /// read as it is (validate). Several years without `year` are an error either way.
  public var requireSingleYear: Bool = true
  /// What shares are divided by (`--denominator`).
  public var denominator: Denominator = .rup
  /// The team's vendor list (`--vendors`).
  public var vendorsPath: String? = nil
  /// A column mapping (`--map`): a profile tried before the built-in ones.
  public var mapPath: String? = nil
  /// The XLSX sheet to read (nil: the first).
  public var sheet: String? = nil
  /// A sink for the records of every row of a file (by its path as given), for the
  /// ledger; a file with a sink is read on one thread.
  public var rowSink: (@Sendable (String) -> RowSink?)? = nil
  /// Whether an `--opd` that matches no OPD, or a `--year` with no included row, is an
  /// error (CONTRACT §2); a month of a trend checks them over all months instead.
  public var checksFilters = true
  /// Whether every file keeps what each of its packages adds, so that a report of files
  /// read apart (the ledger) can count each package once (CONTRACT §7.4); else only files
  /// whose packages another input may hold keep it.
  public var tracksPackages = false
  /// Files left out of the inputs (by their path as listed), for `validate`: a file that
  /// cannot be read is a finding, and the others are still audited.
  public var excludedFiles: Set<String> = []
  /// Satker directories known beforehand (the ledger's), besides those among the inputs.
  public var directory: SatkerDirectory? = nil
  /// Data of several fiscal years is not an error (the ledger keeps each row's year);
  /// the reported year is then the latest.
  public var allowSeveralYears = false
  /// Whether to record RUP codes for plan ↔ realization links: nil decides from the
  /// inputs (only when they can hold both stages); the ledger always does, since its
  /// reports combine files read apart.
  public var linking: Bool? = nil

  public init(
    inputs: [String], planFiles: [String] = [], realizationFiles: [String] = [],
    profileName: String? = nil, policy: Policy, year: Int? = nil, opdFilters: [String] = [],
    rejectedLimit: Int = 10_000, bufferSize: Int = 1 << 20
  ) {
    self.inputs = inputs
    self.planFiles = planFiles
    self.realizationFiles = realizationFiles
    self.profileName = profileName
    self.policy = policy
    self.year = year
    self.opdFilters = opdFilters
    self.rejectedLimit = rejectedLimit
    self.bufferSize = bufferSize
  }
}

/// Runs an audit: read → classify → aggregate → check. Values in, a report out.
public enum AuditEngine {
  public static func run(_ request: AuditRequest) throws(AuditError) -> AuditReport {
    let (sums, vendors) = try read(request)
    var report = try report(sums, request: request)
    report.vendors = vendors.map(VendorListSummary.init)
    return report
  }

  /// The files the request's inputs name (folders listed), each with the stage it is
  /// given. The vendor list is not an input, even when it sits in an input folder.
  public static func inputFiles(_ request: AuditRequest) throws(AuditError) -> [InputFile] {
    let vendorFile = request.vendorsPath.map(InputResolver.canonicalPath)
    return try InputResolver.resolve(
      inputs: request.inputs, plan: request.planFiles, realization: request.realizationFiles
    ).filter { vendorFile == nil || InputResolver.canonicalPath($0.path) != vendorFile }
      .filter { !request.excludedFiles.contains($0.path) }
  }

  /// Reads every input into its sums (before a year and the OPD filters make a report of
  /// them), with the vendor list it used: copies of one file are read once (CONTRACT
  /// §7.1), satker directories first so that the others' OPD ids map to codes (§7.2), and
  /// older snapshots of a dataset are set aside (§7.3).
  public static func read(_ request: AuditRequest) throws(AuditError) -> (
    files: [FileSums], vendors: VendorList?
  ) {
    let (forced, mapped) = try chosenProfiles(request)
    let files = try inputFiles(request)
    if files.isEmpty { throw .noInputs }
    let vendors = try request.vendorsPath.map { path throws(AuditError) in
      try VendorListLoader.load(path: path, bufferSize: request.bufferSize)
    }
    let copies = try IdenticalFiles.copies(among: files.map(\.path))
    var reading = FolderReading(
      request: request, files: files, forced: forced, mapped: mapped, vendors: vendors)
    try reading.readDirectories(skipping: copies)
    try reading.readSpending(skipping: copies)
    var results = reading.results(copies: copies)
    Snapshots.setAside(&results)
    return (results.map(FileSums.init), vendors)
  }

  /// What a file is for the audit (CONTRACT §7.2), from its header alone.
  public static func use(of file: InputFile, request: AuditRequest) throws(AuditError) -> FileUse {
    let (forced, mapped) = try chosenProfiles(request)
    let opened = try InputOpener.open(
      path: file.path, forcedProfile: forced, bufferSize: 1 << 16, mapped: mapped, sheet: request.sheet)
    return opened.profile.kind.use
  }

  /// The profile `--profile` forces, and the `--map` mapping.
  static func chosenProfiles(_ request: AuditRequest) throws(AuditError) -> (
    forced: Profile?, mapped: Profile?
  ) {
    var forced: Profile? = nil
    if let name = request.profileName {
      guard let profile = ProfileRegistry.named(name) else { throw .unknownProfile(name: name) }
      forced = profile
    }
    var mapped: Profile? = nil
    if let path = request.mapPath {
      do {
        mapped = try MappingLoader.load(contentsOf: path)
      } catch {
        throw .mapping(error)
      }
    }
    return (forced, mapped)
  }

  /// The report of files already read (by ``read(_:)``, or kept in the ledger), for the
  /// request's year, OPD filters and denominator.
  public static func report(_ files: [FileSums], request: AuditRequest) throws(AuditError) -> AuditReport {
    try settle(files, request: request).report
  }

  /// The report of files already read, with what §7 set aside in each of them: the
  /// packages another file counts (by the files' places in `files`).
  public static func settle(_ files: [FileSums], request: AuditRequest) throws(AuditError) -> (
    report: AuditReport, settlement: Settlement
  ) {
    // "First seen" orders carry the file's place in the audit: a file read on its own (the
    // ledger) takes its place here.
    var results = files.enumerated().map { index, file in file.result.placed(at: index) }
    let stagesWithInput = results.reduce(into: Set<Stage>()) { $0.formUnion($1.stagesSeen) }
    if request.denominator == .budget && !results.contains(where: \.isBudget) {
      throw .noBudgetInput(files: results.map(\.path))
    }
    let year = try reportedYear(
      request.year, results, strict: request.requireSingleYear, latest: request.allowSeveralYears)
    PackagePrecedence.apply(&results, year: year)
    let settlement = Settlement(results: results)
    let report = ReportBuilder.build(
      year: year, policy: request.policy, results: results, stages: stagesWithInput,
      opdFilters: [], denominator: request.denominator)
    if request.checksFilters {
      try FilterCheck.year(request.year, report: report, results: results)
      try FilterCheck.opds(request.opdFilters, report: report)
    }
    if request.opdFilters.isEmpty { return (report, settlement) }
    let filtered = ReportBuilder.build(
      year: year, policy: request.policy, results: results, stages: stagesWithInput,
      opdFilters: request.opdFilters, denominator: request.denominator)
    return (filtered, settlement)
  }

  /// `--year`, else the one year among the rows that reached the year test.
  static func reportedYear(_ requested: Int?, _ results: [FileResult], strict: Bool, latest: Bool = false)
    throws(AuditError) -> Int
  {
    if let requested { return requested }
    var files: [Int: [String]] = [:]
    for result in results {
      for year in result.yearsSeen.sorted() { files[year, default: []].append(result.path) }
    }
    guard !files.isEmpty else {
      if !strict { return 0 }
      throw .noYear(files: results.map(\.path))
    }
    if latest, let year = files.keys.max() { return year }
    guard files.count == 1, let year = files.keys.first else {
      throw .severalYears(years: files.keys.sorted(), files: files)
    }
    return year
  }
}

/// What reading one file gave: its counts and sums by fiscal year and OPD, before a report
/// is made of them. The ledger keeps it, so a report needs no file read again.
public struct FileSums: Codable, Sendable {
  var result: FileResult

  init(_ result: FileResult) { self.result = result }

  public var path: String { result.path }
  public var profile: String { result.profile }
  public var sha256: String { result.sha256 }
  /// The export's kind (its dataset; a hand-made sheet: its profile and header) and scope
  /// (the KLPD codes it names): a newer pull of the same dataset, scope and year
  /// supersedes an older one (CONTRACT §7.3).
  public var kind: String { dataset ?? (result.profile + "|" + result.headerSignature) }
  /// The dataset it is (from its profile and header, for a source stored before datasets
  /// were kept); nil: a hand-made format.
  public var dataset: String? {
    if let dataset = result.dataset { return dataset }
    let header = HeaderNames(result.headerSignature.split(separator: ",").map(String.init))
    return ProfileRegistry.named(result.profile)?.dataset(for: header)?.name
  }
  /// Whether it is a snapshot of an export's dataset (hand-made sheets are not).
  public var isSnapshot: Bool { dataset != nil && result.use != .notSpending && result.use != .directory }
  /// The export's as-of day (yyyy-mm-dd), from its snapshot date or date columns; nil: no
  /// date. `knowsAsOf`: whether it was read by a version that looks for it.
  public var asOf: String? { result.asOf }
  public var knowsAsOf: Bool {
    result.dateColumns != nil || result.snapshotDay > 0 || result.givenAsOf != nil
  }
  /// The day a snapshot counts from: the one the user gave at ingest, else its own as-of.
  public var snapshotAsOf: String? { result.givenAsOf ?? result.asOf }
  /// Its fiscal-year cells.
  public var fiscalYears: Set<Int> { result.fiscalYears }

  /// The file as an older snapshot of the dataset: every row superseded by `newer`.
  public func superseded(by newer: String) -> FileSums {
    var result = self.result.setAside(as: .superseded)
    result.supersededBy = newer
    return FileSums(result)
  }

  /// The same sums as of another day (`ingest --as-of`: the date the user gives wins).
  public func asOf(day: String) -> FileSums {
    var copy = self
    copy.result.givenAsOf = day
    return copy
  }
  public var scope: String { result.scopes.sorted().joined(separator: ",") }
  /// What a satker directory maps (nil: not a directory).
  public var directory: SatkerDirectory? { result.directory }
  /// The OPD codes of its lines (after roll-up), by fiscal year.
  public var opdCodesByYear: [Int?: Set<String>] { result.years.mapValues { Set($0.opds.keys) } }
}

/// What CONTRACT §7 set aside in each file of a report, by the file's place among the
/// report's files: its use, the file it is a copy of or that supersedes it, and the
/// packages whose rows another file counts.
public struct Settlement: Sendable {
  public struct File: Sendable {
    public let path: String
    public let profile: String
    /// The names of its header, as read.
    public let header: [String]
    public let dataset: String?
    public let use: FileUse
    public let sameAs: String?
    public let supersededBy: String?
    /// Package keys whose candidate rows are `duplicate`, with the file that counts them.
    public let lostPackages: [String: String]
  }

  public let files: [File]

  init(results: [FileResult]) {
    files = results.map { result in
      File(
        path: result.path, profile: result.profile,
        header: result.headerSignature.split(separator: ",", omittingEmptySubsequences: false).map(
          String.init),
        dataset: result.dataset, use: result.use, sameAs: result.sameAs,
        supersededBy: result.supersededBy, lostPackages: result.lostPackages)
    }
  }
}
