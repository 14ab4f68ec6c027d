/// Spreadsheet numbers as plain decimal text, converted from their stored literal exactly,
/// digit by digit and never through a binary float: `1336777027.98` stays, `1.5E+3` is
/// `1500`, `2.5e-3` is `0.0025`, `-0` is `0`, `1E+20` is `100000000000000000000`.
///
/// Amounts are parsed later from this text, so a sen is never lost to rounding. Leading
/// zeros of the integer part and trailing zeros of the fraction are dropped (`007.50` is
/// `7.5`), as the literal's value is what counts.
enum XLSXNumberText {
  /// Appends the plain decimal form of `literal` to `output`; a literal that is not a
  /// decimal number is appended as it is.
  static func append(_ literal: UnsafeBufferPointer<UInt8>, to output: GrowableBytes) {
    if isPlain(literal) {
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
