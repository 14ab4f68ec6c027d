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

  public init(line: Int) { self.line = line }
}

/// Receives the record of every row of a file, in file order. The audit reads a file on
/// one thread when it has a sink.
public protocol RowSink: AnyObject, Sendable {
  func row(_ record: RowRecord)
}
