/// A share as people read it next to a rule's status, never on the wrong side of the
/// rule's minimum.
///
/// Two decimals, rounded half away from zero, as ``Share``: `41,23`. When those two
/// decimals would put the share on the other side of a minimum than the exact ratio —
/// Rp 399.999,99 / Rp 1.000.000 is 39,999999% and fails a 40% rule, but rounds to
/// `40,00` — decimals are added one at a time, up to six: `39,999999`. When six are not
/// enough, the text is the bound itself: `<40,00` (the exact share is below the minimum)
/// or `≥40,0000001` (it reaches it). The exact comparison is the one of a rule check,
/// `amount × 100 ≥ min × total`, in integers; no floating point touches money.
///
/// A share with no minimum, or one that already sits on the right side, stays at two
/// decimals; a total ≤ 0 gives `-`.
public enum ShareText {
  /// The most decimals a share is written with before it is written as a bound.
  public static let maximumDecimals = 6

  /// `amount / total × 100` with `separator` before the decimals (`,` Indonesian, `.`
  /// English), checked against one rule's minimum (nil: none).
  public static func text(
    amount: MoneySum, total: MoneySum, minimum: Percentage?, separator: Character
  ) -> String {
    text(amount: amount, total: total, minimums: minimum.map { [$0] } ?? [], separator: separator)
  }

  /// The same, checked against every minimum of `minimums` (the rules of one column).
  public static func text(
    amount: MoneySum, total: MoneySum, minimums: [Percentage], separator: Character
  ) -> String {
    guard total.sen > 0 else { return "-" }
    for decimals in 2...maximumDecimals {
      guard let rounded = rounded(amount, total, decimals: decimals) else { return "-" }
      let misleading = minimums.first { minimum in
        reaches(amount: amount, total: total, minimum) != reaches(rounded, decimals: decimals, minimum)
      }
      if misleading == nil { return fixed(rounded, decimals: decimals, separator: separator) }
      if decimals == maximumDecimals, let minimum = misleading {
        let below = !reaches(amount: amount, total: total, minimum)
        return (below ? "<" : "≥") + bound(minimum, separator: separator)
      }
    }
    return "-"
  }

  /// 100 × 10^9: a percentage × 100, with the minimum scaled by 10^9.
  private static let scaledHundred = Int128(100) * Int128(Percentage.scale)

  /// Whether the exact share reaches the minimum: `amount × 100 ≥ min × total`.
  static func reaches(amount: MoneySum, total: MoneySum, _ minimum: Percentage) -> Bool {
    ExactRatio.compareProducts(amount.sen, scaledHundred, Int128(minimum.scaled), total.sen) >= 0
  }

  /// Whether a share written with `decimals` decimals (`value` × 10^-decimals percent)
  /// reaches the minimum: `value × 10^9 ≥ min × 10^decimals`.
  static func reaches(_ value: Int128, decimals: Int, _ minimum: Percentage) -> Bool {
    ExactRatio.compareProducts(value, Int128(Percentage.scale), Int128(minimum.scaled), power(decimals)) >= 0
  }

  /// The share in units of 10^-decimals percent, rounded half away from zero.
  static func rounded(_ amount: MoneySum, _ total: MoneySum, decimals: Int) -> Int128? {
    ExactRatio.roundedRatio(amount.sen, times: 100 * power(decimals), over: total.sen)
  }

  private static func power(_ exponent: Int) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  private static func fixed(_ value: Int128, decimals: Int, separator: Character) -> String {
    let magnitude = value.magnitude
    let scale = UInt128(power(decimals))
    let fraction = String(magnitude % scale)
    return (value < 0 ? "-" : "") + "\(magnitude / scale)\(separator)"
      + String(repeating: "0", count: decimals - fraction.count) + fraction
  }

  /// A minimum with at least two decimals: `40,00`, `40,004`.
  private static func bound(_ minimum: Percentage, separator: Character) -> String {
    let whole = minimum.scaled / Percentage.scale
    var digits = String(minimum.scaled % Percentage.scale)
    digits = String(repeating: "0", count: 9 - digits.count) + digits
    while digits.count > 2 && digits.hasSuffix("0") { digits.removeLast() }
    return "\(whole)\(separator)\(digits)"
  }
}
