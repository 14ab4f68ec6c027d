import GRDB
import P3DNKit

/// `check` and `explain` from the ledger: the rows it keeps of every source, read back
/// into the records an audit's read gives, so that both give the same answer from files
/// and from the ledger.
extension Ledger {
  /// The check of the OPD `filter` names, as of `asOf` (nil: the newest sources).
  public func check(_ request: AuditRequest, asOf: String?, opd filter: String) throws(LedgerError)
    -> CheckReport
  {
    var plain = request
    plain.opdFilters = []
    let (report, settlement, sources) = try settled(plain, asOf: asOf)
    let opd: GroupReport
    do {
      opd = try OPDCheck.match(filter, in: report)
    } catch {
      throw .input(error)
    }
    let name = opd.name.lowercased()
    let rows = try rows(of: sources) { db, ids in
      try Row.fetchCursor(
        db,
        sql: "SELECT \(Self.rowColumns) FROM row WHERE source_id IN (\(ids)) AND (opd_code = ? OR reason = ?)"
          + " ORDER BY source_id, position",
        arguments: [opd.code, ReasonCode.missingOPD.rawValue])
    }.filter { row in
      row.record.opdCode == opd.code || row.record.opdName.map { $0.lowercased() == name } == true
    }
    do {
      return try OPDCheck.build(report: report, settlement: settlement, opd: opd, rows: rows, request: plain)
    } catch {
      throw .input(error)
    }
  }

  /// The rows of the source a report as of `asOf` knows as `path` (its path as ingested, or
  /// a path ending in it) that start on `line`, with the report and its settlement.
  public func rows(
    at path: String, line: Int, request: AuditRequest, asOf: String?
  ) throws(LedgerError) -> (report: AuditReport, settlement: Settlement, rows: [RowEvidence]) {
    let (report, settlement, sources) = try settled(request, asOf: asOf)
    let paths = settlement.files.map(\.path)
    let file =
      paths.firstIndex(of: path)
      ?? paths.indices.first { paths[$0].hasSuffix("/" + path) || path.hasSuffix("/" + paths[$0]) }
    guard let file else { throw .input(.notAnInput(path: path, inputs: paths)) }
    let found = try rows(of: [sources[file]]) { db, ids in
      try Row.fetchCursor(
        db,
        sql: "SELECT \(Self.rowColumns) FROM row WHERE source_id IN (\(ids)) AND line = ? ORDER BY position",
        arguments: [line])
    }.map { row in
      var row = row
      row.file = file
      return row
    }
    if found.isEmpty {
      let span = try lineSpan(of: sources[file])
      throw .input(.noRowAtLine(path: paths[file], line: line, rows: span))
    }
    return (report, settlement, found)
  }

  /// The first and last lines of a source's rows.
  private func lineSpan(of source: Int64) throws(LedgerError) -> ClosedRange<Int>? {
    do {
      return try pool.read { db in
        let row = try Row.fetchOne(
          db, sql: "SELECT min(line), max(line) FROM row WHERE source_id = ?", arguments: [source])
        guard let first: Int = row?[0], let last: Int = row?[1] else { return nil }
        return first...last
      }
    } catch {
      throw .database(path: path, reason: Self.describe(error))
    }
  }

  static let rowColumns =
    "source_id, position, line, reason, column_name, message_id, message_en, opd_code, opd_name, stage,"
    + " fiscal_year, amount_sen, amount_text, pdn_sen, umkk_sen, local_sen, pdn_source, umkk_source,"
    + " local_source, is_budget, rup_codes, line_id, description, account, vendor, vendor_npwp, vendor_code,"
    + " vendor_region, package_key, date, snapshot_date"

  /// The rows a query gives, each with its source's place among `sources`.
  private func rows(
    of sources: [Int64], query: (Database, String) throws -> RowCursor
  ) throws(LedgerError) -> [RowEvidence] {
    let place = Dictionary(sources.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let ids = sources.map(String.init).joined(separator: ",")
    do {
      return try pool.read { db in
        var found: [RowEvidence] = []
        let cursor = try query(db, ids)
        while let row = try cursor.next() {
          let source: Int64 = row["source_id"]
          found.append(Self.evidence(row, file: place[source] ?? 0))
        }
        return found
      }
    } catch {
      throw .database(path: path, reason: Self.describe(error))
    }
  }

  /// A stored row as the record the audit's read gave.
  static func evidence(_ row: Row, file: Int) -> RowEvidence {
    var record = RowRecord(line: row["line"])
    record.position = row["position"]
    record.reason = (row["reason"] as String?).flatMap(ReasonCode.init(rawValue:))
    record.column = row["column_name"]
    if let id: String = row["message_id"], let en: String = row["message_en"] {
      record.message = LocalizedText(id: id, en: en)
    }
    record.opdCode = row["opd_code"]
    record.opdName = row["opd_name"]
    record.stage = (row["stage"] as String?).flatMap(Stage.init(rawValue:))
    record.fiscalYear = row["fiscal_year"]
    record.amount = money(row, sen: "amount_sen", text: "amount_text")
    record.isBudget = row["is_budget"]
    record.rupCodes = (row["rup_codes"] as String?).map { $0.split(separator: ";").map(String.init) } ?? []
    record.packageKey = row["package_key"]
    record.date = row["date"]
    record.snapshotDate = row["snapshot_date"]
    if record.reason == nil && !record.isBudget {
      var classification = LineClassification(
        pdn: money(row, sen: "pdn_sen"), umkk: money(row, sen: "umkk_sen"),
        local: money(row, sen: "local_sen"))
      classification.pdnSource = source(row["pdn_source"])
      classification.umkkSource = source(row["umkk_source"])
      classification.localSource = source(row["local_source"])
      record.classification = classification
    }
    var evidence = RowEvidence(file: file, record: record)
    evidence.lineID = row["line_id"]
    evidence.description = row["description"]
    evidence.account = row["account"]
    evidence.vendor = row["vendor"]
    evidence.vendorNPWP = row["vendor_npwp"]
    evidence.vendorCode = row["vendor_code"]
    evidence.vendorRegion = row["vendor_region"]
    return evidence
  }

  private static func money(_ row: Row, sen: String, text: String? = nil) -> Money? {
    if let value: Int64 = row[sen] { return Money(sen: Int128(value)) }
    if let text, let decimal: String = row[text], case .value(let value, _) = AmountParser.parse(decimal) {
      return value
    }
    return nil
  }

  private static func source(_ code: String?) -> ClassificationSource {
    ClassificationSource.allCases.first { $0.code == code } ?? .unknown
  }
}
