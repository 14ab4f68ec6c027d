import GRDB

/// One ingested file: a snapshot of an export as of a date.
public struct SourceRecord: Equatable, Sendable, Codable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "source"

  public var id: Int64?
  public var sha256: String
  public var size: Int = 0
  public var path: String
  public var profile: String
  /// `plan`, `realization`, `plan+realization`, or nil (a budget).
  public var stage: String?
  /// The one fiscal year of its rows, or nil (none, or several).
  public var fiscalYear: Int?
  /// yyyy-mm-dd.
  public var asOf: String
  public var format: String
  public var rows: Int
  public var included: Int
  public var excluded: Int
  public var rejected: Int
  /// The file's sums as JSON (``FileSums``).
  var sums: String = ""
  /// The export's kind (profile and header) and scope (its KLPD codes).
  public var kind: String = ""
  public var scope: String = ""
  /// The vendor list it was read with (`--vendors`), as JSON (``VendorListSummary``).
  var vendors: String? = nil

  enum CodingKeys: String, CodingKey {
    case id, sha256, size, path, profile, stage, format, rows, included, excluded, rejected, sums, kind, scope
    case vendors
    case fiscalYear = "fiscal_year"
    case asOf = "as_of"
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What an ingest did with one file.
public enum IngestOutcome: Equatable, Sendable {
  /// A new source, with its rows.
  case added(SourceRecord)
  /// The same file (by its SHA-256) was ingested before: nothing changed.
  case unchanged(SourceRecord)
}
