/// Where an ``XMLTokenizer`` takes the bytes of a part from, chunk by chunk.
protocol XMLByteSource: AnyObject {
  /// Appends the next bytes of the part to `buffer`; false when there are no more.
  func read(into buffer: GrowableBytes) throws(ReadError) -> Bool
  /// Stops producing bytes that will not be read.
  func cancel()
}
