/// Finds bytes eight at a time (SWAR: a 64-bit word as eight lanes), for the delimiter
/// and line-break search of the CSV scanner.
enum ByteSearch {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// A word whose high bit is set in each lane equal to `byte`'s lane in `pattern`; the
  /// lowest set lane is always exact (higher ones may be false after a match).
  @inline(__always)
  private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
    let x = word ^ pattern
    return (x &- ones) & ~x & highs
  }

  /// The index of the first byte in `from..<end` equal to `a`, `b` or `c`, or `end`.
  @inline(__always)
  static func first(
    of a: UInt8, _ b: UInt8, _ c: UInt8, in buffer: UnsafeMutableBufferPointer<UInt8>, from: Int, end: Int
  ) -> Int {
    var index = from
    if let base = buffer.baseAddress {
      let pa = ones &* UInt64(a)
      let pb = ones &* UInt64(b)
      let pc = ones &* UInt64(c)
      let raw = UnsafeRawPointer(base)
      while index + 8 <= end {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let found = matches(word, pa) | matches(word, pb) | matches(word, pc)
        if found != 0 { return index + found.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < end {
      let byte = buffer[index]
      if byte == a || byte == b || byte == c { return index }
      index += 1
    }
    return end
  }
}

/// The fields of the current record: a growable list of spans without the reference
/// counting of an array on the hot path. Its owner deallocates it.
struct FieldList {
  private(set) var base: UnsafeMutablePointer<FieldSpan>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int = 64) {
    self.capacity = max(capacity, 4)
    base = .allocate(capacity: self.capacity)
  }

  func deallocate() { base.deallocate() }

  @inline(__always)
  mutating func removeAll() { count = 0 }

  @inline(__always)
  mutating func append(_ field: FieldSpan) {
    if count == capacity { grow() }
    (base + count).initialize(to: field)
    count += 1
  }

  @inline(__always)
  subscript(index: Int) -> FieldSpan {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }

  private mutating func grow() {
    let larger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = larger
    capacity *= 2
  }
}
