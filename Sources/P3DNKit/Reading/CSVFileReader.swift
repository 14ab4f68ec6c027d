/// Streams the records of a delimited text file through a fixed window of memory.
public final class CSVFileReader: RecordSource {
  public let dialect: CSVDialect
  public var encoding: TextEncoding { dialect.encoding }
  public var checksFieldCount: Bool { true }

  /// The largest single record accepted; a longer one almost always means a quote that
  /// was never closed.
  public static let maximumRecordBytes = 64 << 20

  private let input: FileBytes
  private let scanner: CSVScanner
  private var buffer: UnsafeMutableBufferPointer<UInt8>
  private var start = 0
  private var end = 0
  private var atEOF = false
  private var started = false
  private var nextLine = 1
  private var fields: [FieldSpan] = []
  public private(set) var line = 0

  public init(input: FileBytes, dialect: CSVDialect, bufferSize: Int = 1 << 20) {
    self.input = input
    self.dialect = dialect
    self.scanner = CSVScanner(dialect: dialect)
    self.buffer = .allocate(capacity: max(bufferSize, 16))
    fields.reserveCapacity(64)
  }

  deinit { buffer.deallocate() }

  public var fieldCount: Int { fields.count }

  public func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0 && index < fields.count else { return UnsafeBufferPointer(start: nil, count: 0) }
    let field = fields[index]
    return UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
  }

  public func next() throws(ReadError) -> Bool {
    if !started {
      started = true
      try fill()
      let skip = min(dialect.bomLength, end)
      start = skip
    }
    while true {
      if start >= end && atEOF { return false }
      let outcome = scanner.scan(buffer, from: start, end: end, atEOF: atEOF, fields: &fields)
      switch outcome {
      case .record(let next, let lineBreaks):
        for index in fields.indices where fields[index].needsUnescape {
          fields[index].end = scanner.unescape(buffer, fields[index])
        }
        line = nextLine
        nextLine += lineBreaks
        start = next
        return true
      case .needMore:
        try fill()
      case .unterminatedQuote:
        throw .unterminatedQuote(path: input.path, line: nextLine)
      }
    }
  }

  /// Moves the unread bytes to the front and reads more, growing the window when one
  /// record fills it.
  private func fill() throws(ReadError) {
    if start > 0 {
      let remaining = end - start
      if remaining > 0, let base = buffer.baseAddress {
        (base).update(from: base + start, count: remaining)
      }
      end = remaining
      start = 0
    } else if end == buffer.count {
      guard buffer.count < Self.maximumRecordBytes else {
        throw .recordTooLong(path: input.path, line: nextLine)
      }
      let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
      _ = larger.initialize(from: buffer[0..<end])
      buffer.deallocate()
      buffer = larger
    }
    let count = try input.read(
      into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[end...]))
    if count == 0 { atEOF = true }
    end += count
  }
}
