/// Date serial numbers as `yyyy-mm-dd` text, with ` hh:mm:ss` when the time of day,
/// rounded to the second, is not midnight; read from the number's literal exactly.
///
/// In the 1900 date system serial 1 is 1900-01-01 and Excel's fictitious 1900-02-29 is
/// serial 60, so serial 61 is 1900-03-01 (serial 0, and the time-only values below 1, fall
/// on 1899-12-31). In the 1904 date system (`<workbookPr date1904="1"/>`) serial 0 is
/// 1904-01-01. A serial that is negative, past 9999-12-31, or not a number is not a date.
enum XLSXSerialDate {
  /// Days from 1970-01-01 back to the day before serial 1 of the 1900 system (1899-12-31),
  /// to 1899-12-30 (serials from 61 on, past the fictitious leap day), and to serial 0 of
  /// the 1904 system.
  private static let epoch1900 = -25_568
  private static let epoch1900AfterLeapDay = -25_569
  private static let epoch1904 = -24_107
  /// 9999-12-31 in days from 1970-01-01.
  private static let lastDay = 2_932_896

  /// Appends the date text of the serial `literal` to `output`; false (nothing appended)
  /// when it is not a date.
  static func append(_ literal: UnsafeBufferPointer<UInt8>, date1904: Bool, to output: GrowableBytes) -> Bool
  {
    guard let number = XLSXDecimalLiteral(literal), let (serial, seconds) = dayAndSecond(number) else {
      return false
    }
    let day: Int
    if date1904 {
      day = serial + epoch1904
    } else if serial == 60 {
      appendDate(year: 1900, month: 2, day: 29, to: output)
      appendTime(seconds, to: output)
      return true
    } else {
      day = serial + (serial < 60 ? epoch1900 : epoch1900AfterLeapDay)
    }
    guard day <= lastDay else { return false }
    let (year, month, dayOfMonth) = civil(fromDays: day)
    appendDate(year: year, month: month, day: dayOfMonth, to: output)
    appendTime(seconds, to: output)
    return true
  }

  /// The date text of a serial literal (for tests and small uses).
  static func text(_ serial: String, date1904: Bool = false) -> String? {
    let output = GrowableBytes(capacity: 32)
    var serial = serial
    let isDate = serial.withUTF8 { append($0, date1904: date1904, to: output) }
    return isDate ? String(decoding: output.bytes(0, output.count), as: UTF8.self) : nil
  }

  /// The whole days of a non-negative serial and the second of the day, rounded (half up)
  /// from its fraction; a fraction that rounds to the next midnight moves to the next day.
  private static func dayAndSecond(_ number: XLSXDecimalLiteral) -> (Int, Int)? {
    var first = 0
    while first < number.pointIndex && number.digit(first) == UInt8(ascii: "0") { first += 1 }
    // Past 8 integer digits a serial is no date (9999-12-31 is 2958465).
    guard number.pointIndex - first <= 8 else { return nil }
    var days = 0
    if first < number.pointIndex {
      for index in first..<number.pointIndex {
        days = days * 10 + Int(number.digit(index) - UInt8(ascii: "0"))
      }
    }
    // The fraction, to 30 digits: numerator / 10^digits of a day.
    var numerator: UInt128 = 0
    var denominator: UInt128 = 1
    var index = number.pointIndex
    while index < number.digitCount && index - number.pointIndex < 30 {
      numerator = numerator * 10 + UInt128(number.digit(index) - UInt8(ascii: "0"))
      denominator *= 10
      index += 1
    }
    var seconds = Int((numerator * 86_400 * 2 + denominator) / (denominator * 2))
    if number.negative && (days > 0 || seconds > 0) { return nil }
    if seconds >= 86_400 {
      days += 1
      seconds -= 86_400
    }
    return (days, seconds)
  }

  /// The proleptic Gregorian date of `days` from 1970-01-01 (H. Hinnant's `civil_from_days`).
  private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  private static func appendDate(year: Int, month: Int, day: Int, to output: GrowableBytes) {
    appendDigits(year, count: 4, to: output)
    output.append(UInt8(ascii: "-"))
    appendDigits(month, count: 2, to: output)
    output.append(UInt8(ascii: "-"))
    appendDigits(day, count: 2, to: output)
  }

  private static func appendTime(_ seconds: Int, to output: GrowableBytes) {
    guard seconds > 0 else { return }
    output.append(UInt8(ascii: " "))
    appendDigits(seconds / 3600, count: 2, to: output)
    output.append(UInt8(ascii: ":"))
    appendDigits(seconds / 60 % 60, count: 2, to: output)
    output.append(UInt8(ascii: ":"))
    appendDigits(seconds % 60, count: 2, to: output)
  }

  @inline(__always)
  private static func appendDigits(_ value: Int, count: Int, to output: GrowableBytes) {
    var divisor = 1
    for _ in 1..<count { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      output.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
      rest %= divisor
      divisor /= 10
    }
  }
}
