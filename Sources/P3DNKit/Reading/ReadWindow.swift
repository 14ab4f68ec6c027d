/// The part of a file in memory: bytes `start..<end` of `buffer` are read but not yet
/// consumed. ``fill(line:)`` moves them to the front and reads more, growing the buffer
/// only when a single record fills it.
final class ReadWindow {
  /// The largest single record accepted; a longer one almost always means a quote that
  /// was never closed.
  static let maximumRecordBytes = 64 << 20

  let input: FileBytes
  private(set) var buffer: UnsafeMutableBufferPointer<UInt8>
  var start = 0
  private(set) var end = 0
  private(set) var atEOF = false
  /// The file offset of `buffer[0]`.
  private(set) var fileOffset: Int

  /// A window on `input`, whose next byte is at file offset `offset`.
  init(input: FileBytes, size: Int, offset: Int = 0) {
    self.input = input
    self.fileOffset = offset
    buffer = .allocate(capacity: max(size, 16))
  }

  /// The file offset of `buffer[position]`.
  @inline(__always)
  func offset(of position: Int) -> Int { fileOffset + position }

  deinit { buffer.deallocate() }

  /// Reads more input. `line` is where the record being read starts, for the error
  /// raised when it outgrows ``maximumRecordBytes``.
  func fill(line: Int) throws(ReadError) {
    if start > 0 {
      let remaining = end - start
      if remaining > 0, let base = buffer.baseAddress {
        base.update(from: base + start, count: remaining)
      }
      end = remaining
      fileOffset += start
      start = 0
    } else if end == buffer.count {
      guard buffer.count < Self.maximumRecordBytes else {
        throw .recordTooLong(path: input.path, line: line)
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
