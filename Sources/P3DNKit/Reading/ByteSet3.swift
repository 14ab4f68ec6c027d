/// Three bytes searched for together, sixteen at a time (one vector compare per byte and
/// lane), for the delimiter, quote and line-break search of the CSV scanner. The patterns
/// are built once per scanner, not once per search.
struct ByteSet3 {
  let a: UInt8
  let b: UInt8
  let c: UInt8
  private let vectorA: SIMD16<UInt8>
  private let vectorB: SIMD16<UInt8>
  private let vectorC: SIMD16<UInt8>

  init(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
    self.a = a
    self.b = b
    self.c = c
    vectorA = SIMD16(repeating: a)
    vectorB = SIMD16(repeating: b)
    vectorC = SIMD16(repeating: c)
  }

  /// The index of the first byte in `from..<end` equal to `a`, `b` or `c`, or `end`.
  @inline(__always)
  func first(in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
    var index = from
    if let base = buffer.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 16 <= end {
        let bytes = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
        let found = (bytes .== vectorA) .| (bytes .== vectorB) .| (bytes .== vectorC)
        // Each matching lane is 0xFF: the first one is the lowest set byte of the halves.
        let halves = unsafeBitCast(found, to: SIMD2<UInt64>.self)
        if halves[0] != 0 { return index + halves[0].trailingZeroBitCount >> 3 }
        if halves[1] != 0 { return index + 8 + halves[1].trailingZeroBitCount >> 3 }
        index += 16
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
