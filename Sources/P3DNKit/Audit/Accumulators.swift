/// Running sums of one metric.
public struct MetricSums: Equatable, Sendable, Codable {
  /// Sum of the known amounts.
  public var amount = MoneySum.zero
  /// Sum of the line amounts where the metric is unknown.
  public var unknown = MoneySum.zero

  mutating func merge(_ other: MetricSums) {
    amount += other.amount
    unknown += other.unknown
  }
}

/// Running sums of the included lines of one group and stage.
public struct StageSums: Equatable, Sendable, Codable {
  public var lines = 0
  public var total = MoneySum.zero
  public var pdn = MetricSums()
  public var umkk = MetricSums()
  public var local = MetricSums()

  public subscript(metric: Metric) -> MetricSums {
    switch metric {
    case .pdn: return pdn
    case .umkk: return umkk
    case .local: return local
    }
  }

  @inline(__always)
  mutating func add(amount: Money, _ line: LineClassification) {
    lines += 1
    total += amount
    Self.add(&pdn, line.pdn, amount)
    Self.add(&umkk, line.umkk, amount)
    Self.add(&local, line.local, amount)
  }

  /// Adds a known value to the amount, or the line's amount to the unknown sum, both ways
  /// without a branch on which it is (random data would make that branch unpredictable).
  @inline(__always)
  private static func add(_ sums: inout MetricSums, _ value: Money?, _ amount: Money) {
    let known = value?.sen ?? 0
    let unknown = value == nil ? amount.sen : 0
    sums.amount.sen += known
    sums.unknown.sen += unknown
  }

  mutating func subtract(_ other: StageSums) {
    lines -= other.lines
    total.sen -= other.total.sen
    pdn.amount.sen -= other.pdn.amount.sen
    pdn.unknown.sen -= other.pdn.unknown.sen
    umkk.amount.sen -= other.umkk.amount.sen
    umkk.unknown.sen -= other.umkk.unknown.sen
    local.amount.sen -= other.local.amount.sen
    local.unknown.sen -= other.local.unknown.sen
  }

  mutating func merge(_ other: StageSums) {
    lines += other.lines
    total += other.total
    pdn.merge(other.pdn)
    umkk.merge(other.umkk)
    local.merge(other.local)
  }
}

/// Sums of one OPD (sub-units rolled up), and the names seen on its lines.
struct OPDSums: Codable, Sendable {
  var plan: StageSums?
  var realization: StageSums?
  var extras = OPDExtras()
  /// Name → (lines carrying it, order first seen).
  var names: [String: (count: Int, first: Int)] = [:]

  init() {}

  private enum CodingKeys: String, CodingKey { case plan, realization, extras, names }

  /// A name with its count and first order, as stored.
  private struct NameSeen: Codable {
    let name: String
    let count: Int
    let first: Int
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    plan = try container.decodeIfPresent(StageSums.self, forKey: .plan)
    realization = try container.decodeIfPresent(StageSums.self, forKey: .realization)
    extras = try container.decode(OPDExtras.self, forKey: .extras)
    for seen in try container.decode([NameSeen].self, forKey: .names) {
      names[seen.name] = (seen.count, seen.first)
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(plan, forKey: .plan)
    try container.encodeIfPresent(realization, forKey: .realization)
    try container.encode(extras, forKey: .extras)
    let seen = names.map { NameSeen(name: $0.key, count: $0.value.count, first: $0.value.first) }
      .sorted { $0.name < $1.name }
    try container.encode(seen, forKey: .names)
  }

  subscript(stage: Stage) -> StageSums? {
    get { stage == .plan ? plan : realization }
    set {
      if stage == .plan { plan = newValue } else { realization = newValue }
    }
  }

  mutating func add(stage: Stage, amount: Money, _ line: LineClassification) {
    if stage == .plan {
      if plan == nil { plan = StageSums() }
      plan?.add(amount: amount, line)
    } else {
      if realization == nil { realization = StageSums() }
      realization?.add(amount: amount, line)
    }
  }

  mutating func merge(_ other: OPDSums) {
    extras.merge(other.extras)
    for stage in Stage.allCases {
      if let sums = other[stage] {
        var merged = self[stage] ?? StageSums()
        merged.merge(sums)
        self[stage] = merged
      }
    }
    for (name, seen) in other.names {
      if let mine = names[name] {
        names[name] = (mine.count + seen.count, min(mine.first, seen.first))
      } else {
        names[name] = seen
      }
    }
  }

