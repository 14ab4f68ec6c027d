import GRDB
import P3DNKit

/// Writes the record of every row of one source, as the audit reads it, inside the
/// ingest's transaction (one prepared statement; used on the writing thread only).
final class RowWriter: RowSink, @unchecked Sendable {
  private let statement: Statement
  private let sourceID: Int64
  private var position = 0
  /// The first error SQLite gave (the ingest fails with it).
  private(set) var failure: (any Error)?
  /// Fiscal years of the rows that passed every test but the year.
  private(set) var candidateYears: Set<Int> = []
  /// The newest snapshot date and the newest row date seen.
  private(set) var newestSnapshot: String?
  private(set) var newestDate: String?

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
    let amount = record.amount.flatMap { Int64(exactly: $0.sen) }
    let amountText = record.amount != nil && amount == nil ? record.amount?.decimalString : nil
    let line = record.classification
    let arguments: [(any DatabaseValueConvertible)?] = [
      sourceID, Int64(position), Int64(record.line), record.reason?.rawValue, record.column,
      record.message?.id, record.message?.en, record.opdCode, record.opdName, record.stage?.rawValue,
      record.fiscalYear.map { Int64($0) }, record.date, record.snapshotDate, amount, amountText,
      line?.pdn.flatMap { Int64(exactly: $0.sen) }, line?.umkk.flatMap { Int64(exactly: $0.sen) },
      line?.local.flatMap { Int64(exactly: $0.sen) }, line?.pdnSource.code, line?.umkkSource.code,
      line?.localSource.code, record.isBudget,
      record.rupCodes.isEmpty ? nil : record.rupCodes.joined(separator: ";"),
    ]
    do {
      try statement.execute(arguments: StatementArguments(arguments))
    } catch {
      failure = error
    }
  }

  var count: Int { position }
}
