/// A percentage rounded half away from zero to two decimals, kept as hundredths of a
/// percent so it prints exactly (`41.23`, `92.8`, `100`).
public struct Share: Equatable, Comparable, Sendable {
  public let hundredths: Int128

  public init(hundredths: Int128) { self.hundredths = hundredths }

  /// `amount / total × 100`, or nil when total ≤ 0.
  public init?(amount: MoneySum, total: MoneySum) {
    guard total.sen > 0,
      let value = ExactRatio.roundedRatio(amount.sen, times: 10_000, over: total.sen)
    else { return nil }
    hundredths = value
  }

  public static func < (lhs: Share, rhs: Share) -> Bool { lhs.hundredths < rhs.hundredths }

  /// The shortest exact decimal: `41.23`, `92.8`, `100`, `-5.5`.
  public var decimalString: String { decimal(separator: ".") }

  /// With a chosen decimal separator and always two decimals: `41,23`.
  public func fixed(separator: Character) -> String {
    let magnitude = hundredths.magnitude
    let fraction = Int(magnitude % 100)
    return (hundredths < 0 ? "-" : "") + "\(magnitude / 100)\(separator)"
      + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
  }

  private func decimal(separator: Character) -> String {
    let magnitude = hundredths.magnitude
    let whole = magnitude / 100
    let fraction = Int(magnitude % 100)
    let sign = hundredths < 0 ? "-" : ""
    if fraction == 0 { return "\(sign)\(whole)" }
    if fraction % 10 == 0 { return "\(sign)\(whole)\(separator)\(fraction / 10)" }
    return "\(sign)\(whole)\(separator)" + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
  }
}
