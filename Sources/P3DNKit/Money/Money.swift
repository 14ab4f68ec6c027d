/// An exact amount of money in sen (1/100 rupiah).
///
/// A line's amount has at most ``maximumRupiahDigits`` digits before the decimal point,
/// so sums of billions of lines stay within the 128 bits of ``MoneySum``.
public struct Money: Hashable, Comparable, Sendable {
  public var sen: Int128

  /// Amounts up to 10^27 − 1 rupiah are read; longer numbers are `bad-amount`.
  public static let maximumRupiahDigits = 27

  public init(sen: Int128) { self.sen = sen }

  public static let zero = Money(sen: 0)

  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.sen < rhs.sen }

  /// `"1336777027.98"`, `"-1500.00"`: the decimal form used in JSON and CSV output.
  public var decimalString: String { MoneySum(self).decimalString }
}

/// A 128-bit sum of sen: exact far beyond 2^63 sen.
public struct MoneySum: Hashable, Comparable, Sendable, Codable {
  public var sen: Int128

  /// Stored as the decimal text of its sen (128 bits do not fit a JSON number).
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let sen = Int128(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "sen \(text)"))
    }
    self.sen = sen
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(String(sen))
  }

  public init(sen: Int128 = 0) { self.sen = sen }
  public init(_ money: Money) { self.sen = money.sen }

  public static let zero = MoneySum()

  public static func < (lhs: MoneySum, rhs: MoneySum) -> Bool { lhs.sen < rhs.sen }

  public static func + (lhs: MoneySum, rhs: MoneySum) -> MoneySum {
    MoneySum(sen: lhs.sen + rhs.sen)
  }

  public static func += (lhs: inout MoneySum, rhs: MoneySum) { lhs.sen += rhs.sen }
  public static func += (lhs: inout MoneySum, rhs: Money) { lhs.sen += rhs.sen }

  public static func - (lhs: MoneySum, rhs: MoneySum) -> MoneySum {
    MoneySum(sen: lhs.sen - rhs.sen)
  }

  /// `"1336777027.98"`, `"-1500.00"`.
  public var decimalString: String {
    let negative = sen < 0
    let magnitude = sen.magnitude
    let rupiah = magnitude / 100
    let cents = Int(magnitude % 100)
    let fraction = cents < 10 ? "0\(cents)" : "\(cents)"
    return (negative ? "-" : "") + "\(rupiah).\(fraction)"
  }

  /// Whole rupiah and sen with Indonesian grouping: `Rp 1.234.567`, `Rp 1.234.567,50`,
  /// `-Rp 1.000`.
  public var rupiahString: String {
    let negative = sen < 0
    let magnitude = sen.magnitude
    let rupiah = String(magnitude / 100)
    let cents = Int(magnitude % 100)
    var grouped = ""
    for (index, digit) in rupiah.enumerated() {
      if index > 0 && (rupiah.count - index) % 3 == 0 { grouped.append(".") }
      grouped.append(digit)
    }
    let fraction = cents == 0 ? "" : (cents < 10 ? ",0\(cents)" : ",\(cents)")
    return (negative ? "-" : "") + "Rp " + grouped + fraction
  }
}
