/// For a sink (the ledger): what a row's record keeps besides the pipeline's decisions —
/// its date and the export's snapshot date, the KLPD it names, its OPD, and its text cells.
struct RowSinkContext<S: RecordSource> {
  let source: S
  let encoding: TextEncoding
  private let rowDateIndex: Int?
  private let snapshotIndex: Int?
  private let scopeIndex: Int?
  private let nameIndex: Int
  private let cellIndices: [(RowCells.Field, Int)]
  private let vendorCodeIndices: [Int]
  // Each distinct OPD name cell and date cell decoded once.
  private var nameCells = ByteCache<String>(limit: 1 << 16)
  private var days = ByteCache<String?>(limit: 1 << 16)

  init(auditor: FileAuditor, source: S, encoding: TextEncoding) {
    self.source = source
    self.encoding = encoding
    let columns = auditor.columns
    let header = auditor.header
    rowDateIndex = columns[.date]
    snapshotIndex = header.index(ofAny: ["_event_date", "tgl_penarikan"])
    scopeIndex = header.index(ofAny: ["kd_klpd", "kode_klpd"])
    nameIndex = columns.raw(.opdName)
    cellIndices = [
      (.lineID, columns.raw(.lineID)), (.description, columns.raw(.description)),
      (.account, columns[.account] ?? columns.raw(.mak)), (.vendor, columns.raw(.vendor)),
      (.vendorNPWP, columns.raw(.vendorNPWP)), (.vendorRegion, columns.raw(.vendorRegion)),
    ].filter { $0.1 >= 0 }
    vendorCodeIndices = [columns.raw(.vendorCode), columns.raw(.vendorCodeFallback)].filter { $0 >= 0 }
  }

  /// The row's dates, and the KLPD it names.
  mutating func start(_ record: inout RowRecord, ragged: Bool, result: inout FileResult) {
    record.date = day(rowDateIndex)
    record.snapshotDate = day(snapshotIndex)
    if let scopeIndex {
      let scope = source.text(scopeIndex)
      if !scope.isEmpty { result.scopes.insert(scope) }
    }
  }

  /// The row's OPD code (after roll-up) and name cell.
  mutating func noteOPD(_ record: inout RowRecord, slot: Int, opd: OPDStage) {
    record.opdCode = slot >= 0 ? opd.slotCodes[slot] : nil
    guard nameIndex >= 0 else { return }
    let cell = ByteText.trimmed(source.cell(nameIndex))
    let encoding = self.encoding
    record.opdName = nameCells.value(for: cell) { TextDecoding.decode($0, as: encoding) }
  }

  /// The row's text cells.
  func cells() -> RowCells {
    var cells = RowCells(encoding: encoding)
    for (field, index) in cellIndices { cells[field] = ByteText.trimmed(source.cell(index)) }
    // A code of `0` is no code (e-Katalog v6): the fallback column's is used.
    for index in vendorCodeIndices {
      let cell = ByteText.trimmed(source.cell(index))
      if !cell.isEmpty && !(cell.count == 1 && cell[0] == UInt8(ascii: "0")) {
        cells[.vendorCode] = cell
        break
      }
    }
    return cells
  }

  private mutating func day(_ index: Int?) -> String? {
    guard let index else { return nil }
    let cell = ByteText.trimmed(source.cell(index))
    if cell.isEmpty { return nil }
    let encoding = self.encoding
    return days.value(for: cell) { bytes in
      DateReader.parse(TextDecoding.decode(bytes, as: encoding))?.isoText
    }
  }
}
