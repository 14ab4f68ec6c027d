/// Spreadsheet numbers as plain decimal text, converted from their stored literal exactly,
/// digit by digit and never through a binary float: `1336777027.98` stays, `1.5E+3` is
/// `1500`, `2.5e-3` is `0.0025`, `-0` is `0`, `1E+20` is `100000000000000000000`.
///
/// Amounts are parsed later from this text, so a sen is never lost to rounding. Leading
/// zeros of the integer part and trailing zeros of the fraction are dropped (`007.50` is
/// `7.5`), as the literal's value is what counts.
///
/// A spreadsheet keeps 15 significant digits; a writer that prints the binary double in
/// full leaves noise beyond them (`9668105.039999999` for 9668105,04). A number with a
/// fraction and more than 15 significant digits is therefore rounded, half away from zero,
/// to 15 significant digits — never into its integer part: `9668105.04`. Integers are kept
/// whole whatever their length (an NPWP or a code stored as a number).
enum XLSXNumberText {
  /// The significant digits of a spreadsheet number.
  static let significantDigits = 15

  /// Appends the plain decimal form of `literal` to `output`; a literal that is not a
  /// decimal number is appended as it is.
  static func append(_ literal: UnsafeBufferPointer<UInt8>, to output: GrowableBytes) {
    // A plain literal of at most 16 bytes has at most 15 digits: nothing to round.
    if literal.count <= significantDigits + 1 && isPlain(literal) {
      output.append(literal)
      return
    }
    guard let number = XLSXDecimalLiteral(literal) else {
      output.append(literal)
      return
    }
    var first = 0
    while first < number.digitCount && number.digit(first) == UInt8(ascii: "0") { first += 1 }
    guard first < number.digitCount else {
      output.append(UInt8(ascii: "0"))
      return
    }
    var last = number.digitCount - 1
    while number.digit(last) == UInt8(ascii: "0") { last -= 1 }
    let point = number.pointIndex
    if last >= point && last - first + 1 > significantDigits {
      appendRounded(number, first: first, point: point, to: output)
      return
    }
    output.reserve(max(point, 0) - first + max(last - point, 0) + 4)
    if number.negative { output.append(UInt8(ascii: "-")) }
    if point > first {
      for index in first..<point { output.append(number.digit(index)) }
    } else {
      output.append(UInt8(ascii: "0"))
    }
    if last >= point {
      output.append(UInt8(ascii: "."))
      for index in point...last { output.append(number.digit(index)) }
    }
  }

  /// The digits `first...` rounded after the 15th significant digit (or at the point, when
  /// the integer part is longer), half away from zero, without trailing fraction zeros.
  private static func appendRounded(
    _ number: XLSXDecimalLiteral, first: Int, point: Int, to output: GrowableBytes
  ) {
    let keep = max(first + significantDigits, point)
    // The kept digits as values 0–9, from position `start` of the digit string.
    var digits = (first..<keep).map { number.digit($0) - UInt8(ascii: "0") }
    var start = first
    if number.digit(keep) >= UInt8(ascii: "5") {
      var index = digits.count - 1
      while index >= 0 && digits[index] == 9 {
        digits[index] = 0
        index -= 1
      }
      if index >= 0 {
        digits[index] += 1
      } else {
        digits.insert(1, at: 0)
        start -= 1
      }
    }
    // Positions [start, keep): the integer part is [start, point), the fraction the rest.
    var fractionEnd = keep
    while fractionEnd > point && digits[fractionEnd - 1 - start] == 0 { fractionEnd -= 1 }
    if number.negative && (digits.contains { $0 != 0 }) { output.append(UInt8(ascii: "-")) }
    if point > start {
      for position in start..<point { output.append(digits[position - start] + UInt8(ascii: "0")) }
    } else {
      output.append(UInt8(ascii: "0"))
    }
    if fractionEnd > point {
      output.append(UInt8(ascii: "."))
      for position in point..<fractionEnd {
        output.append(position < start ? UInt8(ascii: "0") : digits[position - start] + UInt8(ascii: "0"))
      }
    }
  }

  /// The plain decimal form of `literal` (for tests and small uses).
  static func plain(_ literal: String) -> String {
    let output = GrowableBytes(capacity: 64)
    var literal = literal
    literal.withUTF8 { append($0, to: output) }
    return String(decoding: output.bytes(0, output.count), as: UTF8.self)
  }

  /// Whether `literal` is already in plain form (the common case, copied as it is): an
  /// optional `-`, an integer part without leading zeros (or a single `0`), and an optional
  /// fraction that does not end in `0`; and not `-0`.
  @inline(__always)
  static func isPlain(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = literal.count
    var index = 0
    if index < count && literal[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    while index < count && XLSXDecimalLiteral.isDigit(literal[index]) { index += 1 }
    let integerCount = index - integerStart
    guard integerCount > 0 else { return false }
    let leadingZero = literal[integerStart] == UInt8(ascii: "0")
    if leadingZero && integerCount > 1 { return false }
    if index == count {
      // An integer: only `-0` needs rewriting.
      return !(leadingZero && integerStart == 1)
    }
    guard literal[index] == UInt8(ascii: ".") else { return false }
    index += 1
    let fractionStart = index
    while index < count && XLSXDecimalLiteral.isDigit(literal[index]) { index += 1 }
    guard index == count, index > fractionStart, literal[count - 1] != UInt8(ascii: "0") else { return false }
    return true
  }
}
