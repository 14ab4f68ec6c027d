/// A cell's bytes ready for a ``ByteCache`` probe: its first and last eight bytes as
/// words (zero-padded when shorter) and its hash, computed once per cell.
struct CellKey {
  let bytes: UnsafeBufferPointer<UInt8>
  /// Bytes 0..<min(8, count), little-endian, zero above.
  let head: UInt64
  /// Bytes count-8..<count when count > 8, else 0.
  let tail: UInt64
  let hash: UInt64

  @inline(__always)
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    let count = bytes.count
    var head: UInt64 = 0
    var tail: UInt64 = 0
    // The middle of a key longer than sixteen bytes, folded into one word.
    var middle: UInt64 = 0
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      if count >= 8 {
        head = raw.loadUnaligned(as: UInt64.self)
        if count > 8 { tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) }
        var index = 8
        while index + 8 < count - 8 {
          middle =
            (middle ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xbf58_476d_1ce4_e5b9
          index += 8
        }
        if index < count - 8 {
          middle ^= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        }
      } else if count >= 4 {
        // Two overlapping four-byte loads cover bytes 0..<count.
        let low = UInt64(raw.loadUnaligned(as: UInt32.self))
        let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        head = low | high << (8 * UInt64(count - 4))
      } else if count > 0 {
        head =
          UInt64(base[0]) | UInt64(base[count >> 1]) << (8 * UInt64(count >> 1))
          | UInt64(base[count - 1]) << (8 * UInt64(count - 1))
      }
    }
    // Head and tail are mixed by independent multiplies, so the hash waits on one multiply
    // rather than on a chain of them; tables take their slot from its high bits, which
    // depend on every bit of both words.
    let hash =
      (head &* 0x94d0_49bb_1331_11eb) ^ ((tail ^ middle) &* 0xbf58_476d_1ce4_e5b9)
      ^ (UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15)
    self.head = head
    self.tail = tail
    self.hash = hash
  }
}

/// A hash table from short byte strings (cell contents) to values, probed without
/// allocating: the hot path looks a cell up by its bytes in the read buffer and computes
/// a value (a flag word, a status, an OPD slot) only the first time it sees those bytes.
/// Keys of up to sixteen bytes are compared inside the slot; longer ones also compare
/// their middle bytes with the whole key, kept in an arena.
///
/// Entries beyond `limit` are not stored; their values are computed each time, so a
/// column with millions of distinct values costs time, never unbounded memory.
struct ByteCache<Value> {
  private struct Slot {
    var hash: UInt64 = 0
    var head: UInt64 = 0
    var tail: UInt64 = 0
    /// Where a key longer than sixteen bytes starts in the arena.
    var offset: Int32 = 0
    var length: Int32 = 0
    /// Index into `values`, or -1 when the slot is empty.
    var entry: Int32 = -1
  }

  private var slots: [Slot]
  private var mask: Int
  /// 64 minus the number of bits of a slot index: a key's first slot is `hash >> shift`.
  private var shift: UInt64
  private var arena: [UInt8] = []
  private(set) var values: [Value] = []
  let limit: Int

  init(limit: Int = 1 << 16) {
    self.limit = limit
    slots = Array(repeating: Slot(), count: 64)
    mask = 63
    shift = 58
  }

  var count: Int { values.count }

  /// The index of `key`'s entry, if stored.
  @inline(__always)
  func find(_ key: CellKey) -> Int? {
    slots.withUnsafeBufferPointer { slots in
      var index = Int(truncatingIfNeeded: key.hash >> shift)
      while true {
        let slot = slots[index]
        if slot.entry < 0 { return nil }
        if slot.hash == key.hash && slot.head == key.head && slot.tail == key.tail
          && Int(slot.length) == key.bytes.count && (slot.length <= 16 || middleEquals(slot, key))
        {
          return Int(slot.entry)
        }
        index = (index + 1) & mask
      }
    }
  }

  /// Whether bytes 8..<length-8 of a key longer than sixteen bytes equal the stored key's
  /// (the arena holds the whole key): word by word, the last word overlapping the one
  /// before or the head, whose bytes are known to be equal.
  @inline(__always)
  private func middleEquals(_ slot: Slot, _ key: CellKey) -> Bool {
    guard let keyBase = key.bytes.baseAddress else { return false }
    let length = Int(slot.length)
    return arena.withUnsafeBufferPointer { stored in
      guard let storedBase = stored.baseAddress else { return false }
      let left = UnsafeRawPointer(storedBase + Int(slot.offset))
      let right = UnsafeRawPointer(keyBase)
      var index = 8
      while index + 8 < length - 8 {
        if left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          != right.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        {
          return false
        }
        index += 8
      }
      return left.loadUnaligned(fromByteOffset: length - 16, as: UInt64.self)
        == right.loadUnaligned(fromByteOffset: length - 16, as: UInt64.self)
    }
  }

  /// The value stored for a cell, if any (with ``store(_:_:)``, the closure-free form of
  /// ``value(for:compute:)`` for code the compiler must inline).
  @inline(__always)
  func cached(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    find(CellKey(bytes)).map { values[$0] }
  }

  mutating func store(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
    insert(CellKey(bytes), value: value)
  }

  /// The value stored for `key`, computing and storing it on first sight.
  @inline(__always)
  mutating func value(
    for bytes: UnsafeBufferPointer<UInt8>, compute: (UnsafeBufferPointer<UInt8>) -> Value
  ) -> Value {
    let key = CellKey(bytes)
    if let entry = find(key) { return values[entry] }
    let value = compute(bytes)
    insert(key, value: value)
    return value
  }

  /// Stores a new entry (when under the limit) and returns its index, or nil.
  @discardableResult
  mutating func insert(_ key: CellKey, value: Value) -> Int? {
    let length = key.bytes.count
    guard values.count < limit, length < Int(Int32.max), arena.count < Int(Int32.max) - length else {
      return nil
    }
    if (values.count + 1) * 2 > slots.count { grow() }
    let entry = values.count
    values.append(value)
    var slot = Slot(
      hash: key.hash, head: key.head, tail: key.tail, offset: Int32(arena.count), length: Int32(length),
      entry: Int32(entry))
    if length > 16 { arena.append(contentsOf: key.bytes) }
    var index = Int(truncatingIfNeeded: key.hash >> shift)
    while slots[index].entry >= 0 { index = (index + 1) & mask }
    swap(&slots[index], &slot)
    return entry
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Slot(), count: old.count * 2)
    mask = slots.count - 1
    shift -= 1
    for slot in old where slot.entry >= 0 {
      var index = Int(truncatingIfNeeded: slot.hash >> shift)
      while slots[index].entry >= 0 { index = (index + 1) & mask }
      slots[index] = slot
    }
  }
}
