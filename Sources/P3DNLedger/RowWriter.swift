import Foundation
import GRDB
import GRDBSQLite
import P3DNKit
import Synchronization

/// The `row` columns an ingest writes, in order. The first two (the source and the row's
/// position) are the writer's own; the others come from the row's record and cells.
enum RowColumn: Int, CaseIterable {
  case line, reason, columnName, messageID, messageEN, opdCode, opdName, stage, fiscalYear, date
  case snapshotDate, amountSen, amountText, pdnSen, umkkSen, localSen, pdnSource, umkkSource
  case localSource, isBudget, rupCodes, lineID, description, account, vendor, vendorNPWP
  case vendorCode, vendorRegion, packageKey

  var name: String {
    switch self {
    case .line: "line"
    case .reason: "reason"
    case .columnName: "column_name"
    case .messageID: "message_id"
    case .messageEN: "message_en"
    case .opdCode: "opd_code"
    case .opdName: "opd_name"
    case .stage: "stage"
    case .fiscalYear: "fiscal_year"
    case .date: "date"
    case .snapshotDate: "snapshot_date"
    case .amountSen: "amount_sen"
    case .amountText: "amount_text"
    case .pdnSen: "pdn_sen"
    case .umkkSen: "umkk_sen"
    case .localSen: "local_sen"
    case .pdnSource: "pdn_source"
    case .umkkSource: "umkk_source"
    case .localSource: "local_source"
    case .isBudget: "is_budget"
    case .rupCodes: "rup_codes"
    case .lineID: "line_id"
    case .description: "description"
    case .account: "account"
    case .vendor: "vendor"
    case .vendorNPWP: "vendor_npwp"
    case .vendorCode: "vendor_code"
    case .vendorRegion: "vendor_region"
    case .packageKey: "package_key"
    }
  }

  var isText: Bool {
    switch self {
    case .line, .fiscalYear, .amountSen, .pdnSen, .umkkSen, .localSen, .isBudget: false
    default: true
    }
  }

}

/// Growable bytes owned by one ``RowBatch``.
struct Arena {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  func deallocate() { base.deallocate() }

  mutating func removeAll() { count = 0 }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  private mutating func reserve(_ more: Int) {
    guard count + more > capacity else { return }
    let larger = max(2 * capacity, count + more)
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    grown.update(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = larger
  }
}

/// One row being added to a ``RowBatch``: its values, NULL marks and texts.
struct RowFill {
  fileprivate let values: UnsafeMutablePointer<Int64>
  /// A bit per column: NULL.
  fileprivate var nulls = UInt32.max
  fileprivate var arena: Arena

  mutating func set(_ column: RowColumn, _ value: Int64?) {
    guard let value else { return }
    values[column.rawValue] = value
    nulls &= ~(1 << UInt32(column.rawValue))
  }

  mutating func set(_ column: RowColumn, _ text: String?) {
    guard let text else { return }
    let start = arena.count
    arena.append(text)
    placed(column, from: start)
  }

  mutating func set(_ column: RowColumn, _ cells: RowCells, _ field: RowCells.Field) {
    let start = arena.count
    if cells.withUTF8(field, { arena.append($0) }) { placed(column, from: start) }
  }

  /// The RUP codes, joined by `;`.
  mutating func set(_ column: RowColumn, codes: [String]) {
    guard !codes.isEmpty else { return }
    let start = arena.count
    for (index, code) in codes.enumerated() {
      if index > 0 { arena.append(UInt8(ascii: ";")) }
      arena.append(code)
    }
    placed(column, from: start)
  }

  private mutating func placed(_ column: RowColumn, from start: Int) {
    values[column.rawValue] = Int64(start) << 32 | Int64(arena.count - start)
    nulls &= ~(1 << UInt32(column.rawValue))
  }
}

/// Rows in flat storage, ready to be bound: per row and column an integer, or the place of
/// a text in one byte arena, or nothing (NULL). Filled on the reading thread and bound on
/// the writing one without a `String` or a reference count in between.
final class RowBatch: @unchecked Sendable {
  static let capacity = 1024
  static let width = RowColumn.allCases.count
  private(set) var count = 0
  /// `capacity × width` values: an integer, or a text's offset (high 32 bits) and length.
  private let values: UnsafeMutablePointer<Int64>
  /// Per row, a bit per column: NULL.
  private let nulls: UnsafeMutablePointer<UInt32>
  private(set) var arena = Arena(capacity: 256 * RowBatch.capacity)

