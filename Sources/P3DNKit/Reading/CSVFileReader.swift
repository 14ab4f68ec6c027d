/// Streams the records of a delimited text file through a fixed window of memory.
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
  private var stops: StopIndex
  public private(set) var line = 0

  /// A reader of the records of `input` (opened at `startOffset`), from the start of the
  /// file or from a record boundary at `startOffset`, up to the records that start before
  /// `endOffset`.
  public convenience init(
    input: FileBytes, dialect: CSVDialect, bufferSize: Int = 1 << 20, startOffset: Int = 0,
    endOffset: Int = .max
  ) {
    self.init(
      input: input, dialect: dialect, bufferSize: bufferSize, startOffset: startOffset,
      endOffset: endOffset, indexPieceSize: StopIndex.defaultPieceSize)
  }

  /// As above, with the number of bytes the stop index covers at a time (small in tests,
  /// so that its pieces end everywhere).
  init(
    input: FileBytes, dialect: CSVDialect, bufferSize: Int, startOffset: Int, endOffset: Int,
    indexPieceSize: Int
  ) {
    self.window = ReadWindow(input: input, size: bufferSize, offset: startOffset)
    self.endOffset = endOffset
    self.startsAtRecord = startOffset > 0
    self.dialect = dialect
    self.scanner = CSVScanner(dialect: dialect)
    self.stops = StopIndex(dialect: dialect, pieceSize: indexPieceSize)
  }

  deinit {
    fields.deallocate()
    stops.deallocate()
  }

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

  public func next() throws(ReadError) -> Bool {
    if !started {
      started = true
      try window.fill(line: nextLine)
      stops.reset()
      window.start = startsAtRecord ? 0 : min(dialect.bomLength, window.end)
    }
    while true {
      if window.start >= window.end && window.atEOF { return false }
      if window.offset(of: window.start) >= endOffset { return false }
      let outcome = scanner.scan(
        window.buffer, from: window.start, end: window.end, atEOF: window.atEOF, fields: &fields,
        stops: &stops)
      switch outcome {
      case .record(let next, let lineBreaks):
        if fields.anyEscaped {
          for index in 0..<fields.count where fields[index].needsUnescape {
            fields[index].end = scanner.unescape(window.buffer, fields[index])
          }
        }
        line = nextLine
        nextLine += lineBreaks
        window.start = next
        return true
      case .needMore:
        try window.fill(line: nextLine)
        stops.reset()
      case .unterminatedQuote:
        throw .unterminatedQuote(path: window.input.path, line: nextLine)
      }
    }
  }
}
