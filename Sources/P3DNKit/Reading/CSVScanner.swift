import CP3DNScan

/// Where one field of a record lies in the reader's buffer, after unescaping (the layout
/// the vector record scanner of `CP3DNScan` writes).
typealias FieldSpan = p3dn_span

extension FieldSpan {
  init(start: Int, end: Int, needsUnescape: Bool) {
    self.init(start: start, end: end, escaped: needsUnescape ? 1 : 0)
  }

  /// The field was quoted and holds escaped quotes still to be unescaped in place.
  var needsUnescape: Bool { escaped != 0 }
}

/// The result of trying to scan one record from a buffer.
enum ScanOutcome {
  /// A whole record; the next record starts at `next`; `lineBreaks` newlines were consumed
  /// (including the record's own terminator).
  case record(next: Int, lineBreaks: Int)
  /// The buffer ends inside the record and more input exists.
  case needMore
  /// End of input inside a quoted field that was never closed.
  case unterminatedQuote(lineBreaks: Int)
}

/// Splits bytes into records and fields for one dialect. Works on a buffer that holds one
/// or more whole records; it never copies field contents (escaped quotes are resolved in
/// place once the record is known to be complete).
struct CSVScanner {
  let delimiter: UInt8
  let escape: QuoteEscape
  /// What ends an unquoted field.
  private let fieldEnds: ByteSet3
  /// What matters inside a quoted field.
  private let quotedStops: ByteSet3

  init(dialect: CSVDialect) {
    delimiter = dialect.delimiter
    escape = dialect.escape
    fieldEnds = ByteSet3(dialect.delimiter, Self.newline, Self.carriageReturn)
    quotedStops = ByteSet3(
      Self.quote, dialect.escape == .backslash ? Self.backslash : Self.quote, Self.newline)
  }

  private static let quote = UInt8(ascii: "\"")
  private static let backslash = UInt8(ascii: "\\")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// Scans the record starting at `start`. `fields` is cleared and filled.
  func scan(
    _ buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int, end: Int, atEOF: Bool,
    fields: inout FieldList
  ) -> ScanOutcome {
    let buffer = UnsafeBufferPointer(buffer)
    fields.removeAll()
    let delimiter = self.delimiter
    var position = start
    var lineBreaks = 0
    while true {
      // At the start of a field.
      if position < end && buffer[position] == Self.quote {
        // Quoted field.
        let contentStart = position + 1
        var cursor = contentStart
        var escaped = false
        var closedAt = -1
        while cursor < end {
          cursor = quotedStops.first(in: buffer, from: cursor, end: end)
          if cursor >= end { break }
          let byte = buffer[cursor]
          if byte == Self.quote {
            // Doubled quote?
            if escape == .doubled && cursor + 1 < end && buffer[cursor + 1] == Self.quote {
              escaped = true
              cursor += 2
              continue
            }
            if cursor + 1 >= end && !atEOF { return .needMore }
            // Closing quote when followed by optional blanks then a delimiter or line end.
            var after = cursor + 1
            while after < end && (buffer[after] == 0x20 || buffer[after] == 0x09)
              && buffer[after] != delimiter
            {
              after += 1
            }
            if after >= end && !atEOF { return .needMore }
            if after >= end || buffer[after] == delimiter || buffer[after] == Self.newline
              || buffer[after] == Self.carriageReturn
            {
              closedAt = cursor
              position = after
              break
            }
            // A stray quote inside the field: kept as text.
            cursor += 1
            continue
          }
          if byte == Self.backslash && escape == .backslash {
            if cursor + 1 >= end && !atEOF { return .needMore }
            if cursor + 1 < end
              && (buffer[cursor + 1] == Self.quote || buffer[cursor + 1] == Self.backslash)
            {
              escaped = true
              cursor += 2
              continue
            }
            cursor += 1
            continue
          }
          if byte == Self.newline { lineBreaks += 1 }
          cursor += 1
        }
        if closedAt < 0 {
          if !atEOF { return .needMore }
          return .unterminatedQuote(lineBreaks: lineBreaks)
        }
        fields.append(FieldSpan(start: contentStart, end: closedAt, needsUnescape: escaped))
      } else {
        // Unquoted field: up to the delimiter or the line end.
        let cursor = fieldEnds.first(in: buffer, from: position, end: end)
        if cursor >= end && !atEOF { return .needMore }
        fields.append(FieldSpan(start: position, end: cursor, needsUnescape: false))
        position = cursor
      }
      // After a field: a delimiter, a line end, or the end of input.
      if position >= end {
        if !atEOF { return .needMore }
        return .record(next: position, lineBreaks: lineBreaks)
      }
      let byte = buffer[position]
      if byte == delimiter {
        position += 1
        continue
      }
      if byte == Self.carriageReturn {
        if position + 1 >= end && !atEOF { return .needMore }
        if position + 1 < end && buffer[position + 1] == Self.newline {
          return .record(next: position + 2, lineBreaks: lineBreaks + 1)
        }
        return .record(next: position + 1, lineBreaks: lineBreaks + 1)
      }
      // Newline.
      return .record(next: position + 1, lineBreaks: lineBreaks + 1)
    }
  }

  /// Resolves escaped quotes of a complete field in place and returns its new end.
  func unescape(_ buffer: UnsafeMutableBufferPointer<UInt8>, _ field: FieldSpan) -> Int {
    var read = field.start
    var write = field.start
    while read < field.end {
      let byte = buffer[read]
      if byte == Self.quote && escape == .doubled && read + 1 < field.end
        && buffer[read + 1] == Self.quote
      {
        buffer[write] = Self.quote
        write += 1
        read += 2
        continue
      }
      if byte == Self.backslash && escape == .backslash && read + 1 < field.end
        && (buffer[read + 1] == Self.quote || buffer[read + 1] == Self.backslash)
      {
        buffer[write] = buffer[read + 1]
        write += 1
        read += 2
        continue
      }
      buffer[write] = byte
      write += 1
      read += 1
    }
    return write
  }
}
