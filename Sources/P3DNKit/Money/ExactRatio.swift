/// Exact comparisons and divisions on 128-bit sums, with full-width (256-bit) products, so
/// that `amount × 100 ≥ min × total` and the shares never overflow or round early.
enum ExactRatio {
  /// An unsigned 256-bit number as two 128-bit halves.
  struct Wide: Equatable {
    var high: UInt128
    var low: UInt128

    static func product(_ a: UInt128, _ b: UInt128) -> Wide {
      let result = a.multipliedFullWidth(by: b)
      return Wide(high: result.high, low: result.low)
    }

    /// Division by a non-zero 128-bit divisor, bit by bit.
    func divided(by divisor: UInt128) -> (quotient: Wide, remainder: UInt128) {
      var quotient = Wide(high: 0, low: 0)
      var remainder: UInt128 = 0
      for bit in stride(from: 255, through: 0, by: -1) {
        let carry = remainder >> 127
        remainder = remainder << 1 | self.bit(bit)
        quotient.shiftLeftOne()
        if carry != 0 || remainder >= divisor {
          remainder = remainder &- divisor
          quotient.low |= 1
        }
      }
      return (quotient, remainder)
    }

    private func bit(_ index: Int) -> UInt128 {
      index >= 128 ? (high >> (index - 128)) & 1 : (low >> index) & 1
    }

    private mutating func shiftLeftOne() {
      high = high << 1 | low >> 127
      low <<= 1
    }

    /// The value when it fits in 127 bits.
    var int128: Int128? {
      high == 0 && low <= UInt128(Int128.max) ? Int128(low) : nil
    }
  }

  /// Compares `a × b` with `c × d` exactly.
  static func compareProducts(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int {
    let left = a.multipliedFullWidth(by: b)
    let right = c.multipliedFullWidth(by: d)
    if left.high != right.high { return left.high < right.high ? -1 : 1 }
    if left.low != right.low { return left.low < right.low ? -1 : 1 }
    return 0
  }

  /// `numerator × factor / denominator` rounded half away from zero, for a positive
  /// denominator and factor; nil when the result does not fit.
  static func roundedRatio(_ numerator: Int128, times factor: Int128, over denominator: Int128) -> Int128? {
    guard denominator > 0, factor > 0 else { return nil }
    let divisor = denominator.magnitude
    let (quotient, remainder) = Wide.product(numerator.magnitude, factor.magnitude).divided(by: divisor)
    guard var magnitude = quotient.int128 else { return nil }
    if remainder >= divisor - remainder {
      guard magnitude < Int128.max else { return nil }
      magnitude += 1
    }
    return numerator < 0 ? -magnitude : magnitude
  }

  /// The smallest integer `x` with `x × divisor ≥ a × b`, for non-negative `a`, `b` and a
  /// positive divisor; nil when it does not fit.
  static func ceilingOfProduct(_ a: Int128, _ b: Int128, over divisor: Int128) -> Int128? {
    guard a >= 0, b >= 0, divisor > 0 else { return nil }
    let (quotient, remainder) = Wide.product(a.magnitude, b.magnitude).divided(by: divisor.magnitude)
    guard let value = quotient.int128 else { return nil }
    return remainder > 0 ? value + 1 : value
  }
}
