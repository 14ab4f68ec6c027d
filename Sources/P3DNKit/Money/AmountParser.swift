/// The outcome of reading an amount cell (CONTRACT §4.1).
public enum AmountReading: Equatable, Sendable {
  /// A valid amount; `rounded` is true when decimals beyond the sen were rounded away.
  case value(Money, rounded: Bool)
  /// Empty, `null`, `-` or `NaN`.
  case missing
  /// Anything else, including values too large for 64-bit sen.
  case bad
}

/// Reads amounts exactly by the rules of CONTRACT §4.1.
///
/// Accepted forms, after removing spaces, one optional sign (a leading `-` or parentheses
/// around the whole value), an optional `Rp`/`Rp.` prefix and an optional trailing `,-`:
/// Indonesian `1.234.567,89` or `1234,5`; English `1,234,567.89`; plain `1336777027.98`.
/// A `.` before exactly three digits is grouping (`1.234` is 1234), since rupiah carry at
/// most two decimals.
public enum AmountParser {
  /// Largest number of bytes an amount cell may have after spaces are removed.
  static let maximumLength = 64

  public static func parse(_ text: String) -> AmountReading {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
  }

  public static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> AmountReading {
    if cell.count > 256 { return .bad }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(cell.count, 1)) {
      scratch in
      var count = 0
      var index = 0
      while index < cell.count {
        let byte = cell[index]
        if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0xA0 {
          index += 1
          continue
        }
        if byte == 0xC2 && index + 1 < cell.count && cell[index + 1] == 0xA0 {
          index += 2
          continue
        }
        scratch[count] = byte
        count += 1
        index += 1
      }
      return parseCompact(UnsafeBufferPointer(rebasing: scratch[0..<count]))
    }
  }

  /// Whether an amount-like cell counts as absent: empty, `null`, `-`, `NaN`.
  static func isMissingWord(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    switch text.count {
    case 0: return true
    case 1: return text[0] == UInt8(ascii: "-")
    case 3: return ByteText.equalsIgnoringCase(text, "nan")
    case 4: return ByteText.equalsIgnoringCase(text, "null")
    default: return false
    }
  }

  private static func parseCompact(_ text: UnsafeBufferPointer<UInt8>) -> AmountReading {
    if isMissingWord(text) { return .missing }
    guard text.count <= maximumLength else { return .bad }
    var start = 0
    var end = text.count
    var negative = false
    if text[start] == UInt8(ascii: "-") {
      negative = true
      start += 1
    } else if text[start] == UInt8(ascii: "(") && text[end - 1] == UInt8(ascii: ")") {
      negative = true
      start += 1
      end -= 1
    }
    // "Rp" or "Rp." prefix, any case.
    if end - start >= 2, text[start] | 0x20 == UInt8(ascii: "r"),
      text[start + 1] | 0x20 == UInt8(ascii: "p")
    {
      start += 2
      if start < end && text[start] == UInt8(ascii: ".") { start += 1 }
    }
    // Trailing ",-".
    if end - start >= 2 && text[end - 1] == UInt8(ascii: "-") && text[end - 2] == UInt8(ascii: ",") {
      end -= 2
    }
    guard start < end else { return .bad }
    return readNumber(UnsafeBufferPointer(rebasing: text[start..<end]), negative: negative)
  }

  /// Matches the number forms in order and converts the first that fits.
  private static func readNumber(_ text: UnsafeBufferPointer<UInt8>, negative: Bool)
    -> AmountReading
  {
    // The text is at most 64 bytes, so at most 33 digit groups: split it into groups and
    // the separators between them, on the stack.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * text.count + 2) { bounds in
      var groupCount = 0
      var groupStart = 0
      for index in 0..<text.count {
        let byte = text[index]
        if byte >= 0x30 && byte <= 0x39 { continue }
        guard byte == dot || byte == comma, index > groupStart else { return .bad }
        bounds[2 * groupCount] = groupStart
        bounds[2 * groupCount + 1] = index
        groupCount += 1
        groupStart = index + 1
      }
      guard text.count > groupStart else { return .bad }
      bounds[2 * groupCount] = groupStart
      bounds[2 * groupCount + 1] = text.count
      groupCount += 1
      let groups = Groups(text: text, bounds: bounds, count: groupCount)
      guard let fraction = groups.match() else { return .bad }
      return groups.convert(fractionGroup: fraction, negative: negative)
    }
  }

  private static let dot = UInt8(ascii: ".")
  private static let comma = UInt8(ascii: ",")

  /// The digit groups of a number and the forms of CONTRACT §4.1 they may take.
  private struct Groups {
    let text: UnsafeBufferPointer<UInt8>
    /// Start and end of each group, interleaved.
    let bounds: UnsafeMutableBufferPointer<Int>
    let count: Int

    func length(_ group: Int) -> Int { bounds[2 * group + 1] - bounds[2 * group] }
    /// The separator after `group`.
    func separator(after group: Int) -> UInt8 { text[bounds[2 * group + 1]] }

    /// The index of the fraction group (`count` when there is none) of the first form the
    /// groups fit, or nil when they fit none.
    func match() -> Int? {
      if count == 1 { return count }
      // Indonesian d{1,3}(.ddd)+(,d{1,2})?
      if let fraction = grouped(grouping: dot, decimal: comma, fractionLengths: 1...2) { return fraction }
      // Indonesian d+,d{1,2}
      if count == 2 && separator(after: 0) == comma && (1...2).contains(length(1)) { return 1 }
      // English d{1,3}(,ddd)+(.d+)?
      if let fraction = grouped(grouping: comma, decimal: dot, fractionLengths: 1...Int.max) {
        return fraction
      }
      // Plain d+(.d+)?
      if count == 2 && separator(after: 0) == dot { return 1 }
      return nil
    }

    /// `d{1,3}(<grouping>ddd)+(<decimal>d{fractionLengths})?`.
    private func grouped(grouping: UInt8, decimal: UInt8, fractionLengths: ClosedRange<Int>) -> Int? {
      guard (1...3).contains(length(0)) else { return nil }
      var last = count - 1
      var fraction = count
      if last >= 2 && separator(after: last - 1) == decimal && fractionLengths.contains(length(last)) {
        fraction = last
        last -= 1
      }
      guard last >= 1 else { return nil }
      for group in 1...last where separator(after: group - 1) != grouping || length(group) != 3 {
        return nil
      }
      return fraction
    }

    /// The amount in sen: integer groups, then two fraction digits rounded half away
    /// from zero on the third.
    func convert(fractionGroup: Int, negative: Bool) -> AmountReading {
      // Up to 18 digits in 64 bits, longer numbers in 128.
      var small: UInt64 = 0
      var rupiah: Int128 = 0
      var digits = 0
      for group in 0..<fractionGroup {
        for position in bounds[2 * group]..<bounds[2 * group + 1] {
          if digits > 0 || text[position] != 0x30 { digits += 1 }
          if digits > Money.maximumRupiahDigits { return .bad }
          if digits <= 18 {
            small = small &* 10 &+ UInt64(text[position] &- 0x30)
          } else {
            if digits == 19 { rupiah = Int128(small) }
            rupiah = rupiah * 10 + Int128(text[position] &- 0x30)
          }
        }
      }
      if digits <= 18 { rupiah = Int128(small) }
      var sen: Int128 = 0
      var rounded = false
      if fractionGroup < count {
        let start = bounds[2 * fractionGroup]
        let end = bounds[2 * fractionGroup + 1]
        let second = end - start >= 2 ? Int128(text[start + 1] &- 0x30) : 0
        sen = Int128(text[start] &- 0x30) * 10 + second
        if end - start > 2 {
          for position in (start + 2)..<end where text[position] != 0x30 {
            rounded = true
            break
          }
          if text[start + 2] >= UInt8(ascii: "5") { sen += 1 }
        }
      }
      let total = rupiah * 100 + sen
      return .value(Money(sen: negative ? -total : total), rounded: rounded)
    }
  }
}
