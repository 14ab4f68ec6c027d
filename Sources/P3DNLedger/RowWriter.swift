import GRDB
import GRDBSQLite
import P3DNKit

/// Writes the record of every row of one source, as the audit reads it, inside the
/// ingest's transaction (one prepared statement; used on the writing thread only).
///
/// Values are bound with SQLite's own `sqlite3_bind_*` calls on GRDB's prepared statement:
/// building GRDB's `StatementArguments` (an array of existentials per row) cost more than
/// SQLite's insert itself (docs/performance.md).
final class RowWriter: RowSink, @unchecked Sendable {
  private let statement: Statement
  private let sourceID: Int64
  private var position = 0
  /// The first error SQLite gave (the ingest fails with it).
  private(set) var failure: String?
  /// Fiscal years of the rows that passed every test but the year.
  private(set) var candidateYears: Set<Int> = []
  /// The newest snapshot date and the newest row date seen.
  private(set) var newestSnapshot: String?
  private(set) var newestDate: String?
  /// `SQLITE_TRANSIENT`: SQLite copies bound text before the call returns.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(db: Database, sourceID: Int64) throws {
    self.sourceID = sourceID
    statement = try db.makeStatement(
      sql: """
        INSERT INTO row (source_id, position, line, reason, column_name, message_id, message_en,
          opd_code, opd_name, stage, fiscal_year, date, snapshot_date, amount_sen, amount_text, pdn_sen,
          umkk_sen, local_sen, pdn_source, umkk_source, local_source, is_budget, rup_codes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
  }

  func row(_ record: RowRecord) {
    guard failure == nil else { return }
    position += 1
    if record.reason == nil, let year = record.fiscalYear { candidateYears.insert(year) }
    if let date = record.snapshotDate, date > (newestSnapshot ?? "") { newestSnapshot = date }
    if let date = record.date, date > (newestDate ?? "") { newestDate = date }

    let handle = statement.sqliteStatement
    // Every parameter is bound on every row (a value or NULL): no clearing between rows.
    var index: Int32 = 0
    func integer(_ value: Int64?) {
      index += 1
      if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }
    func text(_ value: String?) {
      index += 1
      guard var value else {
        sqlite3_bind_null(handle, index)
        return
      }
      value.withUTF8 { bytes in
        _ = bytes.withMemoryRebound(to: CChar.self) { chars in
          sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), Self.transient)
        }
      }
    }
    func money(_ value: Money?) { integer(value.flatMap { Int64(exactly: $0.sen) }) }
    let line = record.classification
    let amount = record.amount.flatMap { Int64(exactly: $0.sen) }
    integer(sourceID)
    integer(Int64(position))
    integer(Int64(record.line))
    text(record.reason?.rawValue)
    text(record.column)
    text(record.message?.id)
    text(record.message?.en)
    text(record.opdCode)
    text(record.opdName)
    text(record.stage?.rawValue)
    integer(record.fiscalYear.map { Int64($0) })
    text(record.date)
    text(record.snapshotDate)
    integer(amount)
    text(record.amount != nil && amount == nil ? record.amount?.decimalString : nil)
    money(line?.pdn)
    money(line?.umkk)
    money(line?.local)
    text(line?.pdnSource.code)
    text(line?.umkkSource.code)
    text(line?.localSource.code)
    integer(record.isBudget ? 1 : 0)
    text(record.rupCodes.isEmpty ? nil : record.rupCodes.joined(separator: ";"))
    let code = sqlite3_step(handle)
    if code != SQLITE_DONE {
      failure = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
    }
    sqlite3_reset(handle)
  }
}
