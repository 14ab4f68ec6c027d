/// Which number formats of a workbook show dates, so that their serial numbers are read as
/// dates.
enum XLSXNumberFormat {
  /// Whether the built-in format `id` shows a date or a time: 14–22 (the Western dates and
  /// times), 27–36 and 50–58 (the East Asian ones), 45 and 47 (minutes and seconds). Not
  /// 46, which is `[h]:mm:ss`: an elapsed time, a duration like any `[h]` format below.
  static func isBuiltInDate(_ id: Int) -> Bool {
    (14...22).contains(id) || (27...36).contains(id) || id == 45 || id == 47 || (50...58).contains(id)
  }

  /// Whether the format code `code` shows a date or a time: it has a `y`, `d`, `h` or `s`
  /// token (either case) outside quoted text, `\`-escaped characters, the `_x` and `*x`
  /// fillers, and brackets (`[Red]`, `[$-421]`, `[>100]` do not count). An elapsed-time
  /// bracket (`[h]`, `[mm]`, `[ss]`) makes it a duration, which is not a date.
  static func isDate(formatCode code: String) -> Bool {
    var found = false
    var bytes = code.utf8.makeIterator()
    while let byte = bytes.next() {
      switch byte {
      case UInt8(ascii: "\""):
        while let quoted = bytes.next(), quoted != UInt8(ascii: "\"") {}
      case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
        _ = bytes.next()
      case UInt8(ascii: "["):
        var content: [UInt8] = []
        while let inner = bytes.next(), inner != UInt8(ascii: "]") {
          content.append(ByteText.lowercase(inner))
        }
        if let letter = content.first,
          letter == UInt8(ascii: "h") || letter == UInt8(ascii: "m")
            || letter == UInt8(ascii: "s"), content.allSatisfy({ $0 == letter })
        {
          return false
        }
      default:
        switch ByteText.lowercase(byte) {
        case UInt8(ascii: "y"), UInt8(ascii: "d"), UInt8(ascii: "h"), UInt8(ascii: "s"): found = true
        default: break
        }
      }
    }
    return found
  }
}
