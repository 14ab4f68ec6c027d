/// An exact decimal percentage such as a TKDN or BMP value: `45`, `45,5`, `45.5%`.
public struct Percentage: Equatable, Comparable, Sendable {
  /// The value × 10^9.
  public let scaled: Int64

  public static let scale: Int64 = 1_000_000_000

  public init(scaled: Int64) { self.scaled = scaled }

  public init(whole: Int64) { self.scaled = whole * Self.scale }

  public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.scaled < rhs.scaled }

  public static func + (lhs: Percentage, rhs: Percentage) -> Percentage {
    Percentage(scaled: lhs.scaled + rhs.scaled)
  }

  /// Reads `45`, `45,5`, `45.5`, `45.5 %`; nil for anything else (more than 9 decimals,
  /// grouping, signs, words).
  public static func parse(_ text: String) -> Percentage? {
    var body = text.trimmingWhitespace()
    if body.hasSuffix("%") { body = String(body.dropLast()).trimmingWhitespace() }
    guard !body.isEmpty else { return nil }
    var whole: Int64 = 0
    var fraction: Int64 = 0
    var fractionDigits = 0
    var seenSeparator = false
    var digits = 0
    for scalar in body.unicodeScalars {
      if scalar == "," || scalar == "." {
        guard !seenSeparator, digits > 0 else { return nil }
        seenSeparator = true
        continue
      }
      guard let value = scalar.properties.numericType == .decimal ? Int64(String(scalar)) : nil,
        scalar.isASCII
      else { return nil }
      if seenSeparator {
        fractionDigits += 1
        guard fractionDigits <= 9 else { return nil }
        fraction = fraction * 10 + value
      } else {
        digits += 1
        guard digits <= 6 else { return nil }
        whole = whole * 10 + value
      }
    }
    if seenSeparator && fractionDigits == 0 { return nil }
    var scaledFraction = fraction
    for _ in fractionDigits..<9 { scaledFraction *= 10 }
    return Percentage(scaled: whole * scale + scaledFraction)
  }

  /// `40`, `92.5`: the shortest decimal form.
  public var description: String {
    let whole = scaled / Self.scale
    var fraction = scaled % Self.scale
    if fraction == 0 { return "\(whole)" }
    var digits = String(fraction)
    digits = String(repeating: "0", count: 9 - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    fraction = 0
    return "\(whole).\(digits)"
  }
}
