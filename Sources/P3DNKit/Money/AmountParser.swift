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
    // Split into digit groups and the separators between them.
    var groupStarts: [Int] = []
    var groupEnds: [Int] = []
    var separators: [UInt8] = []
    groupStarts.reserveCapacity(8)
    groupEnds.reserveCapacity(8)
    separators.reserveCapacity(8)
    var index = 0
    var groupStart = 0
    while index < text.count {
      let byte = text[index]
      if byte >= 0x30 && byte <= 0x39 {
        index += 1
        continue
      }
      guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","), index > groupStart else {
        return .bad
      }
      groupStarts.append(groupStart)
      groupEnds.append(index)
      separators.append(byte)
      index += 1
      groupStart = index
    }
    guard index > groupStart else { return .bad }
    groupStarts.append(groupStart)
    groupEnds.append(index)

    let groupCount = groupStarts.count
    func length(_ group: Int) -> Int { groupEnds[group] - groupStarts[group] }

    // (index of the first fraction group or nil, grouping separator)
    var fractionGroup: Int? = nil
    var matched = false
    let dot = UInt8(ascii: ".")
    let comma = UInt8(ascii: ",")

    if groupCount == 1 {
      matched = true
    } else {
      // Indonesian d{1,3}(.ddd)+(,d{1,2})?
      if !matched, (1...3).contains(length(0)) {
        var last = groupCount - 1
        var fraction: Int? = nil
        if separators[last - 1] == comma && (1...2).contains(length(last)) && last >= 2 {
          fraction = last
          last -= 1
        }
        var ok = last >= 1
        if ok {
          for group in 1...last where separators[group - 1] != dot || length(group) != 3 {
            ok = false
            break
          }
        }
        if ok {
          matched = true
          fractionGroup = fraction
        }
      }
      // Indonesian d+,d{1,2}
      if !matched, groupCount == 2, separators[0] == comma, (1...2).contains(length(1)) {
        matched = true
        fractionGroup = 1
      }
      // English d{1,3}(,ddd)+(.d+)?
      if !matched, (1...3).contains(length(0)) {
        var last = groupCount - 1
        var fraction: Int? = nil
        if separators[last - 1] == dot && last >= 2 {
          fraction = last
          last -= 1
        }
        var ok = last >= 1
        if ok {
          for group in 1...last where separators[group - 1] != comma || length(group) != 3 {
            ok = false
            break
          }
        }
        if ok {
          matched = true
          fractionGroup = fraction
        }
      }
      // Plain d+(.d+)?
      if !matched, groupCount == 2, separators[0] == dot {
        matched = true
        fractionGroup = 1
      }
    }
    guard matched else { return .bad }

    var rupiah: Int64 = 0
    let integerGroups = fractionGroup ?? groupCount
    for group in 0..<integerGroups {
      for position in groupStarts[group]..<groupEnds[group] {
        let digit = Int64(text[position] &- 0x30)
        let (shifted, overflow1) = rupiah.multipliedReportingOverflow(by: 10)
        let (added, overflow2) = shifted.addingReportingOverflow(digit)
        if overflow1 || overflow2 { return .bad }
        rupiah = added
      }
    }
    var sen: Int64 = 0
    var rounded = false
    if let fraction = fractionGroup {
      let start = groupStarts[fraction]
      let end = groupEnds[fraction]
      let first = text[start] &- 0x30
      let second = end - start >= 2 ? text[start + 1] &- 0x30 : 0
      sen = Int64(first) * 10 + Int64(second)
      if end - start > 2 {
        for position in (start + 2)..<end where text[position] != 0x30 {
          rounded = true
          break
        }
        if text[start + 2] >= UInt8(ascii: "5") { sen += 1 }
      }
    }
    let (scaled, overflow1) = rupiah.multipliedReportingOverflow(by: 100)
    let (total, overflow2) = scaled.addingReportingOverflow(sen)
    if overflow1 || overflow2 { return .bad }
    return .value(Money(sen: negative ? -total : total), rounded: rounded)
  }
}
