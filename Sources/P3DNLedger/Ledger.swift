import Foundation
import GRDB
import P3DNKit

/// The SQLite ledger of ingested exports (`p3dn ingest`): every source with its rows.
///
/// The database is opened in WAL mode with a busy timeout, so two ingests at once either
/// both succeed or one waits; every ingest is one transaction.
public final class Ledger: Sendable {
  public let path: String
  let pool: DatabasePool

  /// Opens (and migrates) the ledger at `path`; `create`: a new one when there is none
  /// (else that is an error: a command that only reads never leaves an empty ledger behind
  /// a mistyped path). A ledger written by a newer version is refused.
  public init(path: String, create: Bool = true, busyTimeout: Double = 300) throws(LedgerError) {
    self.path = path
    if !create && !FileManager.default.fileExists(atPath: path) { throw .noLedger(path: path) }
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    // Larger pages for rows appended by the million (effective when the file is created).
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 16384") }
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw .cannotOpen(path: path, reason: Self.describe(error))
    }
    let migrator = LedgerSchema.migrator
    do {
      let unknown = try pool.read { db in
        try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
      }
      if !unknown.isEmpty { throw LedgerError.newerSchema(path: path, migrations: unknown) }
      try migrator.migrate(pool)
    } catch let error as LedgerError {
      throw error
    } catch {
      throw .cannotOpen(path: path, reason: Self.describe(error))
    }
  }

  /// Ingests `inputs` (files or folders) in one transaction: a file already ingested (same
  /// SHA-256) is left as it is; any file that fails leaves the ledger as it was.
  /// `asOf`: yyyy-mm-dd for every file; else each file's newest snapshot date (ISB
  /// `_event_date`), else its newest row date, else `today`.
  public func ingest(
    _ inputs: [String], plan: [String] = [], realization: [String] = [], policy: Policy,
    asOf: String?, today: String
  ) throws(LedgerError) -> [IngestOutcome] {
    try ingest(
      AuditRequest(inputs: inputs, planFiles: plan, realizationFiles: realization, policy: policy),
      asOf: asOf,
      today: today)
  }

  /// Ingests the inputs of `request` (its files and folders, plan and realization files),
  /// read as the request says (policy, profile, vendor list, mapping, sheet), as
  /// ``ingest(_:plan:realization:policy:asOf:today:)`` does.
  public func ingest(_ request: AuditRequest, asOf: String?, today: String) throws(LedgerError)
    -> [IngestOutcome]
  {
    if let asOf, !Self.isDay(asOf) { throw .badDate(asOf) }
    guard Self.isDay(today) else { throw .badDate(today) }
    let files: [InputFile]
    do {
      files = try AuditEngine.inputFiles(request)
    } catch {
      throw .input(error)
    }
    // Satker directories first: the others' OPD ids map through them and through those
    // already in the ledger.
    var directories: [InputFile] = []
    var others: [InputFile] = []
    for file in files {
      do {
        if try AuditEngine.use(of: file, request: request) == .directory {
          directories.append(file)
        } else {
          others.append(file)
        }
      } catch {
        throw .input(error)
      }
    }
    do {
      return try pool.writeWithoutTransaction { db in
        // The rows' reference to their source holds by construction (both are written in
        // this transaction, and `db check` verifies it): without the check per row a
        // multi-row insert needs no statement journal (docs/performance.md).
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
        var outcomes: [IngestOutcome] = []
        try db.inTransaction(.immediate) {
          let first = try Self.ingest(directories, asOf: asOf, today: today, template: request, db: db)
          var template = request
          template.directory = try Self.directory(db: db)
          let then = try Self.ingest(others, asOf: asOf, today: today, template: template, db: db)
          // In the order the files were given.
          var byPath: [String: IngestOutcome] = [:]
          for (file, outcome) in zip(directories + others, first + then) { byPath[file.path] = outcome }
          outcomes = files.compactMap { byPath[$0.path] }
          return .commit
        }
        return outcomes
      }
    } catch let error as LedgerError {
      throw error
    } catch {
      throw .database(path: path, reason: Self.describe(error))
    }
  }

  /// The ingest of `files` inside its transaction.
  private static func ingest(
    _ files: [InputFile], asOf: String?, today: String, template: AuditRequest, db: Database
  ) throws -> [IngestOutcome] {
    var outcomes: [IngestOutcome] = []
    for file in files {
      // A file already ingested has the size of one in the ledger: only then is its
      // digest taken before reading it (else the read itself gives it).
      let size = FileDigest.size(of: file.path)
      if try SourceRecord.filter(Column("size") == size).fetchCount(db) > 0 {
        let digest: String
        do {
          digest = try FileDigest.sha256(of: file.path)
        } catch {
          throw LedgerError.input(.read(error))
        }
        if let existing = try SourceRecord.filter(Column("sha256") == digest).fetchOne(db) {
          outcomes.append(.unchanged(existing))
          continue
        }
      }
      outcomes.append(
        .added(try Self.ingest(file, size: size, asOf: asOf, today: today, template: template, db: db)))
    }
    return outcomes
  }

  /// What every satker directory in the ledger maps.
  private static func directory(db: Database) throws -> SatkerDirectory {
    var merged = SatkerDirectory()
    let decoder = JSONDecoder()
    for source in try SourceRecord.order(Column("id")).fetchAll(db) {
      guard let sums = try? decoder.decode(FileSums.self, from: Data(source.sums.utf8)),
        let known = sums.directory
      else { continue }
      merged.merge(known)
    }
    return merged
  }

  /// Reads one file into a new source and its rows.
  private static func ingest(
    _ file: InputFile, size: Int, asOf: String?, today: String, template: AuditRequest, db: Database
  ) throws -> SourceRecord {
    // The digest comes with the read; until then the source holds a placeholder.
    var source = SourceRecord(
      id: nil, sha256: "reading " + file.path, size: size, path: file.path, profile: "", stage: nil,
      fiscalYear: nil, asOf: asOf ?? today,
      format: "", rows: 0, included: 0, excluded: 0, rejected: 0)
    try source.insert(db)
    guard let id = source.id else { throw LedgerError.database(path: file.path, reason: "no source id") }
    let writer = try RowWriter(db: db, sourceID: id)
    var request = template
    request.inputs = file.stage == nil ? [file.path] : []
    request.planFiles = file.stage == .plan ? [file.path] : []
    request.realizationFiles = file.stage == .realization ? [file.path] : []
    request.year = nil
    request.opdFilters = []
    request.threads = 1
    request.linking = true
    request.tracksPackages = true
    request.requireSingleYear = false
    request.allowSeveralYears = true
    let batcher = RowBatcher()
    request.rowSink = { [batcher] _ in batcher }
    // The file is read on a thread of its own while this one (the connection's) inserts
    // the rows it hands over.
    let reading = Background { [request] () throws(AuditError) -> ([FileSums], VendorList?) in
      defer { batcher.finish() }
      return try AuditEngine.read(request)
    }
    while let batch = batcher.batches.take() {
      writer.write(batch)
      batcher.recycle(batch)
      if writer.failure != nil { batcher.batches.cancel() }
    }
    let read = reading.wait()
    if let failure = writer.failure { throw LedgerError.database(path: file.path, reason: failure) }
    let report: AuditReport
    let sums: [FileSums]
    let vendors: VendorList?
    do {
      (sums, vendors) = try read.get()
      report = try AuditEngine.report(sums, request: request)
    } catch {
      throw LedgerError.input(error)
    }
    guard let input = report.inputs.first else { return source }
    source.sha256 = input.sha256
    source.profile = input.profile
    source.stage = input.stages.isEmpty ? nil : input.stages.map(\.rawValue).joined(separator: "+")
    source.fiscalYear = batcher.candidateYears.count == 1 ? batcher.candidateYears.first : nil
    source.format = input.format
    source.asOf = asOf ?? sums.first?.asOf ?? batcher.newestSnapshot ?? batcher.newestDate ?? today
    source.rows = input.rows
    source.included = input.included
    source.excluded = input.excluded
    source.rejected = input.rejected
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // The day the user gives is the export's as-of (CONTRACT §7.3).
    let stored = asOf.flatMap { day in sums.first.map { $0.asOf(day: day) } } ?? sums.first
    source.sums = String(decoding: try encoder.encode(stored), as: UTF8.self)
    source.vendors = try vendors.map {
      String(decoding: try encoder.encode(VendorListSummary($0)), as: UTF8.self)
    }
    source.kind = sums.first?.kind ?? source.profile
    source.scope = sums.first?.scope ?? ""
    try source.update(db)
    return source
  }

  /// The report as of `asOf` (yyyy-mm-dd; nil: the newest): of the exports of one kind
  /// (profile and header), scope (KLPD codes) and fiscal year, the newest as of that date
  /// counts (a new SIRUP or SPSE pull supersedes the previous one from its as-of date on);
  /// hand-made sheets (`p3dn`, a mapping) all count. The request gives the policy, year, OPD filters and denominator.
  public func report(_ request: AuditRequest, asOf: String?) throws(LedgerError) -> AuditReport {
    try settled(request, asOf: asOf).report
  }

  /// The report as of `asOf`, with what §7 set aside in each of its sources, and the
  /// sources in the report's order.
  func settled(_ request: AuditRequest, asOf: String?) throws(LedgerError) -> (
    report: AuditReport, settlement: Settlement, sources: [Int64]
  ) {
    let (files, chosen) = try reportFiles(asOf: asOf)
    var report: AuditReport
    let settlement: Settlement
    do {
      (report, settlement) = try AuditEngine.settle(files.map(\.sums), request: request)
    } catch {
      throw .input(error)
    }
    // The vendor list the newest of those sources was read with.
    if let vendors = chosen.compactMap(\.vendors).last {
      do {
        report.vendors = try JSONDecoder().decode(VendorListSummary.self, from: Data(vendors.utf8))
      } catch {
        throw .database(path: path, reason: "vendor list: \(error)")
      }
    }
    return (report, settlement, files.map(\.id))
  }

  /// The sums of the sources a report as of `asOf` is made of, in ingest order: those that
  /// count, and the older snapshots, every row superseded (as audit lists them).
  private func reportFiles(asOf: String?) throws(LedgerError) -> (
    files: [(id: Int64, sums: FileSums)], chosen: [SourceRecord]
  ) {
    if let asOf, !Self.isDay(asOf) { throw .badDate(asOf) }
    let (chosen, older) = try snapshots(asOf: asOf)
    let decoder = JSONDecoder()
    var files: [(id: Int64, sums: FileSums)] = []
    for source in chosen {
      do {
        files.append((source.id ?? 0, try decoder.decode(FileSums.self, from: Data(source.sums.utf8))))
      } catch {
        throw .database(path: path, reason: "source \(source.id ?? 0): \(error)")
      }
    }
    if files.isEmpty { throw .nothingAsOf(asOf) }
    for (source, newer) in older {
      do {
        let sums = try decoder.decode(FileSums.self, from: Data(source.sums.utf8))
        files.append((source.id ?? 0, sums.superseded(by: newer)))
      } catch {
        throw .database(path: path, reason: "source \(source.id ?? 0): \(error)")
      }
    }
    return (files.sorted { $0.id < $1.id }, chosen)
  }

  /// Month by month from `from` to `to` (YYYY-MM; nil: the months of the first and the
  /// last as-of date in the ledger), the report as of each month's end: the year-to-date
  /// shares and checks. A month before any source has no report. `showsOPDs`: the OPDs
  /// the request's filters keep are shown besides the district.
  public func trend(_ request: AuditRequest, from: String?, to: String?, showsOPDs: Bool = true)
    throws(LedgerError) -> TrendReport
  {
    let all = try sources()
    guard let first = all.map(\.asOf).min(), let last = all.map(\.asOf).max() else { throw .nothingAsOf(nil) }
    let months = Months.range(from: from ?? Months.of(first), to: to ?? Months.of(last))
    var reports: [TrendReport.Month] = []
    var year = request.year
    var lastEnd: String? = nil
    // A month may not have the year's data or an OPD yet: the filters are checked over
    // all months at the end (each --opd must match in some month).
    var included = false
    var matched: Set<String> = []
    for month in months {
      guard let end = Months.end(month) else { continue }
      do {
        var monthly = request
        monthly.year = year
        monthly.checksFilters = false
        let report = try self.report(monthly, asOf: end)
        year = year ?? report.fiscalYear
        reports.append(TrendReport.Month(month: month, report: report))
        lastEnd = end
        if report.inputs.contains(where: { $0.included > 0 }) { included = true }
        for filter in request.opdFilters where report.hasOPD(matching: filter) { matched.insert(filter) }
      } catch .nothingAsOf {
        reports.append(TrendReport.Month(month: month, report: nil))
      }
    }
    if !included || matched.count < Set(request.opdFilters).count, let lastEnd {
      // The report of the last month says which filter matched nothing, and what is there.
      var checked = request
      checked.year = year
      _ = try self.report(checked, asOf: lastEnd)
    }
    return TrendReport(fiscalYear: year ?? 0, months: reports, showsOPDs: showsOPDs)
  }

  /// Whether a source is a snapshot of an export (a newer pull of the same kind, scope
  /// and year supersedes it), not a hand-made sheet (the `p3dn` profile, a mapping), which
  /// counts besides every other.
  static func isSnapshot(_ source: SourceRecord) -> Bool {
    ProfileRegistry.named(source.profile) != nil && source.profile != Profile.canonical.name
  }

  /// For a hand-made sheet: the other hand-made sheets that count with it as of its date
  /// and hold lines of the same OPDs, fiscal year and stage, with those OPD codes. Both
  /// count: when one replaces the other, the older is to be forgotten.
  public func overlaps(of source: SourceRecord) throws(LedgerError) -> [(
    source: SourceRecord, opds: [String]
  )] {
    guard !Self.isSnapshot(source), let id = source.id else { return [] }
    let stages = Set((source.stage ?? "").split(separator: "+"))
    let codes = try opdCodes(of: source)
    var found: [(source: SourceRecord, opds: [String])] = []
    for other in try current(asOf: source.asOf) where other.id != id && !Self.isSnapshot(other) {
      guard !stages.isDisjoint(with: (other.stage ?? "").split(separator: "+")) else { continue }
      var shared: Set<String> = []
      for (year, opds) in try opdCodes(of: other) { shared.formUnion(opds.intersection(codes[year] ?? [])) }
      if !shared.isEmpty { found.append((other, shared.sorted())) }
    }
    return found
  }

  private func opdCodes(of source: SourceRecord) throws(LedgerError) -> [Int?: Set<String>] {
    do {
      return try JSONDecoder().decode(FileSums.self, from: Data(source.sums.utf8)).opdCodesByYear
    } catch {
      throw .database(path: path, reason: "source \(source.id ?? 0): \(error)")
    }
  }

  /// The sources that count as of a date, in ingest order: of the snapshots of one
  /// dataset, scope and fiscal years, those with the latest as-of (CONTRACT §7.3, as
  /// `audit` decides it); hand-made sheets and exports without a date all count.
  public func current(asOf: String?) throws(LedgerError) -> [SourceRecord] {
    try snapshots(asOf: asOf).current
  }

  /// The sources that count as of a date, and the older snapshots, each with the path of
  /// a newer one that counts instead.
  func snapshots(asOf: String?) throws(LedgerError) -> (
    current: [SourceRecord], superseded: [(source: SourceRecord, by: String)]
  ) {
    let all = try sources().filter { asOf == nil || $0.asOf <= (asOf ?? "") }
    var superseded: [(source: SourceRecord, by: String)] = []
    var groups: [String: [(source: SourceRecord, day: String)]] = [:]
    var kept: [SourceRecord] = []
    let decoder = JSONDecoder()
    for source in all {
      let sums = try? decoder.decode(FileSums.self, from: Data(source.sums.utf8))
      // A source read before files knew their as-of takes the day it was ingested as of.
      let day = sums.map { $0.knowsAsOf ? $0.snapshotAsOf : source.asOf } ?? source.asOf
      guard let sums, sums.isSnapshot, let day else {
        kept.append(source)
        continue
      }
      let years =
        sums.fiscalYears.isEmpty
        ? source.fiscalYear.map(String.init) ?? ""
        : sums.fiscalYears.sorted().map(String.init).joined(separator: ",")
      groups["\(sums.kind)|\(sums.scope)|\(years)", default: []].append((source, day))
    }
    for members in groups.values {
      guard let latest = members.map(\.day).max() else { continue }
      let newest = members.filter { $0.day == latest }.map(\.source)
      kept.append(contentsOf: newest)
      // Of the newest, the later path is named (as audit names it).
      let named = newest.map(\.path).max { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } ?? ""
      for member in members where member.day < latest { superseded.append((member.source, named)) }
    }
    let order = { (source: SourceRecord) in source.id ?? 0 }
    return (
      kept.sorted { order($0) < order($1) }, superseded.sorted { order($0.source) < order($1.source) }
    )
  }

  /// Every source, oldest first.
  public func sources() throws(LedgerError) -> [SourceRecord] {
    do {
      return try pool.read { db in try SourceRecord.order(Column("id")).fetchAll(db) }
    } catch {
      throw .database(path: path, reason: Self.describe(error))
    }
  }

  /// Removes one source and its rows.
  public func forget(_ id: Int64) throws(LedgerError) -> SourceRecord {
    do {
      return try pool.write { db in
        guard let source = try SourceRecord.fetchOne(db, key: id) else {
          throw LedgerError.noSuchSource(id: id)
        }
        // Explicitly, not through the cascade: the rows go whatever the connection's
        // foreign-key setting.
        try db.execute(sql: "DELETE FROM row WHERE source_id = ?", arguments: [id])
        _ = try source.delete(db)
        return source
      }
    } catch let error as LedgerError {
      throw error
    } catch {
      throw .database(path: path, reason: Self.describe(error))
    }
  }

  /// SQLite's integrity check and the ledger's own invariants: each source holds as many
  /// rows as were read, and as many rejected ones as it counted. Empty: all is well.
  public func check() throws(LedgerError) -> [String] {
    do {
      return try pool.read { db in
        var problems: [String] = []
        for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
          problems.append("integrity_check: \(line)")
        }
        for line in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
          problems.append("foreign_key_check: \(line)")
        }
        let rejections = ReasonCode.allCases.filter(\.isRejection).map { "'\($0.rawValue)'" }.joined(
          separator: ",")
        // One pass over the rows (they are kept in reading order, without an index).
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT s.id, s.path, s.rows, s.rejected, s.included + s.excluded + s.rejected AS buckets,
              COALESCE(c.stored, 0) AS stored, COALESCE(c.refused, 0) AS refused
            FROM source s LEFT JOIN (
              SELECT source_id, COUNT(*) AS stored, SUM(reason IN (\(rejections))) AS refused
              FROM row GROUP BY source_id) c ON c.source_id = s.id
            ORDER BY s.id
            """)
        for row in rows {
          let id: Int64 = row["id"]
          let path: String = row["path"]
          let read: Int = row["rows"]
          if row["stored"] as Int != read {
            problems.append("source \(id) (\(path)): \(read) rows read, \(row["stored"] as Int) stored")
          }
          if row["buckets"] as Int != read {
            problems.append("source \(id) (\(path)): included + excluded + rejected ≠ \(read) rows")
          }
          if row["refused"] as Int != row["rejected"] as Int {
            problems.append(
              "source \(id) (\(path)): \(row["rejected"] as Int) rejected, \(row["refused"] as Int) stored as rejected"
            )
          }
        }
        return problems
      }
    } catch {
      throw .database(path: path, reason: Self.describe(error))
    }
  }

  static func isDay(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return false
    }
    return DateReader.parse(text) != nil
  }

  /// SQLite's message, or the error's description cut to a readable length (a decoding
  /// error quotes the whole row).
  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    let text = "\(error)"
    return text.count > 200 ? String(text.prefix(200)) + "…" : text
  }
}
