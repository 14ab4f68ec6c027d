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
    if let sen = indonesianSen(cell) { return .value(Money(sen: sen), rounded: false) }
    return parseGeneral(cell)
  }

  /// The reading of every form, without the one-pass path for the commonest spellings.
  static func parseGeneral(_ cell: UnsafeBufferPointer<UInt8>) -> AmountReading {
    if cell.count > 256 { return .bad }
    // Most cells are digits and separators only: nothing to remove or strip.
    if let first = cell.first, first &- 0x30 < 10, cell.count <= maximumLength,
      cell.allSatisfy({ $0 &- 0x30 < 10 || $0 == dot || $0 == comma })
    {
      return readNumber(cell, negative: false)
    }
    if !cell.contains(where: isRemovable) { return parseCompact(cell) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(cell.count, 1)) {
      scratch in
      var count = 0
      var index = 0
      while index < cell.count {
        let byte = cell[index]
        if isRemovable(byte) {
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

  /// The sen of the commonest spellings, read in one pass: an optional `Rp`, `Rp.`, `Rp `
  /// or `Rp. ` (any case), then `d+` or `d{1,3}(.ddd)+`, then optionally `,d`, `,dd` or
  /// `,-`, with at most eighteen digits before the comma. Nil for anything else, which the
  /// general reader decides. Each form accepted here is read by the general rules to the
  /// same value (a test compares both on generated cells).
  @inline(__always)
  static func indonesianSen(_ cell: UnsafeBufferPointer<UInt8>) -> Int128? {
    guard let base = cell.baseAddress else { return nil }
    let count = cell.count
    var index = 0
    if count >= 2 && base[0] | 0x20 == UInt8(ascii: "r") && base[1] | 0x20 == UInt8(ascii: "p") {
      index = 2
      if index < count && base[index] == dot { index += 1 }
      if index < count && base[index] == 0x20 { index += 1 }
    }
    let runStart = index
    var value: UInt64 = 0
    while index < count {
      let digit = base[index] &- 0x30
      if digit >= 10 { break }
      value = value &* 10 &+ UInt64(digit)
      index += 1
    }
    var digits = index - runStart
    guard digits > 0 && digits <= 18 else { return nil }
    if index < count && base[index] == dot {
      guard digits <= 3 else { return nil }
      repeat {
        guard index + 4 <= count else { return nil }
        let first = base[index + 1] &- 0x30
        let second = base[index + 2] &- 0x30
        let third = base[index + 3] &- 0x30
        guard first < 10 && second < 10 && third < 10 else { return nil }
        digits += 3
        guard digits <= 18 else { return nil }
        value = value &* 1000 &+ UInt64(first) &* 100 &+ UInt64(second) &* 10 &+ UInt64(third)
        index += 4
      } while index < count && base[index] == dot
    }
    var sen: UInt64 = 0
    if index < count {
      guard base[index] == comma else { return nil }
      let first = index + 1 < count ? base[index + 1] &- 0x30 : 0xFF
      if index + 2 == count && (first < 10 || base[index + 1] == UInt8(ascii: "-")) {
        sen = first < 10 ? UInt64(first) &* 10 : 0
      } else if index + 3 == count && first < 10 && base[index + 2] &- 0x30 < 10 {
        sen = UInt64(first) &* 10 &+ UInt64(base[index + 2] &- 0x30)
      } else {
        return nil
      }
    }
    return Int128(value) * 100 + Int128(sen)
  }

  /// Bytes that amounts may hold anywhere and that are dropped before reading: blanks,
  /// line breaks and the no-break space (a lone `A0` in Windows-1252, `C2 A0` in UTF-8).
  @inline(__always)
  private static func isRemovable(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0xA0
  }

  /// Whether a cell's text counts as absent: empty (after trimming), `null`, `-`, `NaN`.
  static func isMissingWord(_ text: String) -> Bool {
    var text = text.trimmingWhitespace()
    return text.withUTF8 { isMissingWord($0) }
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

  private static let dot = UInt8(ascii: ".")
  private static let comma = UInt8(ascii: ",")

  /// Matches the number forms in order and converts the first that fits, in one pass
  /// over digit groups and the separators between them.
  static func readNumber(_ text: UnsafeBufferPointer<UInt8>, negative: Bool) -> AmountReading {
    var integer = Accumulator()
    var separators = 0
    var firstSeparator: UInt8 = 0
    var lastSeparator: UInt8 = 0
    var firstGroupLength = 0
    // Every separator but the last equals the first; every group between the first and
    // the last has three digits.
    var uniformBeforeLast = true
    var innerGroupsOfThree = true
    var groupStart = 0
    // Up to eighteen bytes, every digit fits in 64 bits: one pass keeps the value of all
    // digits and of the digits before the last separator, with no per-group work.
    let short = text.count <= 18
    var all: UInt64 = 0
    var beforeLast: UInt64 = 0
    for index in 0..<text.count {
      let byte = text[index]
      let digit = byte &- 0x30
      if digit < 10 {
        if short { all = all &* 10 &+ UInt64(digit) }
        continue
      }
      guard byte == dot || byte == comma, index > groupStart else { return .bad }
      let length = index - groupStart
      if separators == 0 {
        firstGroupLength = length
        firstSeparator = byte
      } else {
        if length != 3 { innerGroupsOfThree = false }
        if lastSeparator != firstSeparator { uniformBeforeLast = false }
      }
      if short {
        beforeLast = all
      } else {
        guard integer.add(text, groupStart..<index) else { return .bad }
      }
      lastSeparator = byte
      separators += 1
      groupStart = index + 1
    }
    let lastLength = text.count - groupStart
    guard lastLength > 0 else { return .bad }
    let last = groupStart..<text.count

    enum Form { case integer, fraction }
    var form: Form? = nil
    if separators == 0 {
      form = .integer
    } else {
      let groupedStart = (1...3).contains(firstGroupLength) && uniformBeforeLast && innerGroupsOfThree
      // Indonesian d{1,3}(.ddd)+(,d{1,2})?
      if groupedStart && firstSeparator == dot {
        if lastSeparator == dot && lastLength == 3 {
          form = .integer
        } else if lastSeparator == comma && separators >= 2 && lastLength <= 2 {
          form = .fraction
        }
      }
      // Indonesian d+,d{1,2}
      if form == nil && separators == 1 && lastSeparator == comma && lastLength <= 2 { form = .fraction }
      // English d{1,3}(,ddd)+(.d+)?
      if form == nil && groupedStart && firstSeparator == comma {
        if lastSeparator == comma && lastLength == 3 {
          form = .integer
        } else if lastSeparator == dot && separators >= 2 {
          form = .fraction
        }
      }
      // Plain d+(.d+)?
      if form == nil && separators == 1 && lastSeparator == dot { form = .fraction }
    }
    guard let form else { return .bad }

    var sen: Int128 = 0
    var rounded = false
    var whole: Int128
    switch form {
    case .integer:
      if short {
        whole = Int128(all)
      } else {
        guard integer.add(text, last) else { return .bad }
        whole = integer.value
      }
    case .fraction:
      whole = short ? Int128(beforeLast) : integer.value
      let first = Int128(text[last.lowerBound] &- 0x30)
      let second = lastLength >= 2 ? Int128(text[last.lowerBound + 1] &- 0x30) : 0
      sen = first * 10 + second
      if lastLength > 2 {
        for position in (last.lowerBound + 2)..<last.upperBound where text[position] != 0x30 {
          rounded = true
          break
        }
        if text[last.lowerBound + 2] >= UInt8(ascii: "5") { sen += 1 }
      }
    }
    let total = whole * 100 + sen
    return .value(Money(sen: negative ? -total : total), rounded: rounded)
  }

  /// The integer part of an amount, digit by digit: in 64 bits up to 18 significant
  /// digits, then in 128, refusing more than ``Money/maximumRupiahDigits``.
  private struct Accumulator {
    private var small: UInt64 = 0
    private var large: Int128 = 0
    private var digits = 0

    var value: Int128 { digits <= 18 ? Int128(small) : large }

    mutating func add(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
      for position in range {
        let digit = text[position] &- 0x30
        if digits > 0 || digit != 0 { digits += 1 }
        if digits > Money.maximumRupiahDigits { return false }
        if digits <= 18 {
          small = small &* 10 &+ UInt64(digit)
        } else {
          if digits == 19 { large = Int128(small) }
          large = large * 10 + Int128(digit)
        }
      }
      return true
    }
  }
}
