import CP3DNScan

/// Streams the records of a delimited text file through a fixed window of memory.
///
/// Records are read by the vector record scanner of `CP3DNScan` (64-byte bit masks of
/// quotes, field ends and line feeds); a record it does not read exactly (one that reaches
/// the end of the window, or has a quote that does not close a field) is read again by
/// ``CSVScanner``, which decides every case.
public final class CSVFileReader: RecordSource {
  public let dialect: CSVDialect
  public var encoding: TextEncoding { dialect.encoding }
  public var checksFieldCount: Bool { true }

  private let window: ReadWindow
  private let scanner: CSVScanner
  private var started = false
  /// Records that start at or after this file offset are left to the next reader.
  private let endOffset: Int
  /// The first byte to read is the start of a record (false: skip a byte order mark).
  private let startsAtRecord: Bool
  private var nextLine = 1
  private var fields = FieldList()
  private var masks = p3dn_block_masks(block: -1, quote: 0, stop: 0, newline: 0)
  private let escapeByte: UInt8
  /// Records read by the vector scanner (for tests: the fast path is really taken).
  private(set) var fastRecords = 0
  public private(set) var line = 0

  /// A reader of the records of `input` (opened at `startOffset`), from the start of the
  /// file or from a record boundary at `startOffset`, up to the records that start before
  /// `endOffset`.
  public init(
    input: FileBytes, dialect: CSVDialect, bufferSize: Int = 1 << 20, startOffset: Int = 0,
    endOffset: Int = .max
  ) {
    self.window = ReadWindow(input: input, size: bufferSize, offset: startOffset)
    self.endOffset = endOffset
    self.startsAtRecord = startOffset > 0
    self.dialect = dialect
    self.scanner = CSVScanner(dialect: dialect)
    self.escapeByte = dialect.escape == .backslash ? UInt8(ascii: "\\") : UInt8(ascii: "\"")
  }

  deinit { fields.deallocate() }

  public var fieldCount: Int { fields.count }

  /// The file offset of the next byte not yet consumed: after the last record returned.
  public var consumedOffset: Int { window.offset(of: window.start) }

  /// Line breaks consumed so far (inside records and at their ends).
  public var lineBreaksConsumed: Int { nextLine - 1 }

  @inline(__always)
  public func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0 && index < fields.count else { return UnsafeBufferPointer(start: nil, count: 0) }
    let field = fields[index]
    return UnsafeBufferPointer(
      start: window.buffer.baseAddress.map { $0 + field.start }, count: field.end - field.start)
  }

  @inline(__always)
  public var recordBytes: UnsafeBufferPointer<UInt8>? {
    guard fields.count > 0, let base = window.buffer.baseAddress else { return nil }
    let first = fields[0].start
    return UnsafeBufferPointer(start: base + first, count: max(0, fields[fields.count - 1].end - first))
  }

  /// The record's bytes from its first field's opening quote to its last field's closing
  /// quote.
  public var rawRecord: UnsafeBufferPointer<UInt8>? {
    guard fields.count > 0, let base = window.buffer.baseAddress else { return nil }
    let quote = UInt8(ascii: "\"")
    var first = fields[0].start
    if first > 0 && base[first - 1] == quote { first -= 1 }
    var end = fields[fields.count - 1].end
    if end < window.end && base[end] == quote { end += 1 }
    return UnsafeBufferPointer(start: base + first, count: max(0, end - first))
  }

  public func next() throws(ReadError) -> Bool {
    if !started {
      started = true
      try window.fill(line: nextLine)
      masks.block = -1
      window.start = startsAtRecord ? 0 : min(dialect.bomLength, window.end)
    }
    while true {
      if window.start >= window.end && window.atEOF { return false }
      if window.offset(of: window.start) >= endOffset { return false }
      if let base = window.buffer.baseAddress {
        var next = 0
        var lineBreaks = 0
        var escaped: Int32 = 0
        let count = p3dn_scan_record(
          base, window.start, window.end, dialect.delimiter, escapeByte, fields.base, fields.capacity,
          &masks, &next, &lineBreaks, &escaped)
        if count > 0 {
          fields.setWritten(count: count, anyEscaped: escaped != 0)
          finish(next: next, lineBreaks: lineBreaks)
          fastRecords &+= 1
          return true
        }
      }
      let outcome = scanner.scan(
        window.buffer, from: window.start, end: window.end, atEOF: window.atEOF, fields: &fields)
      switch outcome {
      case .record(let next, let lineBreaks):
        finish(next: next, lineBreaks: lineBreaks)
        return true
      case .needMore:
        try window.fill(line: nextLine)
        masks.block = -1
      case .unterminatedQuote:
        throw .unterminatedQuote(path: window.input.path, line: nextLine)
      }
    }
  }

  /// Resolves the escaped quotes of the record just scanned and moves past it.
  @inline(__always)
  private func finish(next: Int, lineBreaks: Int) {
    if fields.anyEscaped {
      for index in 0..<fields.count where fields[index].needsUnescape {
        fields[index].end = scanner.unescape(window.buffer, fields[index])
      }
    }
    line = nextLine
    nextLine += lineBreaks
    window.start = next
  }
}
