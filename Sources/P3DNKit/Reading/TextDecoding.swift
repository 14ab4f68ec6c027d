/// Turns the bytes of a cell into text, losslessly, in the file's encoding.
public enum TextDecoding {
  /// Windows-1252 code points for bytes 0x80–0x9F; the five bytes the code page leaves
  /// undefined map to the C1 control with the same number, so decoding never fails.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// Decodes `bytes`. UTF-8 input that is not valid UTF-8 is read as Windows-1252.
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding)
    -> String
  {
    if encoding == .utf8 || isASCII(bytes) {
      if let text = String(validating: bytes, as: UTF8.self) { return text }
    }
    return decodeWindows1252(bytes)
  }

  public static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      let value: UInt32 =
        byte >= 0x80 && byte <= 0x9F ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
      if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
    }
    return String(scalars)
  }

  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in bytes where byte >= 0x80 { return false }
    return true
  }

  /// Whether `bytes` are valid UTF-8, allowing a sequence cut off at the very end when
  /// `mayBeTruncated` (a sample taken from the start of a longer file).
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, mayBeTruncated: Bool) -> Bool {
    var end = bytes.count
    if mayBeTruncated {
      // Drop an incomplete trailing sequence (at most 3 bytes).
      var back = 0
      while back < 3 && back < end && bytes[end - 1 - back] & 0xC0 == 0x80 { back += 1 }
      if back < end && bytes[end - 1 - back] >= 0xC0 { end -= back + 1 }
    }
    return String(validating: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
      != nil
  }
}
