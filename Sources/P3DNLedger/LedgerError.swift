import P3DNKit

/// A ledger that cannot be used, or an ingest that cannot be done.
public enum LedgerError: Error, Equatable, Sendable {
  /// There is no ledger at the path (only `ingest` creates one).
  case noLedger(path: String)
  /// The database cannot be opened or read (its path and SQLite's message).
  case cannotOpen(path: String, reason: String)
  /// The database was written by a newer version of p3dn (its unknown migrations).
  case newerSchema(path: String, migrations: [String])
  /// A file to ingest cannot be read: the audit's own error.
  case input(AuditError)
  /// `forget` names no source.
  case noSuchSource(id: Int64)
  /// An `--as-of` date that is not `yyyy-mm-dd`.
  case badDate(String)
  /// No source counts as of the date (nil: the ledger is empty).
  case nothingAsOf(String?)
  /// SQLite failed while reading or writing (a write leaves the database as it was).
  case database(path: String, reason: String)

  public func message(_ language: Language) -> String {
    let en = language == .en
    switch self {
    case .noLedger(let path):
      return en
        ? "\(path): there is no ledger here; `p3dn ingest` creates it. Check the path given with --db or P3DN_DB."
        : "\(path): tidak ada buku besar di sini; `p3dn ingest` membuatnya. Periksa jalur --db atau P3DN_DB."
    case .cannotOpen(let path, let reason):
      return en
        ? "\(path): the ledger cannot be opened (\(reason)). Check the path given with --db or P3DN_DB."
        : "\(path): buku besar tidak dapat dibuka (\(reason)). Periksa jalur --db atau P3DN_DB."
    case .newerSchema(let path, let migrations):
      let list = migrations.joined(separator: ", ")
      return en
        ? "\(path): the ledger was written by a newer version of p3dn (\(list)); update p3dn to open it."
        : "\(path): buku besar ditulis oleh versi p3dn yang lebih baru (\(list)); perbarui p3dn untuk membukanya."
    case .input(let error):
      return error.message(language)
    case .noSuchSource(let id):
      return en
        ? "there is no source \(id) in the ledger; `p3dn sources` lists them."
        : "tidak ada sumber \(id) di buku besar; `p3dn sources` menampilkan daftarnya."
    case .badDate(let text):
      return en
        ? "--as-of \"\(text)\" is not a date yyyy-mm-dd (e.g. 2025-09-30)."
        : "--as-of \"\(text)\" bukan tanggal yyyy-mm-dd (mis. 2025-09-30)."
    case .nothingAsOf(let date):
      if let date {
        return en
          ? "the ledger holds no source as of \(date); `p3dn sources` lists what it holds."
          : "buku besar tidak memuat sumber per \(date); `p3dn sources` menampilkan isinya."
      }
      return en
        ? "the ledger is empty; add exports with `p3dn ingest`."
        : "buku besar kosong; tambahkan ekspor dengan `p3dn ingest`."
    case .database(let path, let reason):
      return en
        ? "\(path): the ledger could not be read or written (\(reason)); nothing in it was changed."
        : "\(path): buku besar tidak dapat dibaca atau ditulis (\(reason)); isinya tidak berubah."
    }
  }
}