  /// The name seen most often; ties go to the one seen first.
  var name: String {
    names.min { left, right in
      left.value.count != right.value.count
        ? left.value.count > right.value.count : left.value.first < right.value.first
    }?.key ?? ""
  }
}

/// The included-candidate lines of one fiscal year (nil: lines without a year), by OPD.
struct YearSums: Codable, Sendable {
  var opds: [String: OPDSums] = [:]
  var tally = ClassificationTally()

  mutating func merge(_ other: YearSums) {
    tally.merge(other.tally)
    for (code, sums) in other.opds {
      opds[code, default: OPDSums()].merge(sums)
    }
  }
}

/// A count of lines and their sum.
public struct LineTotal: Equatable, Sendable, Codable {
  public var lines = 0
  public var total = MoneySum.zero

  public init(lines: Int = 0, total: MoneySum = .zero) {
    self.lines = lines
    self.total = total
  }

  mutating func add(_ amount: Money) {
    lines += 1
    total += amount
  }

  mutating func merge(_ other: LineTotal) {
    lines += other.lines
    total += other.total
  }

  mutating func subtract(_ other: LineTotal) {
    lines -= other.lines
    total.sen -= other.total.sen
  }
}

/// What an OPD's lines say besides the metric sums: its budget (profile
/// `struktur-anggaran`), its swakelola lines (excluded, reported apart), and the RUP codes
/// that link its plan and its realization.
struct OPDExtras: Codable, Sendable {
  /// Procurement budget rows (`belanja_pengadaan`).
  var budget: LineTotal? = nil
  /// Swakelola lines excluded under the policy, by stage.
  var swakelolaPlan = LineTotal()
  var swakelolaRealization = LineTotal()
  /// Planned packages: RUP code → planned lines and pagu.
  var planned: [String: LineTotal] = [:]
  /// Realization lines by the RUP codes they name (sorted, without duplicates, joined by
  /// `;`).
  var realized: [String: LineTotal] = [:]
  /// Realization lines that name no RUP code (from a profile that has a RUP column).
  var realizedWithoutCode = LineTotal()
  /// RUP codes realized by a payment counted under another of its package's codes.
  var alsoRealized: Set<String> = []

  mutating func merge(_ other: OPDExtras) {
    if let budget = other.budget {
      var merged = self.budget ?? LineTotal()
      merged.merge(budget)
      self.budget = merged
    }
    swakelolaPlan.merge(other.swakelolaPlan)
    swakelolaRealization.merge(other.swakelolaRealization)
    for (code, total) in other.planned { planned[code, default: LineTotal()].merge(total) }
    for (codes, total) in other.realized { realized[codes, default: LineTotal()].merge(total) }
    realizedWithoutCode.merge(other.realizedWithoutCode)
    alsoRealized.formUnion(other.alsoRealized)
  }
}

/// The RUP codes of a cell: split on `;` and `,`, trimmed, duplicates removed, sorted.
enum RUPCodes {
  static func parse(_ text: String) -> [String] {
    var seen = Set<String>()
    var codes: [String] = []
    for part in text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
      let code = String(part).trimmingWhitespace()
      if AmountParser.isMissingWord(code) { continue }
      if seen.insert(code).inserted { codes.append(code) }
    }
    return codes.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }
}

/// How many included lines each source decided, per metric.
public struct ClassificationTally: Equatable, Sendable, Codable {
  static let sources = ClassificationSource.allCases.count
  /// Metric by metric (pdn, umkk, local), source by source.
  private var counts = [Int](repeating: 0, count: 3 * sources)

  public init() {}

  /// The tally of a flat buffer of `3 × sources` counts in the same order.
  init(_ buffer: UnsafePointer<Int>) {
    counts = Array(UnsafeBufferPointer(start: buffer, count: 3 * Self.sources))
  }

  mutating func merge(_ other: ClassificationTally) {
    for index in counts.indices { counts[index] += other.counts[index] }
  }

  mutating func subtract(_ other: ClassificationTally) {
    for index in counts.indices { counts[index] -= other.counts[index] }
  }

  /// Counts the sources that decided one line.
  mutating func count(_ line: LineClassification) {
    counts[line.pdnSource.rawValue] += 1
    counts[Self.sources + line.umkkSource.rawValue] += 1
    counts[2 * Self.sources + line.localSource.rawValue] += 1
  }

  /// Lines of `metric` decided by each source, in source order, only sources that decided some.
  public func counts(_ metric: Metric) -> [(ClassificationSource, Int)] {
    let base = metric == .pdn ? 0 : metric == .umkk ? Self.sources : 2 * Self.sources
    return ClassificationSource.allCases.compactMap { source in
      let count = counts[base + source.rawValue]
      return count > 0 ? (source, count) : nil
    }
  }

}
