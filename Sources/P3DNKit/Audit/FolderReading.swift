/// The reading of an audit's input files, in two passes: the satker directories first
/// (their ids map the OPD cells of other datasets), then every other file with what they
/// know. Results stay in the order of the files.
struct FolderReading {
  let request: AuditRequest
  let files: [InputFile]
  let forced: Profile?
  let mapped: Profile?
  let vendors: VendorList?
  private var read: [FileResult?]
  private var profiles: [Profile?]
  /// The package key space of each file's dataset (nil: none).
  private var keySpaces: [String?]
  private var directory = SatkerDirectory()
  private var remainingRejected: Int

  init(request: AuditRequest, files: [InputFile], forced: Profile?, mapped: Profile?, vendors: VendorList?) {
    self.request = request
    self.files = files
    self.forced = forced
    self.mapped = mapped
    self.vendors = vendors
    read = Array(repeating: nil, count: files.count)
    profiles = Array(repeating: nil, count: files.count)
    keySpaces = Array(repeating: nil, count: files.count)
    remainingRejected = request.rejectedLimit
    if let known = request.directory { directory = known }
  }

  /// Pass 1: every file's profile is found; the directories are read.
  mutating func readDirectories(skipping copies: [Int: Int]) throws(AuditError) {
    request.progress?.setTotal(files.reduce(0) { $0 + InputResolver.size(of: $1.path) })
    for (index, file) in files.enumerated() where copies[index] == nil {
      // The header alone is read here (a small buffer); a directory is opened again to read.
      let opened = try open(file, bufferSize: 1 << 16)
      profiles[index] = opened.profile
      if let rule = opened.profile.dataset(for: opened.header), rule.packageKey != nil {
        keySpaces[index] = rule.keySpace
      }
      if case .directory = opened.profile.kind {
        let result = try readFile(index, try open(file), linking: false)
        if let known = result.directory { directory.merge(known) }
        read[index] = result
      }
    }
  }

  /// Pass 2: every other file.
  mutating func readSpending(skipping copies: [Int: Int]) throws(AuditError) {
    let linking = request.linking ?? bothStagesPossible()
    for (index, file) in files.enumerated() where copies[index] == nil && read[index] == nil {
      read[index] = try readFile(index, try open(file), linking: linking)
    }
  }

  /// The results in file order, each copy listed with the file it is the same as.
  func results(copies: [Int: Int]) -> [FileResult] {
    files.indices.map { index in
      if let original = copies[index], let source = read[original] {
        var copy = FileResult(path: files[index].path, profile: source.profile)
        copy.sha256 = source.sha256
        copy.dialect = source.dialect
        copy.use = source.use
        copy.dataset = source.dataset
        copy.stagesSeen = source.stagesSeen
        copy.isBudget = source.isBudget
        copy.sameAs = source.path
        return copy
      }
      return read[index] ?? FileResult(path: files[index].path, profile: "")
    }
  }

  /// Whether the inputs may hold lines of both stages, so that plan and realization can be
  /// linked by RUP code: each file's stage from the command line, else from its profile; a
  /// canonical sheet without a stage flag may hold either.
  private func bothStagesPossible() -> Bool {
    var stages: Set<Stage> = []
    for (index, file) in files.enumerated() {
      guard let profile = profiles[index], profile.kind == .lines else { continue }
      guard let stage = file.stage ?? profile.stage else { return true }
      stages.insert(stage)
    }
    return stages.count == 2
  }

  private func open(_ file: InputFile, bufferSize: Int? = nil) throws(AuditError) -> OpenedInput {
    try InputOpener.open(
      path: file.path, forcedProfile: forced, bufferSize: bufferSize ?? request.bufferSize, mapped: mapped,
      sheet: request.sheet)
  }

  /// Reads one opened file through the row pipeline.
  private mutating func readFile(_ index: Int, _ opened: OpenedInput, linking: Bool) throws(AuditError)
    -> FileResult
  {
    let file = files[index]
    let profile = opened.profile
    let columns = BoundColumns(profile: profile, header: opened.header)
    if profile.kind == .lines && profile.stage == nil && file.stage == nil && columns[.stage] == nil {
      throw .unknownFileStage(path: file.path)
    }
    var auditor = FileAuditor(
      path: file.path, fileIndex: index, profile: profile, header: opened.header, columns: columns,
      policy: request.policy, stageOverride: file.stage, rejectedLimit: remainingRejected)
    auditor.vendors = vendors
    auditor.linking = linking
    auditor.sink = request.rowSink?(file.path)
    auditor.directory = directory
    // A file's packages are kept when another input's dataset holds packages of the same
    // key space (CONTRACT §7.4), or always when asked (the ledger, whose reports combine
    // files read apart).
    if let space = keySpaces[index] {
      auditor.tracksPackages =
        request.tracksPackages
        || keySpaces.indices.contains { $0 != index && keySpaces[$0] == space }
    }
    if ContractVersions.columns(profile: profile, header: opened.header) != nil {
      auditor.highestVersions = try highestVersions(of: file)
    }
    var result: FileResult
    var repeated = KeySet()
    let size = opened.bytes.size
    // A file whose payments are matched across rows (1058) is read in one piece.
    if let dialect = opened.dialect, request.threads > 1, profile.paymentKey.isEmpty, auditor.sink == nil,
      auditor.highestVersions.isEmpty, size - opened.dataStart >= 2 * request.chunkSize
    {
      (result, repeated) = try ChunkedAudit(
        auditor: auditor, path: file.path, profileName: profile.name, fileSize: size,
        dataStart: opened.dataStart, dataLine: opened.dataLine, dialect: dialect, threads: request.threads,
        chunkSize: ChunkedAudit.chunkSize(
          for: size - opened.dataStart, threads: request.threads, minimum: request.chunkSize),
        bufferSize: request.bufferSize, progress: request.progress
      ).run()
    } else {
      let identities = RowIdentities(comparesAll: auditor.sink != nil)
      result = try read(opened, auditor, identities: identities, progress: request.progress)
      repeated = identities.repeated
    }
    if !repeated.isEmpty {
      // Some rows share an identity key: read again, comparing their full identities.
      result = try read(try open(file), auditor, identities: RowIdentities(check: repeated), progress: nil)
    }
    result.dialect = opened.format
    if let day = opened.snapshotDay {
      result.snapshotDay = max(result.snapshotDay, day.year * 10_000 + day.month * 100 + day.day)
    }
    result.use = profile.kind.use
    result.dataset = profile.dataset(for: opened.header)?.name
    result.headerSignature = opened.header.original.map(HeaderNames.normalize).joined(separator: ",")
    if let given = file.stage, let stage = profile.stage, profile.kind == .lines, given != stage {
      result.warnings.ignoredStageFlag = given
    }
    remainingRejected -= result.rejected.count
    switch profile.kind {
    case .budget:
      // A budget is a denominator, not spending of a stage.
      result.stagesSeen = []
      result.isBudget = true
    case .lines:
      if let stage = profile.stage ?? file.stage { result.stagesSeen = [stage] }
    default:
      result.stagesSeen = []
    }
    return result
  }