  init() {
    values = .allocate(capacity: Self.capacity * Self.width)
    nulls = .allocate(capacity: Self.capacity)
    // Never empty: an empty text is bound as a pointer into it, never a null pointer.
    arena.append(0)
  }

  deinit {
    values.deallocate()
    nulls.deallocate()
    arena.deallocate()
  }

  var isFull: Bool { count == Self.capacity }

  func reset() {
    count = 0
    arena.removeAll()
    arena.append(0)
  }

  /// Adds a row, every column NULL until `fill` sets it.
  func add(_ fill: (inout RowFill) -> Void) {
    var row = RowFill(values: values + count * Self.width, arena: arena)
    fill(&row)
    arena = row.arena
    nulls[count] = row.nulls
    count += 1
  }

  @inline(__always)
  func isNull(_ row: Int, _ column: Int) -> Bool { nulls[row] & (1 << UInt32(column)) != 0 }

  @inline(__always)
  func value(_ row: Int, _ column: Int) -> Int64 { values[row * Self.width + column] }
}

/// Hands the record of every row from the reading thread to the ledger's writing thread,
/// a batch at a time, through a queue of a few batches: reading a file and inserting its
/// rows run side by side. Batches are used again once written.
final class RowBatcher: RowSink, @unchecked Sendable {
  let batches = BoundedChannel<RowBatch>(capacity: 4)
  private let spare = Mutex<[RowBatch]>([])
  // Used on the reading thread only (read by the writer after the reading ends):
  private var batch = RowBatch()
  /// Fiscal years of the rows that passed every test but the year.
  private(set) var candidateYears: Set<Int> = []
  /// The newest snapshot date and the newest row date seen.
  private(set) var newestSnapshot: String?
  private(set) var newestDate: String?

  func row(_ record: RowRecord, cells: RowCells) {
    if record.reason == nil, let year = record.fiscalYear, !candidateYears.contains(year) {
      candidateYears.insert(year)
    }
    if let date = record.snapshotDate, date > (newestSnapshot ?? "") { newestSnapshot = date }
    if let date = record.date, date > (newestDate ?? "") { newestDate = date }

    let batch = self.batch
    batch.add { row in
      let line = record.classification
      let amount = record.amount.flatMap { Int64(exactly: $0.sen) }
      row.set(.line, Int64(record.line))
      row.set(.reason, record.reason?.rawValue)
      row.set(.columnName, record.column)
      row.set(.messageID, record.message?.id)
      row.set(.messageEN, record.message?.en)
      row.set(.opdCode, record.opdCode)
      row.set(.opdName, record.opdName)
      row.set(.stage, record.stage?.rawValue)
      row.set(.fiscalYear, record.fiscalYear.map { Int64($0) })
      row.set(.date, record.date)
      row.set(.snapshotDate, record.snapshotDate)
      row.set(.amountSen, amount)
      // An amount beyond 64 bits (no real export has one) is kept as decimal text.
      row.set(.amountText, record.amount != nil && amount == nil ? record.amount?.decimalString : nil)
      row.set(.pdnSen, line?.pdn.flatMap { Int64(exactly: $0.sen) })
      row.set(.umkkSen, line?.umkk.flatMap { Int64(exactly: $0.sen) })
      row.set(.localSen, line?.local.flatMap { Int64(exactly: $0.sen) })
      row.set(.pdnSource, line?.pdnSource.code)
      row.set(.umkkSource, line?.umkkSource.code)
      row.set(.localSource, line?.localSource.code)
      row.set(.isBudget, record.isBudget ? 1 : 0)
      row.set(.rupCodes, codes: record.rupCodes)
      row.set(.lineID, cells, .lineID)
      row.set(.description, cells, .description)
      row.set(.account, cells, .account)
      row.set(.vendor, cells, .vendor)
      row.set(.vendorNPWP, cells, .vendorNPWP)
      row.set(.vendorCode, cells, .vendorCode)
      row.set(.vendorRegion, cells, .vendorRegion)
      row.set(.packageKey, record.packageKey)
    }
    if batch.isFull { flush() }
  }

