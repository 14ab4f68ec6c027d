/// Small helpers over raw bytes, used on the hot path instead of `String`.
enum ByteText {
  /// Whether `bytes` equal the ASCII `word` ignoring case (`word` must be lowercase).
  static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString)
    -> Bool
  {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let pointer = word.utf8Start
    for index in 0..<bytes.count where lowercase(bytes[index]) != pointer[index] {
      return false
    }
    return true
  }

  @inline(__always)
  static func lowercase(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
  }

  /// The range of `bytes` without leading and trailing ASCII white space.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end && isSpace(bytes[start]) { start += 1 }
    while end > start && isSpace(bytes[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }
}
