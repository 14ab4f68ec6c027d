/// Reads the dates real exports carry, for the fiscal year of a line (CONTRACT §4.1).
public enum DateReader {
  /// A calendar date.
  public struct Day: Equatable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// `2025-03-12`.
    public var isoText: String {
      func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
      return "\(year)-\(two(month))-\(two(day))"
    }
  }

  private static let months: [String: Int] = [
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
  ]

  /// `yyyy-mm-dd`, `dd/mm/yyyy`, `dd-mm-yyyy` (day and month may have one digit) or
  /// `d Month yyyy` with an Indonesian month name, optionally followed by a time of day
  /// (`22:31`, `22:31:51`, `00:00:00.000000Z`, `10:00+08:00`; after a space, or a `T` for
  /// `yyyy-mm-dd`). Nil when the text is none of these or not a real calendar date.
  public static func parse(_ text: String) -> Day? {
    let trimmed = text.trimmingWhitespace()
    let bytes = Array(trimmed.utf8)
    // yyyy-mm-dd
    if bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = number(bytes[0..<4]), let month = number(bytes[5..<7]),
      let day = number(bytes[8..<10])
    {
      guard bytes.count == 10 || isTime(bytes[10...], allowT: true) else { return nil }
      return valid(year, month, day)
    }
    // dd/mm/yyyy, dd-mm-yyyy, d/m/yyyy
    if let first = bytes.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") }),
      (1...2).contains(first)
    {
      let separator = bytes[first]
      guard let second = bytes[(first + 1)...].firstIndex(of: separator),
        (1...2).contains(second - first - 1), bytes.count >= second + 5,
        let day = number(bytes[0..<first]), let month = number(bytes[(first + 1)..<second]),
        let year = number(bytes[(second + 1)..<(second + 5)])
      else { return nil }
      let rest = bytes[(second + 5)...]
      guard rest.isEmpty || isTime(rest, allowT: false) else { return nil }
      return valid(year, month, day)
    }
    // 12 Maret 2025
    let parts = trimmed.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
    if parts.count >= 3, parts[0].count <= 2, let day = Int(parts[0]),
      let month = months[parts[1].lowercased()], parts[2].count == 4, let year = Int(parts[2])
    {
      if parts.count == 4 {
        guard isTime(ArraySlice(Array(" ".utf8) + Array(parts[3].utf8)), allowT: false) else { return nil }
      }
      return valid(year, month, day)
    }
    return nil
  }

  /// A time of day after a date: a space (or `T`), `hh:mm`, optional `:ss` and fraction,
  /// optional `Z` or a `±hh:mm` / `±hhmm` offset.
  private static func isTime(_ rest: ArraySlice<UInt8>, allowT: Bool) -> Bool {
    var bytes = Array(rest)
    guard let lead = bytes.first, lead == UInt8(ascii: " ") || (allowT && lead == UInt8(ascii: "T")) else {
      return false
    }
    bytes.removeFirst()
    while bytes.first == UInt8(ascii: " ") { bytes.removeFirst() }
    // Offset or Z at the end.
    if bytes.last == UInt8(ascii: "Z") {
      bytes.removeLast()
    } else if bytes.count > 5,
      let sign = bytes.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") })
    {
      let offset = Array(bytes[(sign + 1)...]).filter { $0 != UInt8(ascii: ":") }
      guard offset.count == 4, let hours = number(offset[0..<2]), let minutes = number(offset[2..<4]),
        hours <= 14, minutes <= 59
      else { return false }
      bytes.removeSubrange(sign...)
    }
    guard bytes.count >= 5, bytes[2] == UInt8(ascii: ":"), let hours = number(bytes[0..<2]),
      let minutes = number(bytes[3..<5]), hours <= 23, minutes <= 59
    else { return false }
    if bytes.count == 5 { return true }
    guard bytes.count >= 8, bytes[5] == UInt8(ascii: ":"), let seconds = number(bytes[6..<8]), seconds <= 60
    else { return false }
    if bytes.count == 8 { return true }
    return bytes[8] == UInt8(ascii: ".") && bytes.count > 9
      && bytes[9...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  private static func number(_ slice: ArraySlice<UInt8>) -> Int? {
    guard !slice.isEmpty, slice.count <= 9 else { return nil }
    var value = 0
    for byte in slice {
      guard byte >= 0x30 && byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  private static func valid(_ year: Int, _ month: Int, _ day: Int) -> Day? {
    guard year >= 1, (1...12).contains(month), day >= 1, day <= length(of: month, in: year) else {
      return nil
    }
    return Day(year: year, month: month, day: day)
  }

  @inline(__always)
  private static func length(of month: Int, in year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// What ``parse(_:)`` says about a trimmed cell of exactly ten bytes in the form
  /// `yyyy-mm-dd`, `dd/mm/yyyy` or `dd-mm-yyyy` with every digit present: `.some(year)`
  /// for a real date, `.some(nil)` for an impossible one; nil when the cell has another
  /// form (then ask ``parse(_:)``).
  @inline(__always)
  static func fastYear(_ cell: UnsafeBufferPointer<UInt8>) -> Int?? {
    guard cell.count == 10 else { return nil }
    @inline(__always) func digit(_ index: Int) -> Int? {
      let value = cell[index] &- 0x30
      return value < 10 ? Int(value) : nil
    }
    @inline(__always) func pair(_ index: Int) -> Int? {
      guard let high = digit(index), let low = digit(index + 1) else { return nil }
      return high * 10 + low
    }
    let year: Int
    let month: Int
    let day: Int
    if cell[4] == UInt8(ascii: "-") && cell[7] == UInt8(ascii: "-") {
      guard let century = pair(0), let decade = pair(2), let m = pair(5), let d = pair(8) else {
        return nil
      }
      (year, month, day) = (century * 100 + decade, m, d)
    } else if (cell[2] == UInt8(ascii: "/") || cell[2] == UInt8(ascii: "-")) && cell[5] == cell[2] {
      guard let d = pair(0), let m = pair(3), let century = pair(6), let decade = pair(8) else {
        return nil
      }
      (year, month, day) = (century * 100 + decade, m, d)
    } else {
      return nil
    }
    return .some(valid(year, month, day)?.year)
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
