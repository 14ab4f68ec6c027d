/// Finds a file's encoding, delimiter and quote escaping from a sample of its first bytes.
public enum DialectSniffer {
  public static let candidateDelimiters: [UInt8] = [
    UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"),
  ]

  /// The encoding and byte order mark of a sample. Throws for UTF-16 files.
  static func encoding(of sample: UnsafeBufferPointer<UInt8>, isWholeFile: Bool) -> (
    TextEncoding, bomLength: Int
  )? {
    if sample.count >= 3 && sample[0] == 0xEF && sample[1] == 0xBB && sample[2] == 0xBF {
      return (.utf8, 3)
    }
    if sample.count >= 2
      && ((sample[0] == 0xFF && sample[1] == 0xFE) || (sample[0] == 0xFE && sample[1] == 0xFF))
    {
      return nil
    }
    let valid = TextDecoding.isValidUTF8(sample, mayBeTruncated: !isWholeFile)
    return (valid ? .utf8 : .windows1252, 0)
  }

  /// Decides between `""` and `\"` escaping for a given delimiter by counting the places
  /// where only one of the two readings makes sense. A lone backslash proves nothing:
  /// real files with doubled quotes carry literal `\r\n` text.
  static func escape(in sample: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> QuoteEscape {
    let quote = UInt8(ascii: "\"")
    let backslash = UInt8(ascii: "\\")
    func isBoundary(_ byte: UInt8) -> Bool {
      byte == delimiter || byte == 0x0A || byte == 0x0D
    }
    var backslashVotes = 0
    var doubledVotes = 0
    let marks = ByteSet3(quote, backslash, quote)
    var index = 0
    let count = sample.count
    while index + 1 < count {
      index = marks.first(in: sample, from: index, end: count)
      guard index + 1 < count else { break }
      let byte = sample[index]
      if byte == backslash && sample[index + 1] == quote {
        // `\"x`: a quote followed by text cannot close an RFC field.
        if index + 2 < count {
          let next = sample[index + 2]
          if next == quote {
            // `\""` then a boundary: a literal quote then the closing one.
            if index + 3 >= count || isBoundary(sample[index + 3]) { backslashVotes += 1 }
          } else if !isBoundary(next) {
            backslashVotes += 1
          }
        }
        index += 2
        continue
      }
      if byte == quote && sample[index + 1] == quote {
        // `x""y` inside a field: an RFC escaped quote.
        let before: UInt8 = index > 0 ? sample[index - 1] : 0x0A
        let after: UInt8 = index + 2 < count ? sample[index + 2] : 0x0A
        if !isBoundary(before) && before != quote && before != backslash && !isBoundary(after)
          && after != quote
        {
          doubledVotes += 1
        } else if isBoundary(before) && after == quote {
          // `,"""text`: a field that starts with an escaped quote.
          doubledVotes += 1
        }
        index += 2
        continue
      }
      index += 1
    }
    return backslashVotes > doubledVotes ? .backslash : .doubled
  }

  /// The first `limit` records of a sample under a dialect, decoded.
  static func records(
    in sample: UnsafeBufferPointer<UInt8>, dialect: CSVDialect, isWholeFile: Bool, limit: Int
  ) -> [[String]] {
    let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(sample.count, 1))
    defer { copy.deallocate() }
    _ = copy.initialize(from: sample)
    let scanner = CSVScanner(dialect: dialect)
    var fields = FieldList()
    defer { fields.deallocate() }
    var records: [[String]] = []
    var position = dialect.bomLength
    while records.count < limit && position < sample.count {
      let outcome = scanner.scan(
        copy, from: position, end: sample.count, atEOF: isWholeFile, fields: &fields)
      guard case .record(let next, _) = outcome else { break }
      var row: [String] = []
      row.reserveCapacity(fields.count)
      for index in 0..<fields.count {
        let field = fields[index]
        let end = field.needsUnescape ? scanner.unescape(copy, field) : field.end
        row.append(
          TextDecoding.decode(
            UnsafeBufferPointer(rebasing: copy[field.start..<end]), as: dialect.encoding))
      }
      records.append(row)
      position = next
    }
    return records
  }
}
