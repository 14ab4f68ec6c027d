import Synchronization

/// One row as `check` and `explain` see it: what the row pipeline decided (its record) and
/// the text cells that say what it is and who sold it. It comes from a read of the file (a
/// ``RowCollector``) or from the ledger, which keeps the same record of every row.
public struct RowEvidence: Sendable, Equatable {
  /// The file's place among the report's files (``Settlement/files``).
  public var file: Int
  public var record: RowRecord
  public var lineID: String?
  public var description: String?
  public var account: String?
  public var vendor: String?
  public var vendorNPWP: String?
  public var vendorCode: String?
  public var vendorRegion: String?

  public init(file: Int, record: RowRecord) {
    self.file = file
    self.record = record
  }

  init(file: Int, record: RowRecord, cells: RowCells) {
    self.init(file: file, record: record)
    lineID = cells.text(.lineID)
    description = cells.text(.description)
    account = cells.text(.account)
    vendor = cells.text(.vendor)
    vendorNPWP = cells.text(.vendorNPWP)
    vendorCode = cells.text(.vendorCode)
    vendorRegion = cells.text(.vendorRegion)
  }

  /// The vendor as a reader knows it: the name, else the NPWP, else the vendor code.
  public var vendorLabel: String? { vendor ?? vendorNPWP ?? vendorCode }
}

/// Keeps the rows of a read that a filter wants (the rows of one OPD, one line of one
/// file), in file order. Files are read on several threads: each keeps its own list.
final class RowCollector: Sendable {
  private let wanted: @Sendable (RowRecord) -> Bool
  private let rows = Mutex<[Int: [RowEvidence]]>([:])

  init(wanted: @escaping @Sendable (RowRecord) -> Bool) { self.wanted = wanted }

  /// A sink for the file at `index`.
  func sink(file index: Int) -> RowSink { FileSink(file: index, collector: self) }

  /// Every row kept, by file, then in file order.
  var collected: [RowEvidence] {
    rows.withLock { kept in kept.keys.sorted().flatMap { kept[$0] ?? [] } }
  }

  fileprivate func keep(_ rows: [RowEvidence], file: Int) {
    self.rows.withLock { $0[file, default: []].append(contentsOf: rows) }
  }

  fileprivate func wants(_ record: RowRecord) -> Bool { wanted(record) }

  /// The sink of one file: keeps its wanted rows, handed over as they come.
  private final class FileSink: RowSink, @unchecked Sendable {
    let file: Int
    let collector: RowCollector

    init(file: Int, collector: RowCollector) {
      self.file = file
      self.collector = collector
    }

    func row(_ record: RowRecord, cells: RowCells) {
      guard collector.wants(record) else { return }
      collector.keep([RowEvidence(file: file, record: record, cells: cells)], file: file)
    }
  }
}