  /// After the last row (or a failure): the rest, then the end.
  func finish() {
    if batch.count > 0 { flush() }
    batches.close()
  }

  /// Gives a written batch back, to be filled again.
  func recycle(_ written: RowBatch) {
    written.reset()
    spare.withLock { $0.append(written) }
  }

  private func flush() {
    batches.put(batch)
    batch = spare.withLock { $0.popLast() } ?? RowBatch()
  }
}

/// Writes the rows of one source inside the ingest's transaction (used on the writing
/// thread only).
///
/// Rows go in `rowsPerInsert` at a time through one prepared multi-row `INSERT` (the rest of
/// a batch one by one), bound with SQLite's own `sqlite3_bind_*` calls on GRDB's prepared
/// statements, texts straight from the batch's arena: building GRDB's `StatementArguments`
/// (an array of existentials per row) cost more than SQLite's insert itself
/// (docs/performance.md).
final class RowWriter {
  static let rowsPerInsert = 16
  private static let isText = RowColumn.allCases.map(\.isText)
  private let single: Statement
  private let multiple: Statement
  private let sourceID: Int64
  private var position: Int64 = 0
  /// The first error SQLite gave (the ingest fails with it).
  private(set) var failure: String?

  init(db: Database, sourceID: Int64) throws {
    self.sourceID = sourceID
    let names = ["source_id", "position"] + RowColumn.allCases.map(\.name)
    func insert(rows: Int) -> String {
      let tuple = "(" + Array(repeating: "?", count: names.count).joined(separator: ",") + ")"
      // OR FAIL: a NOT NULL violation (none can happen: those values are always bound)
      // would stop the statement where it is, so SQLite keeps no statement journal.
      return "INSERT OR FAIL INTO row (\(names.joined(separator: ", "))) VALUES "
        + Array(repeating: tuple, count: rows).joined(separator: ",")
    }
    single = try db.makeStatement(sql: insert(rows: 1))
    multiple = try db.makeStatement(sql: insert(rows: Self.rowsPerInsert))
  }

  /// Inserts a batch of rows, in order. Every parameter is bound on every row (a value or
  /// NULL): nothing is cleared between rows. The texts are bound in place
  /// (`SQLITE_STATIC`): the arena outlives each statement's step, and every parameter is
  /// bound again before the next one.
  func write(_ batch: RowBatch) {
    let isText = Self.isText
    let base = UnsafeRawPointer(batch.arena.base).assumingMemoryBound(to: CChar.self)
    var position = self.position
    defer { self.position = position }
    var row = 0
    while failure == nil && row < batch.count {
      let count = batch.count - row >= Self.rowsPerInsert ? Self.rowsPerInsert : 1
      let handle = (count == 1 ? single : multiple).sqliteStatement
      var index: Int32 = 0
      for _ in 0..<count {
        position += 1
        sqlite3_bind_int64(handle, index + 1, sourceID)
        sqlite3_bind_int64(handle, index + 2, position)
        index += 2
        for column in 0..<RowBatch.width {
          index += 1
          if batch.isNull(row, column) {
            sqlite3_bind_null(handle, index)
          } else if isText[column] {
            let place = batch.value(row, column)
            sqlite3_bind_text(
              handle, index, base + Int(place >> 32), Int32(truncatingIfNeeded: place & 0xFFFF_FFFF),
              nil)
          } else {
            sqlite3_bind_int64(handle, index, batch.value(row, column))
          }
        }
        row += 1
      }
      if sqlite3_step(handle) != SQLITE_DONE {
        failure = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
      }
      sqlite3_reset(handle)
    }
  }
}
