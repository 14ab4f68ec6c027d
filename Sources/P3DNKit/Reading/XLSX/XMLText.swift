/// Decoding of the text of XML parts: entity and character references, and the `_xHHHH_`
/// escapes of OOXML strings (`ST_Xstring`), into UTF-8 bytes.
enum XMLText {
  /// Appends `raw` to `output` with the five predefined entities and the numeric character
  /// references (`&#233;`, `&#xE9;`) decoded. A reference that is not one of those is
  /// kept as it is.
  static func appendDecoded(_ raw: UnsafeBufferPointer<UInt8>, to output: GrowableBytes) {
    var index = 0
    let count = raw.count
    output.reserve(count)
    while index < count {
      let byte = raw[index]
      guard byte == UInt8(ascii: "&") else {
        output.append(byte)
        index &+= 1
        continue
      }
      var close = index + 1
      while close < count && close - index <= 12 && raw[close] != UInt8(ascii: ";") { close += 1 }
      guard close < count, raw[close] == UInt8(ascii: ";"),
        let decoded = reference(UnsafeBufferPointer(rebasing: raw[(index + 1)..<close]))
      else {
        output.append(byte)
        index &+= 1
        continue
      }
      appendUTF8(decoded, to: output)
      index = close + 1
    }
  }

  /// The code point of the reference `name` (the text between `&` and `;`).
  private static func reference(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
    switch name.count {
    case 2 where name[1] == UInt8(ascii: "t"):
      if name[0] == UInt8(ascii: "l") { return 0x3C }
      if name[0] == UInt8(ascii: "g") { return 0x3E }
    case 3 where name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p"):
      return 0x26
    case 4:
      if equals(name, "quot") { return 0x22 }
      if equals(name, "apos") { return 0x27 }
    default: break
    }
    guard name.count >= 2, name[0] == UInt8(ascii: "#") else { return nil }
    let hex = name[1] == UInt8(ascii: "x")
    let digits = UnsafeBufferPointer(rebasing: name[(hex ? 2 : 1)...])
    guard let value = number(digits, hex: hex), isCharacter(value) else { return nil }
    return value
  }

  /// Replaces the `_xHHHH_` escapes among `output[start...]` by the characters they stand
  /// for (`_x000D_` a carriage return, `_x005F_` an underscore), in place: the decoded
  /// text is never longer. A high and a low surrogate escaped in turn make one character;
  /// a lone surrogate becomes U+FFFD.
  static func decodeEscapes(in output: GrowableBytes, from start: Int) {
    let end = output.count
    guard end - start >= 7, contains(UInt8(ascii: "_"), output.bytes(start, end)) else { return }
    var read = start
    var write = start
    while read < end {
      if let value = escape(in: output, at: read, end: end) {
        read += 7
        var code = value
        if code >= 0xD800 && code < 0xDC00 {
          if let low = escape(in: output, at: read, end: end), low >= 0xDC00 && low < 0xE000 {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            read += 7
          } else {
            code = 0xFFFD
          }
        } else if code >= 0xDC00 && code < 0xE000 {
          code = 0xFFFD
        }
        write += writeUTF8(code, to: output.base + write)
        continue
      }
      output[write] = output[read]
      write += 1
      read += 1
    }
    output.truncate(to: write)
  }

  /// The value of an `_xHHHH_` escape at `index`, if one starts there.
  @inline(__always)
  private static func escape(in bytes: GrowableBytes, at index: Int, end: Int) -> UInt32? {
    guard index + 7 <= end, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
      bytes[index + 6] == UInt8(ascii: "_")
    else { return nil }
    return number(bytes.bytes(index + 2, index + 6), hex: true)
  }

  /// The decimal or hexadecimal number spelled by `digits` (nil when empty, not a number or
  /// past the last code point).
  static func number(_ digits: UnsafeBufferPointer<UInt8>, hex: Bool) -> UInt32? {
    guard !digits.isEmpty && digits.count <= 8 else { return nil }
    var value: UInt32 = 0
    for byte in digits {
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46 where hex: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66 where hex: digit = UInt32(byte - 0x61 + 10)
      default: return nil
      }
      value = value * (hex ? 16 : 10) + digit
      if value > 0x10FFFF { return nil }
    }
    return value
  }

  /// Whether `value` is a code point that a character reference may name.
  private static func isCharacter(_ value: UInt32) -> Bool {
    value != 0 && value <= 0x10FFFF && !(value >= 0xD800 && value < 0xE000)
  }

  static func appendUTF8(_ code: UInt32, to output: GrowableBytes) {
    output.reserve(4)
    output.extendCount(by: writeUTF8(code, to: output.base + output.count))
  }

  /// Writes the UTF-8 form of `code` at `target`; returns its length.
  @inline(__always)
  private static func writeUTF8(_ code: UInt32, to target: UnsafeMutablePointer<UInt8>) -> Int {
    switch code {
    case 0..<0x80:
      target[0] = UInt8(code)
      return 1
    case 0x80..<0x800:
      target[0] = UInt8(0xC0 | (code >> 6))
      target[1] = UInt8(0x80 | (code & 0x3F))
      return 2
    case 0x800..<0x10000:
      target[0] = UInt8(0xE0 | (code >> 12))
      target[1] = UInt8(0x80 | ((code >> 6) & 0x3F))
      target[2] = UInt8(0x80 | (code & 0x3F))
      return 3
    default:
      target[0] = UInt8(0xF0 | (code >> 18))
      target[1] = UInt8(0x80 | ((code >> 12) & 0x3F))
      target[2] = UInt8(0x80 | ((code >> 6) & 0x3F))
      target[3] = UInt8(0x80 | (code & 0x3F))
      return 4
    }
  }

  /// Whether `bytes` are exactly the ASCII `word`.
  @inline(__always)
  static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let pointer = word.utf8Start
    for index in 0..<bytes.count where bytes[index] != pointer[index] { return false }
    return true
  }

  @inline(__always)
  static func contains(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for candidate in bytes where candidate == byte { return true }
    return false
  }
}
