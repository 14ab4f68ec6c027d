/// Running sums of one metric.
public struct MetricSums: Equatable, Sendable {
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
public struct StageSums: Equatable, Sendable {
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

  mutating func merge(_ other: StageSums) {
    lines += other.lines
    total += other.total
    pdn.merge(other.pdn)
    umkk.merge(other.umkk)
    local.merge(other.local)
  }
}

/// Sums of one OPD (sub-units rolled up), and the names seen on its lines.
struct OPDSums {
  var plan: StageSums?
  var realization: StageSums?
  /// Name → (lines carrying it, order first seen).
  var names: [String: (count: Int, first: Int)] = [:]

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
struct YearSums {
  var opds: [String: OPDSums] = [:]

  mutating func merge(_ other: YearSums) {
    for (code, sums) in other.opds {
      opds[code, default: OPDSums()].merge(sums)
    }
  }
}