  /// Reads an opened file through the row pipeline, on this thread.
  private func read(
    _ opened: OpenedInput, _ auditor: FileAuditor, identities: RowIdentities, progress: ProgressCounter?
  ) throws(AuditError) -> FileResult {
    var result = FileResult(path: opened.path, profile: opened.profile.name)
    if let progress { opened.observe { progress.add($0.count) } }
    if let csv = opened.csv {
      try auditor.run(csv, result: &result, identities: identities)
    } else if let json = opened.json {
      try auditor.run(json, result: &result, identities: identities)
      // A saved page's own snapshot date.
      if let pulled = json.meta["pulled_at"].flatMap(DateReader.parse) {
        result.snapshotDay = max(result.snapshotDay, pulled.year * 10_000 + pulled.month * 100 + pulled.day)
      }
    } else if let sheet = opened.sheet {
      try auditor.run(sheet, result: &result, identities: identities)
      progress?.add(opened.bytes.size)
    }
    result.sha256 = opened.sha256
    return result
  }

  /// A contract file's highest version of each package, from a first pass over it.
  private func highestVersions(of file: InputFile) throws(AuditError) -> [String: Int] {
    let opened = try open(file)
    guard let (key, version) = ContractVersions.columns(profile: opened.profile, header: opened.header) else {
      return [:]
    }
    if let csv = opened.csv { return try ContractVersions.highest(in: csv, key: key, version: version) }
    if let json = opened.json { return try ContractVersions.highest(in: json, key: key, version: version) }
    if let sheet = opened.sheet { return try ContractVersions.highest(in: sheet, key: key, version: version) }
    return [:]
  }
}

/// Inputs with the same bytes (CONTRACT §7.1): read once, as the first in byte order of
/// the path; each other copy is listed as the same as it.
enum IdenticalFiles {
  /// For each copy (by index), the index of the file read in its place. Only files of a
  /// size another input has are hashed before reading.
  static func copies(among paths: [String]) throws(AuditError) -> [Int: Int] {
    var bySize: [Int: [Int]] = [:]
    // A pipe or device given by name is read once as it comes; only regular files are
    // compared (hashing a pipe would consume it).
    for (index, path) in paths.enumerated() where InputResolver.kind(of: path) == .file {
      bySize[InputResolver.size(of: path), default: []].append(index)
    }
    var copies: [Int: Int] = [:]
    for (_, indices) in bySize where indices.count > 1 {
      var byDigest: [String: [Int]] = [:]
      for index in indices {
        do {
          byDigest[try FileDigest.sha256(of: paths[index]), default: []].append(index)
        } catch {
          throw .read(error)
        }
      }
      for (_, same) in byDigest where same.count > 1 {
        let ordered = same.sorted { Array(paths[$0].utf8).lexicographicallyPrecedes(Array(paths[$1].utf8)) }
        for copy in ordered.dropFirst() { copies[copy] = ordered[0] }
      }
    }
    return copies
  }
}

/// Snapshots of one dataset (CONTRACT §7.3): among the exports of one dataset, scope
/// (`kd_klpd` values) and fiscal years, only the latest as-of counts; each older one is set
/// aside, every row `superseded`. Hand-made sheets and files without a date never are.
enum Snapshots {
  static func setAside(_ results: inout [FileResult]) {
    var groups: [String: [Int]] = [:]
    for (index, result) in results.enumerated() {
      guard let dataset = result.dataset, result.sameAs == nil, result.asOf != nil,
        result.use == .spending || result.use == .budget
      else { continue }
      let key = [
        dataset, result.scopes.sorted().joined(separator: ","),
        result.fiscalYears.sorted().map(String.init).joined(separator: ","),
      ].joined(separator: "|")
      groups[key, default: []].append(index)
    }
    for (_, members) in groups where members.count > 1 {
      guard let latest = members.compactMap({ results[$0].asOf }).max() else { continue }
      // Of the files with the latest as-of, the later path names the one that counts.
      let newest = members.filter { results[$0].asOf == latest }
        .max { Array(results[$0].path.utf8).lexicographicallyPrecedes(Array(results[$1].path.utf8)) }
      guard let newest else { continue }
      for index in members where (results[index].asOf ?? "") < latest {
        var older = results[index].setAside(as: .superseded)
        older.supersededBy = results[newest].path
        results[index] = older
      }
    }
  }
}
