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
  }

  /// Reads every input into its sums (before a year and the OPD filters make a report of
  /// them), with the vendor list it used.
  public static func read(_ request: AuditRequest) throws(AuditError) -> (
    files: [FileSums], vendors: VendorList?
  ) {
    var forced: Profile? = nil
    if let name = request.profileName {
      guard let profile = ProfileRegistry.named(name) else {
        throw .unknownProfile(name: name)
      }
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
    let files = try inputFiles(request)
    if files.isEmpty { throw .noInputs }
    let vendors = try request.vendorsPath.map { path throws(AuditError) in
      try VendorListLoader.load(path: path, bufferSize: request.bufferSize)
    }

    var linking = true
    if let forcedLinking = request.linking {
      linking = forcedLinking
    } else {
      linking = try bothStagesPossible(files, forced: forced, mapped: mapped, request: request)
    }

    request.progress?.setTotal(files.reduce(0) { $0 + InputResolver.size(of: $1.path) })
    var results: [FileResult] = []
    var remainingRejected = request.rejectedLimit
    for (index, file) in files.enumerated() {
      let opened = try InputOpener.open(
        path: file.path, forcedProfile: forced, bufferSize: request.bufferSize, mapped: mapped,
        sheet: request.sheet)
      let columns = BoundColumns(profile: opened.profile, header: opened.header)
      if opened.profile.stage == nil && file.stage == nil && columns[.stage] == nil {
        throw .unknownFileStage(path: file.path)
      }
      var auditor = FileAuditor(
        path: file.path, fileIndex: index, profile: opened.profile, header: opened.header,
        columns: columns, policy: request.policy, stageOverride: file.stage,
        rejectedLimit: remainingRejected)
      auditor.vendors = vendors
      auditor.linking = linking
      auditor.sink = request.rowSink?(file.path)
      var result: FileResult
      let size = opened.bytes.size
      // A file whose payments are matched across rows (1058) is read in one piece.
      if let dialect = opened.dialect, request.threads > 1, opened.profile.paymentKey.isEmpty,
        auditor.sink == nil,
        size - opened.dataStart >= 2 * request.chunkSize
      {
        result = try ChunkedAudit(
          auditor: auditor, path: file.path, profileName: opened.profile.name, fileSize: size,
          dataStart: opened.dataStart, dataLine: opened.dataLine, dialect: dialect,
          threads: request.threads,
          chunkSize: ChunkedAudit.chunkSize(
            for: size - opened.dataStart, threads: request.threads, minimum: request.chunkSize),
          bufferSize: request.bufferSize,
          progress: request.progress
        ).run()
      } else {
        result = FileResult(path: file.path, profile: opened.profile.name)
        if let progress = request.progress { opened.observe { progress.add($0.count) } }
        if let csv = opened.csv {
          try auditor.run(csv, result: &result)
        } else if let json = opened.json {
          try auditor.run(json, result: &result)
        } else if let sheet = opened.sheet {
          try auditor.run(sheet, result: &result)
          request.progress?.add(size)
        }
        result.sha256 = opened.sha256
      }
      result.dialect = opened.format
      if let given = file.stage, let stage = opened.profile.stage, opened.profile.kind == .lines,
        given != stage
      {
        result.warnings.ignoredStageFlag = given
      }
      remainingRejected -= result.rejected.count
      if opened.profile.kind == .budget {
        // A budget is a denominator, not spending of a stage.
        result.stagesSeen = []
        result.isBudget = true
      } else if let stage = opened.profile.stage ?? file.stage {
        result.stagesSeen = [stage]
      }
      results.append(result)
    }
    return (results.map(FileSums.init), vendors)
  }

  /// The report of files already read (by ``read(_:)``, or kept in the ledger), for the
  /// request's year, OPD filters and denominator.
  public static func report(_ files: [FileSums], request: AuditRequest) throws(AuditError) -> AuditReport {
    // "First seen" orders carry the file's place in the audit: a file read on its own (the
    // ledger) takes its place here.
    let results = files.enumerated().map { index, file in file.result.placed(at: index) }
    let stagesWithInput = results.reduce(into: Set<Stage>()) { $0.formUnion($1.stagesSeen) }
    if request.denominator == .budget && !results.contains(where: \.isBudget) {
      throw .noBudgetInput(files: results.map(\.path))
    }
    let year = try reportedYear(
      request.year, results, strict: request.requireSingleYear, latest: request.allowSeveralYears)
    return ReportBuilder.build(
      year: year, policy: request.policy, results: results, stages: stagesWithInput,
      opdFilters: request.opdFilters, denominator: request.denominator)
  }

  /// Whether the inputs may hold lines of both stages, so that plan and realization can be
  /// linked by RUP code: each file's stage from the command line, else from its profile
  /// (found from the header alone); a canonical sheet with a stage column, or a workbook,
  /// may hold either.
  static func bothStagesPossible(
    _ files: [InputFile], forced: Profile?, mapped: Profile?, request: AuditRequest
  ) throws(AuditError) -> Bool {
    var stages: Set<Stage> = []
    for file in files {
      if let stage = file.stage {
        stages.insert(stage)
      } else if file.path.lowercased().hasSuffix(".xlsx") {
        return true
      } else {
        let opened = try InputOpener.open(
          path: file.path, forcedProfile: forced, bufferSize: 1 << 16, mapped: mapped, sheet: request.sheet)
        guard opened.profile.kind == .lines else { continue }
        if let stage = opened.profile.stage {
          stages.insert(stage)
        } else {
          return true
        }
      }
      if stages.count == 2 { return true }
    }
    return false
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
  /// The export's kind (its profile and header) and scope (the KLPD codes it names): a
  /// newer pull of the same kind, scope and year supersedes an older one.
  public var kind: String { result.profile + "|" + result.headerSignature }
  public var scope: String { result.scopes.sorted().joined(separator: ",") }
  /// The OPD codes of its lines (after roll-up), by fiscal year.
  public var opdCodesByYear: [Int?: Set<String>] { result.years.mapValues { Set($0.opds.keys) } }
}
