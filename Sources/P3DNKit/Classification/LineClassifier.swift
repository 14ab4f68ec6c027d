/// Counts of the data problems that do not stop a line from counting (CONTRACT §4.2),
/// reported per input file.
public struct FileWarnings: Sendable, Equatable {
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

  public var isEmpty: Bool {
    roundedAmounts == 0 && clampedValues.isEmpty && unreadableValues.isEmpty
      && unreadablePercentages == 0 && unrecognizedFlags.isEmpty
  }

  mutating func merge(_ other: FileWarnings) {
    roundedAmounts += other.roundedAmounts
    clampedValues.merge(other.clampedValues, uniquingKeysWith: +)
    unreadableValues.merge(other.unreadableValues, uniquingKeysWith: +)
    unreadablePercentages += other.unreadablePercentages
    for (column, values) in other.unrecognizedFlags {
      unrecognizedFlags[column, default: [:]].merge(values, uniquingKeysWith: +)
    }
  }
}

/// What a line contributes to each metric: a known amount, or nil when unknown.
public struct LineClassification: Equatable, Sendable {
  public var pdn: Money?
  public var umkk: Money?
  public var local: Money?

  public subscript(metric: Metric) -> Money? {
    switch metric {
    case .pdn: return pdn
    case .umkk: return umkk
    case .local: return local
    }
  }
}

/// The per-line decision chain of CONTRACT §4.2: value columns, then flags, then TKDN +
/// BMP for PDN, cooperative names for UMK-K, and vendor kab/kota for local.
public struct LineClassifier: Sendable {
  let columns: BoundColumns
  let header: HeaderNames
  let tkdnMinimum: Percentage
  let region: RegionMatcher

  public init(columns: BoundColumns, header: HeaderNames, policy: Policy) {
    self.columns = columns
    self.header = header
    self.tkdnMinimum = policy.pdnTKDNBMPMinimum
    self.region = policy.regionMatcher
  }

  private enum Source {
    case decided(Money?)
    case none
  }

  public func classify<S: RecordSource>(
    _ row: S, amount: Money, warnings: inout FileWarnings
  ) -> LineClassification {
    var result = LineClassification()
    // PDN: value column, flag, TKDN + BMP.
    if case .decided(let value) = valueColumn(row, .pdnValue, .pdn, amount, &warnings) {
      result.pdn = value
    } else if let flag = flag(row, .pdnFlag, kind: .pdn, &warnings) {
      result.pdn = decide(flag, amount)
    } else {
      result.pdn = tkdn(row, amount, &warnings)
    }
    // UMK-K: value column, then the UMK flag together with the cooperative test.
    if case .decided(let value) = valueColumn(row, .umkValue, .umkk, amount, &warnings) {
      result.umkk = value
    } else {
      let umk = flag(row, .umkFlag, kind: .umk, &warnings)
      let cooperative = isKoperasi(row, &warnings)
      if umk == .yes || cooperative == .yes {
        result.umkk = amount
      } else if umk == .no && cooperative == .no {
        result.umkk = .zero
      } else {
        result.umkk = nil
      }
    }
    // Local: flag, else the vendor's kab/kota.
    if let flag = flag(row, .localFlag, kind: .generic, &warnings) {
      result.local = decide(flag, amount)
    } else if let index = columns[.vendorRegion], !ByteText.trimmed(row.cell(index)).isEmpty {
      result.local = region.matches(row.text(index)) ? amount : .zero
    } else {
      result.local = nil
    }
    return result
  }

  private func decide(_ flag: FlagValue, _ amount: Money) -> Money? {
    switch flag {
    case .yes: return amount
    case .no: return .zero
    case .empty, .unrecognized: return nil
    }
  }

  /// A flag cell: nil when the column is absent or the cell empty (the next source
  /// decides); otherwise its value (an unrecognized word is counted as a warning).
  private func flag<S: RecordSource>(
    _ row: S, _ field: Field, kind: FlagWords.Kind, _ warnings: inout FileWarnings
  ) -> FlagValue? {
    guard let index = columns[field] else { return nil }
    let cell = ByteText.trimmed(row.cell(index))
    if cell.isEmpty { return nil }
    let text = TextDecoding.decode(cell, as: row.encoding)
    let value = FlagWords.read(text, kind: kind)
    switch value {
    case .empty: return nil
    case .unrecognized:
      let column = header.original[index]
      warnings.unrecognizedFlags[column, default: [:]][text, default: 0] += 1
      return .unrecognized
    case .yes, .no: return value
    }
  }

  private func valueColumn<S: RecordSource>(
    _ row: S, _ field: Field, _ metric: Metric, _ amount: Money, _ warnings: inout FileWarnings
  ) -> Source {
    guard let index = columns[field] else { return .none }
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

  private func tkdn<S: RecordSource>(
    _ row: S, _ amount: Money, _ warnings: inout FileWarnings
  ) -> Money? {
    guard let tkdnIndex = columns[.tkdn] else { return nil }
    let tkdnText = row.text(tkdnIndex)
    if tkdnText.isEmpty { return nil }
    guard let tkdn = Percentage.parse(tkdnText) else {
      warnings.unreadablePercentages += 1
      return nil
    }
    var bmp = Percentage(whole: 0)
    if let bmpIndex = columns[.bmp] {
      let bmpText = row.text(bmpIndex)
      if !bmpText.isEmpty {
        guard let value = Percentage.parse(bmpText) else {
          warnings.unreadablePercentages += 1
          return nil
        }
        bmp = value
      }
    }
    return tkdn + bmp >= tkdnMinimum ? amount : .zero
  }

  /// A line is a koperasi when its koperasi flag is yes, or, only when that cell is empty
  /// or absent, when the vendor's name marks a cooperative. An unrecognized word in the
  /// cell is warned about and does not make the line a koperasi.
  private func isKoperasi<S: RecordSource>(_ row: S, _ warnings: inout FileWarnings) -> FlagValue {
    if let flag = flag(row, .koperasiFlag, kind: .generic, &warnings) {
      return flag == .yes ? .yes : .no
    }
    if let index = columns[.vendor], Koperasi.nameMarksCooperative(row.text(index)) {
      return .yes
    }
    return .no
  }
}
