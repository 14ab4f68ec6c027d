import CP3DNScan

/// Where the CSV scanner looks for the end of a field or the next quote.
protocol StopFinder {
  /// The first position in `from..<end` whose byte is in `set`, or `end`. Successive calls
  /// for one buffer ask for positions that never go back before an earlier answer.
  mutating func first(
    _ set: ByteSet3, in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int
  ) -> Int
}

/// Searches the buffer each time (for samples and small inputs).
struct DirectSearch: StopFinder {
  @inline(__always)
  mutating func first(
    _ set: ByteSet3, in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int
  ) -> Int {
    set.first(in: buffer, from: from, end: end)
  }
}

/// The positions of every byte that can matter to the scanner (quote, delimiter, line
/// breaks, and the backslash when it escapes), found 64 bytes at a time ahead of the
/// scanner, a piece of the buffer at a time (`CP3DNScan`). The scanner then steps from
/// stop to stop: the end of one field no longer waits on a search that started at the end
/// of the one before, so consecutive fields are found in parallel by the processor.
struct StopIndex: StopFinder {
  /// Bytes indexed at a time; the positions of a piece stay in the first-level cache.
  static let defaultPieceSize = 16 << 10

  private let pieceSize: Int

  private let delimiter: UInt8
  private let escape: UInt8
  private let positions: UnsafeMutablePointer<Int32>
  private var count = 0
  private var cursor = 0
  /// Bytes `0..<indexedTo` of the buffer have been indexed.
  private var indexedTo = 0

  init(dialect: CSVDialect, pieceSize: Int = defaultPieceSize) {
    delimiter = dialect.delimiter
    escape = dialect.escape == .backslash ? UInt8(ascii: "\\") : UInt8(ascii: "\"")
    self.pieceSize = max(pieceSize, 1)
    positions = .allocate(capacity: self.pieceSize + 64)
  }

  func deallocate() { positions.deallocate() }

  /// Forgets every position: the buffer's contents moved or changed.
  mutating func reset() {
    count = 0
    cursor = 0
    indexedTo = 0
  }

  @inline(__always)
  mutating func first(
    _ set: ByteSet3, in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int
  ) -> Int {
    while true {
      while cursor < count {
        let position = Int(positions[cursor])
        if position >= from {
          let byte = buffer[position]
          if byte == set.a || byte == set.b || byte == set.c { return position }
        }
        cursor &+= 1
      }
      if indexedTo >= end { return end }
      index(buffer, end: end)
    }
  }

  /// Indexes the next piece of `buffer[..<end]`.
  private mutating func index(_ buffer: UnsafeBufferPointer<UInt8>, end: Int) {
    cursor = 0
    let limit = min(end, indexedTo + pieceSize)
    guard let base = buffer.baseAddress else {
      count = 0
      indexedTo = end
      return
    }
    count = p3dn_index_stops(base, indexedTo, limit, delimiter, escape, positions)
    indexedTo = limit
  }
}
