/// The sums of a file's included lines as they are read: one ``YearSlots`` per fiscal
/// year, OPD slot by OPD slot, in flat buffers.

/// How often a name (by its index in the file's name table) was seen on a slot's lines.
struct NameCount {
  let name: Int
  var count: Int
  let first: Int
}

/// Sums of one fiscal year by OPD slot, in flat buffers updated in place (no copy-on-write
/// checks on the hot path).
final class YearSlots {
  let year: Int?
  var candidates = 0
  /// Two per slot: plan, realization; a stage with no line has `lines == 0`.
  private(set) var stages: UnsafeMutablePointer<StageSums>
  /// How often each (slot, name) pair was seen, and first when.
  private var pairs = PairCounter()
  private(set) var slots = 0
  private var capacity = 0
  /// Budget rows, swakelola lines and RUP links by slot (rare next to the sums).
  var extras: [Int: OPDExtras] = [:]
  /// Which source decided each metric: lines by metric and source (a flat buffer: no
  /// copy-on-write check on the hot path).
  let tally: UnsafeMutablePointer<Int> = {
    let buffer = UnsafeMutablePointer<Int>.allocate(capacity: 3 * ClassificationTally.sources)
    buffer.initialize(repeating: 0, count: 3 * ClassificationTally.sources)
    return buffer
  }()

  @inline(__always)
  func count(_ line: LineClassification) {
    tally[line.pdnSource.rawValue] += 1
    tally[ClassificationTally.sources + line.umkkSource.rawValue] += 1
    tally[2 * ClassificationTally.sources + line.localSource.rawValue] += 1
  }

  init(year: Int?) {
    self.year = year
    stages = .allocate(capacity: 0)
  }

  deinit {
    stages.deinitialize(count: 2 * capacity)
    stages.deallocate()
    tally.deallocate()
    pairs.deallocate()
  }

  /// Makes room for slots up to `slot`.
  private func reserve(_ slot: Int) {
    if slot >= capacity {
      let larger = max(2 * capacity, slot + 1, 64)
      let newStages = UnsafeMutablePointer<StageSums>.allocate(capacity: 2 * larger)
      newStages.moveInitialize(from: stages, count: 2 * capacity)
      (newStages + 2 * capacity).initialize(repeating: StageSums(), count: 2 * (larger - capacity))
      stages.deallocate()
      stages = newStages
      capacity = larger
    }
    slots = max(slots, slot + 1)
  }

  @inline(__always)
  func add(slot: Int, stage: Stage, amount: Money, _ line: LineClassification) {
    if slot >= slots { reserve(slot) }
    stages[2 * slot + (stage == .plan ? 0 : 1)].add(amount: amount, line)
  }

  @inline(__always)
  func note(name: Int, slot: Int, order: Int) {
    pairs.add(UInt64(truncatingIfNeeded: slot) << 32 | UInt64(truncatingIfNeeded: name), order: order)
  }

  /// The names seen on each slot's lines.
  func namesBySlot() -> [Int: [NameCount]] {
    var result: [Int: [NameCount]] = [:]
    pairs.forEach { key, count, first in
      result[Int(key >> 32), default: []].append(
        NameCount(name: Int(key & 0xFFFF_FFFF), count: count, first: first))
    }
    return result
  }
}

/// Counts of 64-bit keys (an OPD slot and a name index) with the order each was first
/// seen, in an open-addressing table of flat buffers: one multiply and usually one probe
/// per line. Its owner deallocates it.
struct PairCounter {
  private var keys: UnsafeMutablePointer<UInt64>
  private var counts: UnsafeMutablePointer<Int>
  private var firsts: UnsafeMutablePointer<Int>
  private var mask = 63
  private var used = 0
  /// Marks an empty slot (no slot and name are both 2^32 - 1).
  private static let empty = UInt64.max

  init() {
    keys = .allocate(capacity: 64)
    keys.initialize(repeating: Self.empty, count: 64)
    counts = .allocate(capacity: 64)
    counts.initialize(repeating: 0, count: 64)
    firsts = .allocate(capacity: 64)
    firsts.initialize(repeating: 0, count: 64)
  }

  func deallocate() {
    keys.deallocate()
    counts.deallocate()
    firsts.deallocate()
  }

  @inline(__always)
  private func index(of key: UInt64) -> Int {
    var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    while keys[index] != key && keys[index] != Self.empty { index = (index + 1) & mask }
    return index
  }

  @inline(__always)
  mutating func add(_ key: UInt64, order: Int) {
    let found = index(of: key)
    if keys[found] == key {
      counts[found] += 1
      return
    }
    keys[found] = key
    counts[found] = 1
    firsts[found] = order
    used += 1
    if 2 * used > mask + 1 { grow() }
  }

  private mutating func grow() {
    let old = (keys, counts, firsts, mask + 1)
    let size = 2 * old.3
    keys = .allocate(capacity: size)
    keys.initialize(repeating: Self.empty, count: size)
    counts = .allocate(capacity: size)
    counts.initialize(repeating: 0, count: size)
    firsts = .allocate(capacity: size)
    firsts.initialize(repeating: 0, count: size)
    mask = size - 1
    for position in 0..<old.3 where old.0[position] != Self.empty {
      let found = index(of: old.0[position])
      keys[found] = old.0[position]
      counts[found] = old.1[position]
      firsts[found] = old.2[position]
    }
    old.0.deallocate()
    old.1.deallocate()
    old.2.deallocate()
  }

  /// Every key with its count and first order.
  func forEach(_ body: (UInt64, Int, Int) -> Void) {
    for position in 0...mask where keys[position] != Self.empty {
      body(keys[position], counts[position], firsts[position])
    }
  }
}
