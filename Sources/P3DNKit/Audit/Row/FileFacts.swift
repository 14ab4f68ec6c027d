/// What a whole file says of itself, for CONTRACT §7.3 (snapshots): its as-of date (the
/// export's own snapshot date, else the latest day in any of its date columns), its scope
/// (the `kd_klpd` values) and its fiscal years (the fiscal-year cells).
///
/// Kept only for exports of a known dataset; a date column is one whose every non-empty
/// cell is a date, so each column is watched until a cell that is not a date drops it.
struct FileFacts {
  private let snapshotIndex: Int?
  private let scopeIndex: Int?
  private let klpdNameIndex: Int?
  private let yearIndex: Int?
  /// Columns still taken for date columns, with the latest day seen in each (yyyymmdd).
  private var dateColumns: [(index: Int, latest: Int)]
  private var days = ByteCache<Int>(limit: 1 << 16)
  private var latestSnapshot = 0
  private(set) var scopes: Set<String> = []
  /// The KLPD names seen (`nama_klpd`), at most ``klpdNameLimit``.
  private(set) var klpdNames: Set<String> = []
  static let klpdNameLimit = 8
  private var lastKlpdName: [UInt8] = []
  private(set) var fiscalYears: Set<Int> = []
  private let encoding: TextEncoding

  init(header: HeaderNames, encoding: TextEncoding, fiscalYearIndex: Int) {
    self.encoding = encoding
    let snapshotIndex = header.index(ofAny: ["_event_date", "tgl_penarikan"])
    self.snapshotIndex = snapshotIndex
    scopeIndex = header.index(ofAny: ["kd_klpd", "kode_klpd"])
    klpdNameIndex = header.index(ofAny: ["nama_klpd"])
    yearIndex = fiscalYearIndex >= 0 ? fiscalYearIndex : nil
    // Identifiers, amounts and opaque tokens are never dates.
    let never: Set<String> = ["lastupdateref", "tahunanggaran", "fiscalyear", "tahun"]
    dateColumns = header.original.indices.filter { index in
      index != snapshotIndex && !never.contains(HeaderNames.normalize(header.original[index]))
    }.map { ($0, 0) }
  }

  /// Hands what it saw to the file's result.
  func finish(into result: inout FileResult) {
    result.scopes.formUnion(scopes)
    result.klpdNames.formUnion(klpdNames)
    result.fiscalYears.formUnion(fiscalYears)
    result.snapshotDay = max(result.snapshotDay, latestSnapshot)
    result.dateColumns = Dictionary(uniqueKeysWithValues: dateColumns.map { ($0.index, $0.latest) })
  }

  mutating func observe<S: RecordSource>(_ source: S) {
    if let scopeIndex {
      let cell = ByteText.trimmed(source.cell(scopeIndex))
      if !cell.isEmpty { scopes.insert(TextDecoding.decode(cell, as: encoding)) }
    }
    if let klpdNameIndex, klpdNames.count < Self.klpdNameLimit {
      // Nearly every row repeats the previous one's name: only a new one is decoded.
      let cell = ByteText.trimmed(source.cell(klpdNameIndex))
      if !cell.isEmpty && !cell.elementsEqual(lastKlpdName) {
        lastKlpdName = Array(cell)
        klpdNames.insert(TextDecoding.decode(cell, as: encoding))
      }
    }
    if let yearIndex, let year = DateReader.fiscalYear(source.cell(yearIndex)) { fiscalYears.insert(year) }
    if let snapshotIndex {
      let cell = ByteText.trimmed(source.cell(snapshotIndex))
      if !cell.isEmpty, let day = day(cell) { latestSnapshot = max(latestSnapshot, day) }
    }
    var position = 0
    while position < dateColumns.count {
      let cell = ByteText.trimmed(source.cell(dateColumns[position].index))
      if cell.isEmpty {
        position += 1
        continue
      }
      if let day = day(cell) {
        dateColumns[position].latest = max(dateColumns[position].latest, day)
        position += 1
      } else {
        dateColumns.remove(at: position)
      }
    }
  }

  /// A cell's day as yyyymmdd, or nil when it is not a date (0 is stored for "not a date").
  private mutating func day(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
    // Distinct date-time cells are many: the day is read from its first ten bytes.
    let key = cell.count > 10 && Self.isISODay(cell) ? UnsafeBufferPointer(rebasing: cell[0..<10]) : cell
    let encoding = self.encoding
    let value = days.value(for: key) { bytes in
      guard let day = DateReader.parse(TextDecoding.decode(bytes, as: encoding)) else { return 0 }
      return day.year * 10_000 + day.month * 100 + day.day
    }
    if key.count != cell.count && !Self.isTimeTail(cell) { return nil }
    return value > 0 ? value : nil
  }

  private static func isISODay(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    cell[4] == UInt8(ascii: "-") && cell[7] == UInt8(ascii: "-")
  }

  /// What follows a `yyyy-mm-dd` day in a date-time cell: `T` or a space, then `hh:`.
  private static func isTimeTail(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    guard cell.count >= 14 else { return false }
    let separator = cell[10]
    guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: " ") else { return false }
    return cell[11] &- 0x30 < 10 && cell[12] &- 0x30 < 10 && cell[13] == UInt8(ascii: ":")
  }
}
