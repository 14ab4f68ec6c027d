/// A stream of records (CSV rows or JSON objects) whose cells are raw bytes.
///
/// Cells stay valid until the next call to ``next()``. Implementations never hold more
/// than a bounded window of the file in memory.
public protocol RecordSource: AnyObject {
  /// Moves to the next record; false at the end of the input.
  func next() throws(ReadError) -> Bool
  /// Number of fields of the current record.
  var fieldCount: Int { get }
  /// The bytes of field `index` of the current record (empty when out of range).
  func cell(_ index: Int) -> UnsafeBufferPointer<UInt8>
  /// 1-based physical line of the file where the current record starts.
  var line: Int { get }
  var encoding: TextEncoding { get }
  /// Whether a record may have a different number of fields than the header (CSV) or not
  /// (JSON objects, which are matched by key).
  var checksFieldCount: Bool { get }
  /// The current record's bytes as one span, from its first field to the end of its last,
  /// when the source holds it so (CSV); nil otherwise.
  var recordBytes: UnsafeBufferPointer<UInt8>? { get }
  /// The record's whole text as in the file, quotes included, where the format keeps it
  /// (CSV); for `explain`.
  var rawRecord: UnsafeBufferPointer<UInt8>? { get }
}

extension RecordSource {
  public var recordBytes: UnsafeBufferPointer<UInt8>? { nil }
  public var rawRecord: UnsafeBufferPointer<UInt8>? { nil }

  /// The decoded text of a cell, trimmed of surrounding white space.
  public func text(_ index: Int) -> String {
    TextDecoding.decode(ByteText.trimmed(cell(index)), as: encoding)
  }

  /// Moves to the next row: the next record that is not blank (CONTRACT §4.1); false at
  /// the end of the input.
  func nextRow() throws(AuditError) -> Bool {
    while true {
      do {
        guard try next() else { return false }
      } catch {
        throw .read(error)
      }
      if !isBlank { return true }
    }
  }

  /// Whether every field of the current record is empty or white space.
  public var isBlank: Bool {
    for index in 0..<fieldCount where !ByteText.trimmed(cell(index)).isEmpty { return false }
    return true
  }
}

/// A problem that stops a file from being read at all.
public enum ReadError: Error, Equatable, Sendable {
  case cannotOpen(path: String, reason: String)
  case ioFailure(path: String, reason: String)
  case utf16(path: String)
  case unterminatedQuote(path: String, line: Int)
  case recordTooLong(path: String, line: Int)
  case badJSON(path: String, line: Int, column: Int, detail: LocalizedText)
  case badXLSX(path: String, detail: LocalizedText)
  /// `--sheet NAME` names no sheet of the workbook.
  case noSuchSheet(path: String, name: String, sheets: [String])
}
