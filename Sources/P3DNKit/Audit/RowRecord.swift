/// What the row pipeline decided for one row, as far as it got: the record a ledger keeps
/// of every row read, included, excluded and rejected alike.
public struct RowRecord: Sendable, Equatable {
  /// 1-based physical line of the file where the row starts.
  public var line: Int
  /// Why the row is not included; nil when it passed every test but the fiscal year (it
  /// is included when its year is the reported one, else `other-year`).
  public var reason: ReasonCode? = nil
  /// For a rejected row: the column and the message.
  public var column: String? = nil
  public var message: LocalizedText? = nil
  /// The OPD code after roll-up, and the OPD name cell.
  public var opdCode: String? = nil
  public var opdName: String? = nil
  public var stage: Stage? = nil
  public var fiscalYear: Int? = nil
  /// The line's amount (after a reduction column), when it was read.
  public var amount: Money? = nil
  /// The classification of a candidate line (nil for budget rows and rows not included).
  public var classification: LineClassification? = nil
  /// A budget row (`struktur-anggaran`): a denominator, not spending.
  public var isBudget = false
  /// The RUP codes the row names (split, sorted, without duplicates).
  public var rupCodes: [String] = []
  /// The row's date (its profile's date column), yyyy-mm-dd, when it holds a real date.
  public var date: String? = nil
  /// The date the export took the row as of (ISB `_event_date`), yyyy-mm-dd.
  public var snapshotDate: String? = nil
  /// The row's package key (CONTRACT §7.4), for a file whose packages are kept.
  public var packageKey: String? = nil
  /// The row's number in its file (1-based).
  public var position = 0

  public init(line: Int) { self.line = line }
}

/// The text cells of the row being read that tell what it is and who sold it, as bytes of
/// the file (trimmed; empty: no such column, or an empty cell). Valid during
/// ``RowSink/row(_:cells:)`` only: a sink that keeps them copies them.
public struct RowCells {
  public enum Field: Int, CaseIterable, Sendable {
    /// The line's own identifier (package, order, contract or document number).
    case lineID
    case description
    /// The account (kode rekening), else the MAK.
    case account
    case vendor
    case vendorNPWP
    /// The vendor's code in an LKPP system: its first column, else the fallback one (a
    /// code of `0` is no code).
    case vendorCode
    /// The vendor's kab/kota.
    case vendorRegion
  }

  public let encoding: TextEncoding
  private var cells: InlineArray<7, UnsafeBufferPointer<UInt8>>

  /// No cells (a ragged row, whose cells are not where the header says).
  public static func none(_ encoding: TextEncoding) -> RowCells { RowCells(encoding: encoding) }

  init(encoding: TextEncoding) {
    self.encoding = encoding
    cells = InlineArray(repeating: UnsafeBufferPointer(start: nil, count: 0))
  }

  public subscript(field: Field) -> UnsafeBufferPointer<UInt8> {
    get { cells[field.rawValue] }
    set { cells[field.rawValue] = newValue }
  }

  /// The decoded text of a cell; nil when it is empty.
  public func text(_ field: Field) -> String? {
    let bytes = self[field]
    return bytes.isEmpty ? nil : TextDecoding.decode(bytes, as: encoding)
  }

  /// Calls `body` with the cell's text as UTF-8 (decoded as ``text(_:)`` decodes it: an
  /// ASCII cell as it is). False, and `body` not called, when the cell is empty.
  public func withUTF8(_ field: Field, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
    let cell = self[field]
    if cell.isEmpty { return false }
    if TextDecoding.isASCII(cell) {
      body(cell)
    } else {
      var text = TextDecoding.decode(cell, as: encoding)
      text.withUTF8(body)
    }
    return true
  }
}

/// Receives the record of every row of a file, in file order, with its text cells. The
/// audit reads a file on one thread when it has a sink.
public protocol RowSink: AnyObject, Sendable {
  func row(_ record: RowRecord, cells: RowCells)

  /// The lines whose rows the sink also wants as read, every field (nil: none), asked once
  /// per file.
  var wantedLines: Set<Int>? { get }

  /// The row on a wanted line as read, before its record: the header's names, every
  /// field's text, and the record's own text where the format keeps it (CSV).
  func fields(line: Int, header: [String], cells: [String], raw: String?)
}

extension RowSink {
  public var wantedLines: Set<Int>? { nil }
  public func fields(line: Int, header: [String], cells: [String], raw: String?) {}
}
