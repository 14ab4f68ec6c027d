/// A hash table from short byte strings (cell contents) to values, probed without
/// allocating: the hot path looks a cell up by its bytes in the read buffer and computes
/// a value (a flag word, a status, an OPD slot) only the first time it sees those bytes.
///
/// Entries beyond `limit` are not stored; their values are computed each time, so a
/// column with millions of distinct values costs time, never unbounded memory.
struct ByteCache<Value> {
  private struct Slot {
    var hash: UInt64 = 0
    var offset: Int32 = 0
    var length: Int32 = 0
    /// Index into `values`, or -1 when the slot is empty.
    var entry: Int32 = -1
  }

  private var slots: [Slot]
  private var mask: Int
  private var arena: [UInt8] = []
  private(set) var values: [Value] = []
  let limit: Int

  init(limit: Int = 1 << 16) {
    self.limit = limit
    slots = Array(repeating: Slot(), count: 64)
    mask = 63
  }

  var count: Int { values.count }

  /// A fast hash of a short byte string, eight bytes at a time (multiply and mix); the
  /// last word of a key of eight bytes or more overlaps the one before it.
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    guard let base = key.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    let count = key.count
    if count >= 8 {
      var index = 0
      while index + 8 < count {
        hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 31
        index += 8
      }
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* 0x94d0_49bb_1331_11eb
    } else {
      var tail: UInt64 = 0
      for index in 0..<count { tail |= UInt64(base[index]) << (8 * UInt64(index)) }
      hash = (hash ^ tail) &* 0x94d0_49bb_1331_11eb
    }
    hash ^= hash >> 29
    hash = hash &* 0xbf58_476d_1ce4_e5b9
    hash ^= hash >> 32
    return hash
  }

  /// The index of `key`'s entry, if stored.
  func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
    var index = Int(truncatingIfNeeded: hash) & mask
    while true {
      let slot = slots[index]
      if slot.entry < 0 { return nil }
      if slot.hash == hash && Int(slot.length) == key.count && equals(slot, key) {
        return Int(slot.entry)
      }
      index = (index + 1) & mask
    }
  }

  private func equals(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let keyBase = key.baseAddress else { return true }
    let start = Int(slot.offset)
    return arena.withUnsafeBufferPointer { stored in
      guard let storedBase = stored.baseAddress else { return false }
      let left = UnsafeRawPointer(storedBase + start)
      let right = UnsafeRawPointer(keyBase)
      let count = key.count
      guard count >= 8 else {
        for index in 0..<count where storedBase[start + index] != keyBase[index] { return false }
        return true
      }
      var index = 0
      while index + 8 < count {
        if left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          != right.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        {
          return false
        }
        index += 8
      }
      return left.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        == right.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
  }

  /// The value stored for `key`, computing and storing it on first sight.
  @inline(__always)
  mutating func value(
    for key: UnsafeBufferPointer<UInt8>, compute: (UnsafeBufferPointer<UInt8>) -> Value
  ) -> Value {
    let hash = Self.hash(key)
    if let entry = find(key, hash: hash) { return values[entry] }
    let value = compute(key)
    insert(key, hash: hash, value: value)
    return value
  }

  /// Stores a new entry (when under the limit) and returns its index, or nil.
  @discardableResult
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value) -> Int? {
    guard values.count < limit, key.count < Int(Int32.max) else { return nil }
    if (values.count + 1) * 2 > slots.count { grow() }
    let entry = values.count
    values.append(value)
    var slot = Slot(hash: hash, offset: Int32(arena.count), length: Int32(key.count), entry: Int32(entry))
    arena.append(contentsOf: key)
    var index = Int(truncatingIfNeeded: hash) & mask
    while slots[index].entry >= 0 { index = (index + 1) & mask }
    swap(&slots[index], &slot)
    return entry
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Slot(), count: old.count * 2)
    mask = slots.count - 1
    for slot in old where slot.entry >= 0 {
      var index = Int(truncatingIfNeeded: slot.hash) & mask
      while slots[index].entry >= 0 { index = (index + 1) & mask }
      slots[index] = slot
    }
  }
}
