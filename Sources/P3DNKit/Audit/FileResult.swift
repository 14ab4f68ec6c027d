/// What reading one input file produced.
struct FileResult: Codable, Sendable {
  var path: String
  var profile: String
  var stagesSeen: Set<Stage> = []
  var sha256 = ""
  var dialect: String = ""
  var rows = 0
  /// Exclusions and rejections that do not depend on the reported year.
  var reasons: [ReasonCode: Int] = [:]
  /// Rows that passed every test but the year, by fiscal year (nil: no year).
  var candidatesByYear: [Int?: Int] = [:]
  /// Years of the rows that were neither rejected nor excluded for a status or total.
  var yearsSeen: Set<Int> = []
  var years: [Int?: YearSums] = [:]
  var rejected: [RejectedRow] = []
  var rejectedTotal = 0
  var warnings = FileWarnings()
  /// Its packages, when another input may hold them too (CONTRACT §7.4): what each
  /// package's candidate rows add, and every key its rows hold in any bucket; the key space
  /// and its dataset's rank (nil: not tracked).
  var packageLines: [String: PackageLines]? = nil
  /// The swakelola lines of its packages (excluded, reported apart), which count once too.
  var swakelolaLines: [String: [SwakelolaLine]]? = nil
  var heldKeys: Set<String> = []
  var keySpace: String? = nil
  var datasetRank = 0
  /// A budget file (`struktur-anggaran`): no stage, a denominator.
  var isBudget = false
  /// The file's header, normalized and joined: two pulls of one dataset share it.
  var headerSignature = ""
  /// The KLPD codes (`kd_klpd`) its rows name (exports of a known dataset, and any file
  /// a sink reads).
  var scopes: Set<String> = []
  /// The KLPD names its rows give (`nama_klpd`), at most a few.
  var klpdNames: Set<String> = []
  /// Cells that read but look wrong (negative amounts, malformed codes): `validate`.
  var cellFindings = CellFindings()
  /// A chunk's total rows, decided when the chunks are merged (not kept).
  var totals = ChunkTotals()
  /// What the file is for the audit, and the dataset it is (nil: a hand-made format).
  var use = FileUse.spending
  var dataset: String? = nil
  /// For the as-of day (CONTRACT §7.3): the latest snapshot date (yyyymmdd, 0: none), and
  /// each column still taken for a date column with the latest day in it.
  var snapshotDay = 0
  /// (nil: not watched).
  var dateColumns: [Int: Int]? = nil
  /// The as-of day given for it at ingest (`--as-of`), which its snapshots are compared by.
  var givenAsOf: String? = nil
  /// Its non-empty fiscal-year cells.
  var fiscalYears: Set<Int> = []
  /// A copy of another input (same SHA-256), read once as that one (CONTRACT §7.1).
  var sameAs: String? = nil
  /// A newer snapshot of the same dataset, scope and year that counts instead (§7.3).
  var supersededBy: String? = nil
  /// For a satker directory: what it maps.
  var directory: SatkerDirectory? = nil
  /// The amounts of the rows set aside as counted elsewhere (`duplicate`, `superseded`).
  var setAsideAmounts: [ReasonCode: MoneySum] = [:]
  /// Packages whose rows another file counts, with that file (set when a report is made;
  /// not kept).
  var lostPackages: [String: String] = [:]

  /// The same result with its "first seen" orders for file `index` of an audit.
  func placed(at index: Int) -> FileResult {
    var copy = self
    let rowMask = (1 << 48) - 1
    for (year, sums) in years {
      var placed = sums
      for (code, opd) in sums.opds {
        var names = opd.names
        for (name, seen) in names { names[name] = (seen.count, index << 48 | (seen.first & rowMask)) }
        placed.opds[code]?.names = names
      }
      copy.years[year] = placed
    }
    return copy
  }

