/// Months written `YYYY-MM`.
public enum Months {
  /// The last day of a month, yyyy-mm-dd; nil when `month` is not `YYYY-MM`.
  public static func end(_ month: String) -> String? {
    guard let (year, number) = parse(month) else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][number - 1]
    return "\(month)-\(days)"
  }

  /// Every month from `from` to `to`, both included (empty when `to` is before `from`).
  public static func range(from: String, to: String) -> [String] {
    guard var (year, number) = parse(from), let last = parse(to) else { return [] }
    var months: [String] = []
    while (year, number) <= last && months.count < 1200 {
      months.append(text(year, number))
      number += 1
      if number > 12 {
        number = 1
        year += 1
      }
    }
    return months
  }

  /// The month of a date yyyy-mm-dd.
  public static func of(_ day: String) -> String { String(day.prefix(7)) }

  static func parse(_ month: String) -> (Int, Int)? {
    let parts = month.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
      let number = Int(parts[1]), (1...12).contains(number)
    else { return nil }
    return (year, number)
  }

  static func text(_ year: Int, _ number: Int) -> String {
    "\(year)-" + (number < 10 ? "0\(number)" : "\(number)")
  }
}
