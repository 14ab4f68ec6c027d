/// Exact comparisons and roundings on 128-bit sums, with full-width products so that
/// `amount × 100 ≥ min × total` never overflows.
enum ExactRatio {
  /// Compares `a × b` with `c × d` exactly.
  static func compareProducts(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int {
    let left = a.multipliedFullWidth(by: b)
    let right = c.multipliedFullWidth(by: d)
    if left.high != right.high { return left.high < right.high ? -1 : 1 }
    if left.low != right.low { return left.low < right.low ? -1 : 1 }
    return 0
  }

  /// `numerator / denominator` rounded half away from zero, for a positive denominator.
  /// Returns nil when the quotient does not fit.
  static func roundedQuotient(_ numerator: Int128, _ denominator: Int128) -> Int128? {
    guard denominator > 0 else { return nil }
    let magnitude = numerator.magnitude
    let divisor = denominator.magnitude
    let quotient = magnitude / divisor
    let remainder = magnitude % divisor
    let rounded = remainder >= divisor - remainder ? quotient + 1 : quotient
    guard rounded <= UInt128(Int128.max) else { return nil }
    return numerator < 0 ? -Int128(rounded) : Int128(rounded)
  }

  /// The smallest integer `x` with `x × divisor ≥ dividend` (a ceiling division) for a
  /// positive divisor, computed on a full-width dividend.
  static func ceilingQuotient(high: Int128, low: UInt128, divisor: Int128) -> Int128? {
    guard divisor > 0 else { return nil }
    // Only dividends that fit in Int128 are supported; money sums stay far below that.
    let fitsPositive = high == 0 && low <= UInt128(Int128.max)
    let fitsNegative = high == -1 && low > UInt128(Int128.max)
    guard fitsPositive || fitsNegative else { return nil }
    let dividend = Int128(truncatingIfNeeded: low)
    let quotient = dividend / divisor
    let remainder = dividend % divisor
    return remainder > 0 ? quotient + 1 : quotient
  }
}