  /// Adds the result of a later part of the same file, whose lines are `lineOffset` after
  /// the ones it counted.
  mutating func merge(_ other: FileResult, lineOffset: Int, rejectedLimit: Int) {
    rows += other.rows
    reasons.merge(other.reasons, uniquingKeysWith: +)
    candidatesByYear.merge(other.candidatesByYear, uniquingKeysWith: +)
    yearsSeen.formUnion(other.yearsSeen)
    stagesSeen.formUnion(other.stagesSeen)
    for (year, sums) in other.years { years[year, default: YearSums()].merge(sums) }
    for row in other.rejected where rejected.count < rejectedLimit {
      rejected.append(
        RejectedRow(
          path: row.path, line: row.line + lineOffset, column: row.column, code: row.code,
          message: row.message))
    }
    rejectedTotal += other.rejectedTotal
    warnings.merge(other.warnings)
    if let theirs = other.packageLines {
      var mine = packageLines ?? [:]
      for (key, lines) in theirs {
        var merged = mine[key] ?? PackageLines()
        merged.rows += lines.rows
        merged.amount += lines.amount
        merged.parts.append(contentsOf: lines.parts)
        mine[key] = merged
      }
      packageLines = mine
    }
    heldKeys.formUnion(other.heldKeys)
    if let theirs = other.swakelolaLines {
      swakelolaLines = (swakelolaLines ?? [:]).merging(theirs, uniquingKeysWith: +)
    }
    scopes.formUnion(other.scopes)
    klpdNames.formUnion(other.klpdNames)
    cellFindings.merge(other.cellFindings, lineOffset: lineOffset)
    totals.merge(other.totals, lineOffset: lineOffset, into: &cellFindings)
    fiscalYears.formUnion(other.fiscalYears)
    setAsideAmounts.merge(other.setAsideAmounts, uniquingKeysWith: +)
    snapshotDay = max(snapshotDay, other.snapshotDay)
    if let theirs = other.dateColumns {
      if let mine = dateColumns {
        var columns: [Int: Int] = [:]
        for (index, day) in mine {
          if let other = theirs[index] { columns[index] = max(day, other) }
        }
        dateColumns = columns
      } else {
        dateColumns = theirs
      }
    }
  }

  /// The export's as-of day (yyyy-mm-dd): its snapshot date, else the latest day of its
  /// date columns; nil: no date.
  var asOf: String? {
    let day = snapshotDay > 0 ? snapshotDay : (dateColumns?.values.max() ?? 0)
    guard day > 0 else { return nil }
    let month = day / 100 % 100
    let date = day % 100
    return "\(day / 10_000)-\(month < 10 ? "0" : "")\(month)-\(date < 10 ? "0" : "")\(date)"
  }

  /// A row that repeats another of the file (`duplicate`): its amount is set aside.
  mutating func setAside(copy amount: Money) {
    setAsideAmounts[.duplicate, default: .zero] += amount
    warnings.copiesWithin.rows += 1
    warnings.copiesWithin.amount += amount
  }

  /// The result of a file all of whose rows are set aside for one file-level reason
  /// (`not-spending`, `superseded`): no sums, no rejected rows, its facts kept.
  func setAside(as reason: ReasonCode) -> FileResult {
    var copy = FileResult(path: path, profile: profile)
    copy.sha256 = sha256
    copy.dialect = dialect
    copy.rows = rows
    copy.reasons = rows > 0 ? [reason: rows] : [:]
    copy.use = use
    copy.dataset = dataset
    copy.snapshotDay = snapshotDay
    copy.dateColumns = dateColumns
    copy.scopes = scopes
    copy.fiscalYears = fiscalYears
    copy.headerSignature = headerSignature
    copy.directory = directory
    copy.stagesSeen = stagesSeen
    copy.isBudget = isBudget
    // What the file would have counted, in every year.
    var total = MoneySum.zero
    for sums in years.values {
      for opd in sums.opds.values { total += (opd.plan?.total ?? .zero) + (opd.realization?.total ?? .zero) }
    }
    if reason == .superseded { copy.setAsideAmounts[.superseded] = total }
    return copy
  }
}

