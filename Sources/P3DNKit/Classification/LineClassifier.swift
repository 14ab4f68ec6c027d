/// Counts of the data problems that do not stop a line from counting (CONTRACT §4.2),
/// reported per input file.
public struct FileWarnings: Sendable, Equatable, Codable {
  public init() {}

  /// Amounts with more than two decimals, rounded to the sen.
  public var roundedAmounts = 0
  /// Metric values outside [0, amount], clamped (per metric).
  public var clampedValues: [Metric: Int] = [:]
  /// Metric value cells that do not parse as amounts (the metric is unknown).
  public var unreadableValues: [Metric: Int] = [:]
  /// TKDN or BMP cells that do not parse (PDN is unknown).
  public var unreadablePercentages = 0
  /// Flag cells with a word that is not recognized: column name → value → lines.
  public var unrecognizedFlags: [String: [String: Int]] = [:]
  /// The stage `--plan` / `--realization` gave a file whose profile has the other one
  /// (the profile's stage counts).
  public var ignoredStageFlag: Stage? = nil
  /// Packages another input counts (CONTRACT §7.4): the file that counts them → packages
  /// and the amount of this file's rows set aside.
  public var countedElsewhere: [String: WordCount] = [:]
  /// Rows that repeat an earlier row of the file, or its payment under another RUP code
  /// (set aside as `duplicate`, like the rows of packages counted elsewhere).
  public var copiesWithin = WordCount()
  /// Status words that the dataset's closed list does not hold: column → word → rows and
  /// their amount (CONTRACT §7.6).
  public var unknownStatuses: [String: [String: WordCount]] = [:]
  /// OPD cells that are ids no satker directory among the inputs knows: rows, and a few
  /// of the ids.
  public var unknownOPDIDs = 0
  public var unknownOPDIDExamples: [String] = []

  /// Rows that carry a word, and their amount.
  public struct WordCount: Sendable, Equatable, Codable {
    public var rows = 0
    public var amount = MoneySum.zero
  }

  mutating func noteUnknownStatus(column: String, word: String, amount: Money) {
    unknownStatuses[column, default: [:]][word, default: WordCount()].rows += 1
    unknownStatuses[column, default: [:]][word, default: WordCount()].amount += amount
  }

  mutating func noteUnknownOPDID(_ id: String) {
    unknownOPDIDs += 1
    if unknownOPDIDExamples.count < 4 && !unknownOPDIDExamples.contains(id) {
      unknownOPDIDExamples.append(id)
    }
  }

  mutating func merge(_ other: FileWarnings) {
    for (column, words) in other.unknownStatuses {
      for (word, count) in words {
        unknownStatuses[column, default: [:]][word, default: WordCount()].rows += count.rows
        unknownStatuses[column, default: [:]][word, default: WordCount()].amount += count.amount
      }
    }
    unknownOPDIDs += other.unknownOPDIDs
    copiesWithin.rows += other.copiesWithin.rows
    copiesWithin.amount += other.copiesWithin.amount
    countedElsewhere.merge(other.countedElsewhere) {
      WordCount(rows: $0.rows + $1.rows, amount: $0.amount + $1.amount)
    }
    for id in other.unknownOPDIDExamples
    where unknownOPDIDExamples.count < 4 && !unknownOPDIDExamples.contains(id) {
      unknownOPDIDExamples.append(id)
    }
    roundedAmounts += other.roundedAmounts
    clampedValues.merge(other.clampedValues, uniquingKeysWith: +)
    unreadableValues.merge(other.unreadableValues, uniquingKeysWith: +)
    unreadablePercentages += other.unreadablePercentages
    ignoredStageFlag = ignoredStageFlag ?? other.ignoredStageFlag
    for (column, values) in other.unrecognizedFlags {
      unrecognizedFlags[column, default: [:]].merge(values, uniquingKeysWith: +)
    }
  }
}

/// What a line contributes to each metric: a known amount, or nil when unknown; and the
/// source that decided each.
public struct LineClassification: Equatable, Sendable {
  public var pdn: Money?
  public var umkk: Money?
  public var local: Money?
  public var pdnSource = ClassificationSource.unknown
  public var umkkSource = ClassificationSource.unknown
  public var localSource = ClassificationSource.unknown

