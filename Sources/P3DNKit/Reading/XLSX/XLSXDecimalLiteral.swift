/// A decimal number literal as a spreadsheet stores it (`-12.50`, `1336777027.98`,
/// `1.5E+3`), split into its parts without converting it to a binary number.
///
/// The value is ± the digits of the integer and fraction parts read as one digit string,
/// with the decimal point ``pointIndex`` digits from its start (left of it when negative,
/// past its end when larger than ``digitCount``).
struct XLSXDecimalLiteral {
  /// The largest distance of the decimal point from the digits that is spelled out in
  /// full; a literal beyond it (`1E+99999`) is not read as a number.
  static let maximumShift = 1000

  let literal: UnsafeBufferPointer<UInt8>
  let negative: Bool
  /// The digits before and after the `.` (indices into `literal`).
  let integerDigits: Range<Int>
  let fractionDigits: Range<Int>
  let pointIndex: Int

  var digitCount: Int { integerDigits.count + fractionDigits.count }

  /// The digit at `index` of the digit string, `0` outside it.
  @inline(__always)
  func digit(_ index: Int) -> UInt8 {
    if index < 0 { return UInt8(ascii: "0") }
    if index < integerDigits.count { return literal[integerDigits.lowerBound + index] }
    let inFraction = index - integerDigits.count
    if inFraction < fractionDigits.count { return literal[fractionDigits.lowerBound + inFraction] }
    return UInt8(ascii: "0")
  }

  /// The parts of `literal` (surrounding ASCII white space allowed), or nil when it is
  /// not a decimal number: an optional sign, digits with an optional `.`, at least one
  /// digit, then an optional exponent (`e` or `E`, an optional sign, digits).
  init?(_ literal: UnsafeBufferPointer<UInt8>) {
    var start = 0
    var end = literal.count
    while start < end && ByteText.isSpace(literal[start]) { start += 1 }
    while end > start && ByteText.isSpace(literal[end - 1]) { end -= 1 }
    var cursor = start
    var negative = false
    if cursor < end && (literal[cursor] == UInt8(ascii: "-") || literal[cursor] == UInt8(ascii: "+")) {
      negative = literal[cursor] == UInt8(ascii: "-")
      cursor += 1
    }
    let integerStart = cursor
    while cursor < end && Self.isDigit(literal[cursor]) { cursor += 1 }
    let integerDigits = integerStart..<cursor
    var fractionDigits = cursor..<cursor
    if cursor < end && literal[cursor] == UInt8(ascii: ".") {
      cursor += 1
      let fractionStart = cursor
      while cursor < end && Self.isDigit(literal[cursor]) { cursor += 1 }
      fractionDigits = fractionStart..<cursor
    }
    guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return nil }
    var exponent = 0
    if cursor < end && (literal[cursor] == UInt8(ascii: "e") || literal[cursor] == UInt8(ascii: "E")) {
      cursor += 1
      var exponentNegative = false
      if cursor < end && (literal[cursor] == UInt8(ascii: "-") || literal[cursor] == UInt8(ascii: "+")) {
        exponentNegative = literal[cursor] == UInt8(ascii: "-")
        cursor += 1
      }
      let exponentStart = cursor
      while cursor < end && Self.isDigit(literal[cursor]) {
        exponent = exponent * 10 + Int(literal[cursor] - UInt8(ascii: "0"))
        guard exponent <= Self.maximumShift * 10 else { return nil }
        cursor += 1
      }
      guard cursor > exponentStart else { return nil }
      if exponentNegative { exponent = -exponent }
    }
    guard cursor == end else { return nil }
    let pointIndex = integerDigits.count + exponent
    guard
      pointIndex >= -Self.maximumShift
        && pointIndex <= integerDigits.count + fractionDigits.count + Self.maximumShift
    else { return nil }
    self.literal = literal
    self.negative = negative
    self.integerDigits = integerDigits
    self.fractionDigits = fractionDigits
    self.pointIndex = pointIndex
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
