/// Reads the dates real exports carry, for the fiscal year of a line (CONTRACT §4.1).
public enum DateReader {
  /// A calendar date.
  public struct Day: Equatable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int
  }

  private static let months: [String: Int] = [
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
  ]

  /// `yyyy-mm-dd` (a time may follow, after a space or `T`), `dd/mm/yyyy`, `dd-mm-yyyy`,
  /// or `d Month yyyy` with an Indonesian month name. Nil when the text is none of
  /// these or not a real calendar date.
  public static func parse(_ text: String) -> Day? {
    let trimmed = text.trimmingWhitespace()
    let bytes = Array(trimmed.utf8)
    if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = number(bytes[0..<4]), let month = number(bytes[5..<7]),
      let day = number(bytes[8..<10])
    {
      guard bytes.count == 10 || bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T")
      else { return nil }
      return valid(year, month, day)
    }
    if bytes.count >= 10, bytes[2] == bytes[5],
      bytes[2] == UInt8(ascii: "/") || bytes[2] == UInt8(ascii: "-"),
      let day = number(bytes[0..<2]), let month = number(bytes[3..<5]),
      let year = number(bytes[6..<10])
    {
      guard bytes.count == 10 || bytes[10] == UInt8(ascii: " ") else { return nil }
      return valid(year, month, day)
    }
    // `12 Maret 2025`.
    let parts = trimmed.split(whereSeparator: { $0.isWhitespace })
    if parts.count == 3, let day = Int(parts[0]), parts[0].count <= 2,
      let month = months[parts[1].lowercased()], parts[2].count == 4, let year = Int(parts[2])
    {
      return valid(year, month, day)
    }
    return nil
  }

  private static func number(_ slice: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in slice {
      guard byte >= 0x30 && byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  private static func valid(_ year: Int, _ month: Int, _ day: Int) -> Day? {
    guard year >= 1, (1...12).contains(month), day >= 1 else { return nil }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day <= lengths[month - 1] else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// A `tahun_anggaran` cell when it is exactly four digits.
  public static func fiscalYear(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
    let trimmed = ByteText.trimmed(cell)
    guard trimmed.count == 4 else { return nil }
    var value = 0
    for byte in trimmed {
      guard byte >= 0x30 && byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }
}