  public init(pdn: Money? = nil, umkk: Money? = nil, local: Money? = nil) {
    self.pdn = pdn
    self.umkk = umkk
    self.local = local
  }
}

/// Which source of CONTRACT §4.2 (or the vendor list) decided a metric of a line.
public enum ClassificationSource: Int, CaseIterable, Sendable, Comparable {
  /// A value column (`nilai_pdn`, `nilai_umk_kontrak`, …).
  case valueColumn
  /// A flag column (`status_pdn`, `umk`, `koperasi`, `lokal`, …).
  case flag
  /// TKDN + BMP against the policy's minimum.
  case tkdn
  /// The vendor's name marks a cooperative.
  case cooperativeName
  /// The line's own vendor kab/kota.
  case vendorRegion
  /// The vendor list, found by NPWP, by vendor code, or by name.
  case vendorListNPWP
  case vendorListCode
  case vendorListName
  /// Nothing decided: the metric is unknown.
  case unknown

  /// The code used in JSON and CSV.
  public var code: String {
    switch self {
    case .valueColumn: return "value"
    case .flag: return "flag"
    case .tkdn: return "tkdn"
    case .cooperativeName: return "koperasi-name"
    case .vendorRegion: return "kab-kota"
    case .vendorListNPWP: return "vendors-npwp"
    case .vendorListCode: return "vendors-code"
    case .vendorListName: return "vendors-name"
    case .unknown: return "unknown"
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  init(_ match: VendorMatch) {
    switch match {
    case .npwp: self = .vendorListNPWP
    case .code: self = .vendorListCode
    case .name: self = .vendorListName
    }
  }
}

/// The per-line decision chain of CONTRACT §4.2: value columns, then flags, then TKDN +
/// BMP for PDN, cooperative names for UMK-K, and vendor kab/kota for local.
///
/// Cells are read as bytes; the meaning of each distinct flag word, vendor name, region
/// and percentage is worked out once and cached.
struct LineClassifier {
  private let header: HeaderNames
  private let tkdnMinimum: Percentage
  private let region: RegionMatcher
  private let pdnValue: Int
  private let umkValue: Int
  private let pdnFlag: FlagColumn
  private let umkFlag: FlagColumn
  private let koperasiFlag: FlagColumn
  private let localFlag: FlagColumn
  private let vendor: Int
  private let vendorRegion: Int
  private let tkdn: Int
  private let bmp: Int
  private let extraWords: ExtraFlagWords
  private let vendors: VendorList?
  private let vendorNPWP: Int
  private let vendorCode: Int
  private let vendorCodeFallback: Int
  /// Vendor-list lookups by the line's vendor cells: entry index, or -1 (not found).
  private var vendorLookups = Array(repeating: ByteCache<Int>(limit: 1 << 18), count: 4)
  private var vendorMatches: [(VendorEntry, VendorMatch)] = []

  private var flagCaches: [ByteCache<FlagEntry>]
  private var cooperativeNames = ByteCache<Bool>()
  private var regions = ByteCache<Bool>()
  private var percentages = ByteCache<Percentage?>()
  /// Unrecognized flag words: (column, word, lines).
  private var unrecognized: [(column: String, word: String, lines: Int)] = []

  private struct FlagColumn {
    let index: Int
    let kind: FlagWords.Kind
    let cache: Int
  }

  private struct FlagEntry {
    let value: FlagValue
    /// Index into `unrecognized` for an unrecognized word.
    let warning: Int
  }

  init(
    columns: BoundColumns, header: HeaderNames, policy: Policy, extraWords: ExtraFlagWords = ExtraFlagWords(),
    vendors: VendorList? = nil
  ) {
    self.header = header
    self.extraWords = extraWords
    self.vendors = vendors
    vendorNPWP = columns.raw(.vendorNPWP)
    vendorCode = columns.raw(.vendorCode)
    vendorCodeFallback = columns.raw(.vendorCodeFallback)
    self.tkdnMinimum = policy.pdnTKDNBMPMinimum
    self.region = policy.regionMatcher
    pdnValue = columns.raw(.pdnValue)
    umkValue = columns.raw(.umkValue)
    pdnFlag = FlagColumn(index: columns.raw(.pdnFlag), kind: .pdn, cache: 0)
    umkFlag = FlagColumn(index: columns.raw(.umkFlag), kind: .umk, cache: 1)
    koperasiFlag = FlagColumn(index: columns.raw(.koperasiFlag), kind: .generic, cache: 2)
    localFlag = FlagColumn(index: columns.raw(.localFlag), kind: .generic, cache: 3)
    vendor = columns.raw(.vendor)
    vendorRegion = columns.raw(.vendorRegion)
    tkdn = columns.raw(.tkdn)
    bmp = columns.raw(.bmp)
    flagCaches = Array(repeating: ByteCache<FlagEntry>(limit: 4096), count: 4)
  }

  /// The unrecognized flag words seen, for the file's warnings.
  var unrecognizedWords: [String: [String: Int]] {
    var result: [String: [String: Int]] = [:]
    for entry in unrecognized where entry.lines > 0 {
      result[entry.column, default: [:]][entry.word, default: 0] += entry.lines
    }
    return result
  }

  mutating func classify<S: RecordSource>(
    _ row: S, amount: Money, warnings: inout FileWarnings
  ) -> LineClassification {
    var result = LineClassification()
    var umkDecidedUnknown = false
    var localDecidedUnknown = false
    // PDN: value column, flag, TKDN + BMP.
    if case .decided(let value) = valueColumn(row, pdnValue, .pdn, amount, &warnings) {
      result.pdn = value
      result.pdnSource = value == nil ? .unknown : .valueColumn
    } else if let flag = flag(row, pdnFlag) {
      result.pdn = decide(flag, amount)
      result.pdnSource = result.pdn == nil ? .unknown : .flag
    } else {
      result.pdn = tkdnDecision(row, amount, &warnings)
      result.pdnSource = result.pdn == nil ? .unknown : .tkdn
    }
    // UMK-K: value column, then the UMK flag together with the cooperative test.
    if case .decided(let value) = valueColumn(row, umkValue, .umkk, amount, &warnings) {
      result.umkk = value
      result.umkkSource = value == nil ? .unknown : .valueColumn
    } else {
      let umk = flag(row, umkFlag)
      // The koperasi flag is always read (its unknown words are counted); the vendor's
      // name only when it can still change the outcome.
      let cooperative = isKoperasi(row, nameMatters: umk != .yes)
      if umk == .yes || cooperative != nil {
        result.umkk = amount
        result.umkkSource = umk == .yes ? .flag : (cooperative ?? .flag)
      } else if umk == .no {
        result.umkk = .zero
        result.umkkSource = .flag
      } else {
        result.umkk = nil
        // A flag cell with an unrecognized word decides (as unknown): the vendor list
        // does not override it.
        if umk == .unrecognized { umkDecidedUnknown = true }
      }
    }
    // Local: flag, else the vendor's kab/kota.
    if let flag = flag(row, localFlag) {
      result.local = decide(flag, amount)
      result.localSource = result.local == nil ? .unknown : .flag
      localDecidedUnknown = flag == .unrecognized
    } else if vendorRegion >= 0 {
      let cell = ByteText.trimmed(row.cell(vendorRegion))
      if AmountParser.isMissingWord(cell) {
        // Empty, `-`, `null`, `NaN`: no kab/kota given.
        result.local = nil
      } else {
        let encoding = row.encoding
        let matcher = region
        let isLocal = regions.value(for: cell) { matcher.matches(TextDecoding.decode($0, as: encoding)) }
        result.local = isLocal ? amount : .zero
        result.localSource = .vendorRegion
      }
    } else {
      result.local = nil
    }
    // What the line leaves unknown, the vendor list may know.
    let umkOpen = result.umkkSource == .unknown && !umkDecidedUnknown
    let localOpen = result.localSource == .unknown && !localDecidedUnknown
    if vendors != nil && (umkOpen || localOpen), let (entry, match) = vendorEntry(row) {
      if umkOpen {
        if entry.umk == .yes || entry.koperasi == true {
          result.umkk = amount
          result.umkkSource = ClassificationSource(match)
        } else if entry.umk == .no {
          result.umkk = .zero
          result.umkkSource = ClassificationSource(match)
        }
      }
      if localOpen, let vendorRegion = entry.region {
        result.local = region.matches(vendorRegion) ? amount : .zero
        result.localSource = ClassificationSource(match)
      }
    }
    return result
  }

  /// The vendor-list entry of the line's vendor: by NPWP, then vendor code, then name.
  private mutating func vendorEntry<S: RecordSource>(_ row: S) -> (VendorEntry, VendorMatch)? {
    if let found = vendorEntry(row, cache: 0, column: vendorNPWP, kind: .npwp) { return found }
    if let found = vendorEntry(row, cache: 1, column: vendorCode, kind: .code) { return found }
    if let found = vendorEntry(row, cache: 3, column: vendorCodeFallback, kind: .code) { return found }
    return vendorEntry(row, cache: 2, column: vendor, kind: .name)
  }

  /// The entry that one of the line's vendor cells names; each distinct cell is looked up
  /// once (one cache per column kind: cell → entry, or -1).
  private mutating func vendorEntry<S: RecordSource>(
    _ row: S, cache: Int, column: Int, kind: VendorMatch
  ) -> (VendorEntry, VendorMatch)? {
    guard let vendors, column >= 0 else { return nil }
    let cell = ByteText.trimmed(row.cell(column))
    if cell.isEmpty { return nil }
    let key = CellKey(cell)
    let index: Int
    if let found = vendorLookups[cache].find(key) {
      index = vendorLookups[cache].values[found]
    } else {
      let text = TextDecoding.decode(cell, as: row.encoding)
      let found: (VendorEntry, VendorMatch)?
      switch kind {
      case .npwp: found = vendors.find(npwp: text, code: nil, name: nil)
      case .code: found = vendors.find(npwp: nil, code: text, name: nil)
      case .name: found = vendors.find(npwp: nil, code: nil, name: text)
      }
      if let found {
        vendorMatches.append(found)
        index = vendorMatches.count - 1
      } else {
        index = -1
      }
      _ = vendorLookups[cache].insert(key, value: index)
    }
    return index >= 0 ? vendorMatches[index] : nil
  }

  private func decide(_ flag: FlagValue, _ amount: Money) -> Money? {
    switch flag {
    case .yes: return amount
    case .no: return .zero
    case .empty, .unrecognized: return nil
    }
  }

  /// A flag cell: nil when the column is absent or the cell empty (the next source
  /// decides); otherwise its value. Each line with an unrecognized word is counted.
  private mutating func flag<S: RecordSource>(_ row: S, _ column: FlagColumn) -> FlagValue? {
    guard column.index >= 0 else { return nil }
    let cell = ByteText.trimmed(row.cell(column.index))
    if cell.isEmpty { return nil }
    let key = CellKey(cell)
    let entry: FlagEntry
    if let found = flagCaches[column.cache].find(key) {
      entry = flagCaches[column.cache].values[found]
    } else {
      let text = TextDecoding.decode(cell, as: row.encoding)
      let value = FlagWords.read(text, kind: column.kind, extra: extraWords)
      var warning = -1
      if value == .unrecognized {
        warning = unrecognized.count
        unrecognized.append((header.original[column.index], text, 0))
      }
      entry = FlagEntry(value: value, warning: warning)
      flagCaches[column.cache].insert(key, value: entry)
    }
    switch entry.value {
    case .empty: return nil
    case .unrecognized:
      unrecognized[entry.warning].lines += 1
      return .unrecognized
    case .yes, .no: return entry.value
    }
  }

  /// What a value column says about a line.
  private enum ValueSource {
    /// No column, or no value in the cell: the next source decides.
    case none
    /// A known amount, or nil (unknown) for a value that does not parse.
    case decided(Money?)
  }

  @inline(__always)
  private func valueColumn<S: RecordSource>(
    _ row: S, _ index: Int, _ metric: Metric, _ amount: Money, _ warnings: inout FileWarnings
  ) -> ValueSource {
    guard index >= 0 else { return .none }
    switch AmountParser.parse(row.cell(index)) {
    case .missing: return .none
    case .bad:
      warnings.unreadableValues[metric, default: 0] += 1
      return .decided(nil)
    case .value(let value, let rounded):
      if rounded { warnings.roundedAmounts += 1 }
      let low = min(Money.zero, amount)
      let high = max(Money.zero, amount)
      if value < low || value > high {
        warnings.clampedValues[metric, default: 0] += 1
        return .decided(value < low ? low : high)
      }
      return .decided(value)
    }
  }

  private mutating func percentage<S: RecordSource>(_ row: S, _ cell: UnsafeBufferPointer<UInt8>)
    -> Percentage?
  {
    let encoding = row.encoding
    return percentages.value(for: cell) { Percentage.parse(TextDecoding.decode($0, as: encoding)) }
  }

  private mutating func tkdnDecision<S: RecordSource>(
    _ row: S, _ amount: Money, _ warnings: inout FileWarnings
  ) -> Money? {
    guard tkdn >= 0 else { return nil }
    let tkdnCell = ByteText.trimmed(row.cell(tkdn))
    if tkdnCell.isEmpty { return nil }
    guard let tkdnValue = percentage(row, tkdnCell) else {
      warnings.unreadablePercentages += 1
      return nil
    }
    var bmpValue = Percentage(whole: 0)
    if bmp >= 0 {
      let bmpCell = ByteText.trimmed(row.cell(bmp))
      if !bmpCell.isEmpty {
        guard let value = percentage(row, bmpCell) else {
          warnings.unreadablePercentages += 1
          return nil
        }
        bmpValue = value
      }
    }
    return tkdnValue + bmpValue >= tkdnMinimum ? amount : .zero
  }

  /// A line is a koperasi when its koperasi flag is yes, or, only when that cell is empty
  /// or absent, when the vendor's name marks a cooperative. An unrecognized word in the
  /// cell is warned about and does not make the line a koperasi.
  /// How the line is known to be a koperasi (its flag, or its vendor's name), or nil when
  /// it is not.
  private mutating func isKoperasi<S: RecordSource>(_ row: S, nameMatters: Bool) -> ClassificationSource? {
    if let flag = flag(row, koperasiFlag) { return flag == .yes ? .flag : nil }
    guard nameMatters, vendor >= 0 else { return nil }
    let cell = ByteText.trimmed(row.cell(vendor))
    if cell.isEmpty { return nil }
    let encoding = row.encoding
    let named = cooperativeNames.value(for: cell) {
      Koperasi.nameMarksCooperative(TextDecoding.decode($0, as: encoding))
    }
    return named ? .cooperativeName : nil
  }
}

extension FileWarnings {
  enum CodingKeys: String, CodingKey {
    case roundedAmounts, clampedValues, unreadableValues, unreadablePercentages, unrecognizedFlags,
      ignoredStageFlag, countedElsewhere, copiesWithin, unknownStatuses, unknownOPDIDs,
      unknownOPDIDExamples
  }

  /// Every key may be absent (a ledger written by an earlier version): it then takes its
  /// default.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    if let value = try container.decodeIfPresent(Int.self, forKey: .roundedAmounts) { roundedAmounts = value }
    if let value = try container.decodeIfPresent([Metric: Int].self, forKey: .clampedValues) {
      clampedValues = value
    }
    if let value = try container.decodeIfPresent([Metric: Int].self, forKey: .unreadableValues) {
      unreadableValues = value
    }
    if let value = try container.decodeIfPresent(Int.self, forKey: .unreadablePercentages) {
      unreadablePercentages = value
    }
    if let value = try container.decodeIfPresent([String: [String: Int]].self, forKey: .unrecognizedFlags) {
      unrecognizedFlags = value
    }
    if let value = try container.decodeIfPresent(Stage.self, forKey: .ignoredStageFlag) {
      ignoredStageFlag = value
    }
    if let value = try container.decodeIfPresent(WordCount.self, forKey: .copiesWithin) {
      copiesWithin = value
    }
    if let value = try container.decodeIfPresent([String: WordCount].self, forKey: .countedElsewhere) {
      countedElsewhere = value
    }
    if let value = try container.decodeIfPresent([String: [String: WordCount]].self, forKey: .unknownStatuses)
    {
      unknownStatuses = value
    }
    if let value = try container.decodeIfPresent(Int.self, forKey: .unknownOPDIDs) { unknownOPDIDs = value }
    if let value = try container.decodeIfPresent([String].self, forKey: .unknownOPDIDExamples) {
      unknownOPDIDExamples = value
    }
  }
}