extension FileResult {
  enum CodingKeys: String, CodingKey {
    case path, profile, stagesSeen, sha256, dialect, rows, reasons, candidatesByYear, yearsSeen, years,
      rejected, rejectedTotal, warnings, packageLines, swakelolaLines, heldKeys, keySpace, datasetRank,
      isBudget,
      headerSignature, scopes, klpdNames, cellFindings, use, dataset,
      snapshotDay, givenAsOf, dateColumns, fiscalYears, sameAs, supersededBy, directory, setAsideAmounts
  }

  /// Every key may be absent (a ledger written by an earlier version): it then takes its
  /// default.
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      path: try container.decode(String.self, forKey: .path),
      profile: try container.decode(String.self, forKey: .profile))
    if let value = try container.decodeIfPresent(Set<Stage>.self, forKey: .stagesSeen) { stagesSeen = value }
    if let value = try container.decodeIfPresent(String.self, forKey: .sha256) { sha256 = value }
    if let value = try container.decodeIfPresent(String.self, forKey: .dialect) { dialect = value }
    if let value = try container.decodeIfPresent(Int.self, forKey: .rows) { rows = value }
    if let value = try container.decodeIfPresent([ReasonCode: Int].self, forKey: .reasons) { reasons = value }
    if let value = try container.decodeIfPresent([Int?: Int].self, forKey: .candidatesByYear) {
      candidatesByYear = value
    }
    if let value = try container.decodeIfPresent(Set<Int>.self, forKey: .yearsSeen) { yearsSeen = value }
    if let value = try container.decodeIfPresent([Int?: YearSums].self, forKey: .years) { years = value }
    if let value = try container.decodeIfPresent([RejectedRow].self, forKey: .rejected) { rejected = value }
    if let value = try container.decodeIfPresent(Int.self, forKey: .rejectedTotal) { rejectedTotal = value }
    if let value = try container.decodeIfPresent(FileWarnings.self, forKey: .warnings) { warnings = value }
    if let value = try container.decodeIfPresent([String: PackageLines].self, forKey: .packageLines) {
      packageLines = value
    }
    if let value = try container.decodeIfPresent([String: [SwakelolaLine]].self, forKey: .swakelolaLines) {
      swakelolaLines = value
    }
    if let value = try container.decodeIfPresent(Set<String>.self, forKey: .heldKeys) { heldKeys = value }
    if let value = try container.decodeIfPresent(String.self, forKey: .keySpace) { keySpace = value }
    if let value = try container.decodeIfPresent(Int.self, forKey: .datasetRank) { datasetRank = value }
    if let value = try container.decodeIfPresent(Bool.self, forKey: .isBudget) { isBudget = value }
    if let value = try container.decodeIfPresent(String.self, forKey: .headerSignature) {
      headerSignature = value
    }
    if let value = try container.decodeIfPresent(Set<String>.self, forKey: .scopes) { scopes = value }
    if let value = try container.decodeIfPresent(Set<String>.self, forKey: .klpdNames) { klpdNames = value }
    if let value = try container.decodeIfPresent(CellFindings.self, forKey: .cellFindings) {
      cellFindings = value
    }
    if let value = try container.decodeIfPresent(FileUse.self, forKey: .use) { use = value }
    if let value = try container.decodeIfPresent(String.self, forKey: .dataset) { dataset = value }
    if let value = try container.decodeIfPresent(Int.self, forKey: .snapshotDay) { snapshotDay = value }
    if let value = try container.decodeIfPresent(String.self, forKey: .givenAsOf) { givenAsOf = value }
    if let value = try container.decodeIfPresent([Int: Int].self, forKey: .dateColumns) {
      dateColumns = value
    }
    if let value = try container.decodeIfPresent(Set<Int>.self, forKey: .fiscalYears) { fiscalYears = value }
    if let value = try container.decodeIfPresent(String.self, forKey: .sameAs) { sameAs = value }
    if let value = try container.decodeIfPresent(String.self, forKey: .supersededBy) { supersededBy = value }
    if let value = try container.decodeIfPresent(SatkerDirectory.self, forKey: .directory) {
      directory = value
    }
    if let value = try container.decodeIfPresent([ReasonCode: MoneySum].self, forKey: .setAsideAmounts) {
      setAsideAmounts = value
    }
  }
}
