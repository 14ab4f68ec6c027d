/// The row's OPD (CONTRACT §4.1 "OPD" and "Total row"): the code cell, else the fallback
/// cell, rolled up to its OPD's slot; or a total row; or no usable code.
///
/// What a distinct cell means is worked out once and cached.
struct OPDStage {
  /// What an OPD code cell means.
  struct CodeInfo {
    /// The cell begins with a total word (`JUMLAH`, `TOTAL`, …).
    let isTotal: Bool
    /// The OPD slot after roll-up, or -1 when the cell is not a usable code.
    let slot: Int
    /// A code that is neither dotted digits nor an id (`validate`'s `malformed-opd-code`).
    var malformed = false
  }

  /// The cell a row's OPD was read from.
  struct Read {
    let info: CodeInfo
    let fromFallback: Bool
    let cell: UnsafeBufferPointer<UInt8>
  }

  let codeIndex: Int
  let fallbackIndex: Int
  let nameIndex: Int
  /// Every description-like column: a total word in any of them marks a total row.
  let descriptionIndices: [Int]
  let rule: OPDRule
  let directory: SatkerDirectory
  let encoding: TextEncoding
  let header: HeaderNames
  private var codes = ByteCache<CodeInfo>(limit: Int.max)
  private var fallbackCodes = ByteCache<CodeInfo>(limit: Int.max)
  /// The OPD code of each slot.
  private(set) var slotCodes: [String] = []
  private var slotOfCode: [String: Int] = [:]

  init(
    profile: Profile, header: HeaderNames, columns: BoundColumns, directory: SatkerDirectory,
    encoding: TextEncoding
  ) {
    codeIndex = columns.raw(.opdCode)
    fallbackIndex = columns.raw(.opdCodeFallback)
    nameIndex = columns.raw(.opdName)
    let descriptionNames = Set(
      ((profile.spec(for: .description)?.names ?? []) + ["uraian", "nama_paket", "namapaket"])
        .map(HeaderNames.normalize))
    descriptionIndices = header.original.indices.filter {
      descriptionNames.contains(HeaderNames.normalize(header.original[$0]))
    }
    rule = profile.opdRule
    self.directory = directory
    self.encoding = encoding
    self.header = header
  }

  /// The slot of an OPD code (after roll-up).
  mutating func slot(for code: String) -> Int {
    let rolled = OPDCode.rollUp(code)
    if let existing = slotOfCode[rolled] { return existing }
    slotOfCode[rolled] = slotCodes.count
    slotCodes.append(rolled)
    return slotCodes.count - 1
  }

  /// Reads the row's OPD cell: the code column, else the fallback column when it is empty.
  @_transparent
  mutating func read<S: RecordSource>(_ source: S) -> Read {
    var cell = codeIndex >= 0 ? ByteText.trimmed(source.cell(codeIndex)) : .init(start: nil, count: 0)
    var fromFallback = false
    if cell.isEmpty && fallbackIndex >= 0 {
      cell = ByteText.trimmed(source.cell(fallbackIndex))
      fromFallback = true
    }
    if cell.isEmpty {
      return Read(
        info: CodeInfo(isTotal: isTotalWithoutCode(source), slot: -1), fromFallback: fromFallback, cell: cell)
    }
    let meaning: CodeInfo
    if fromFallback {
      if let known = fallbackCodes.cached(cell) {
        meaning = known
      } else {
        meaning = codeInfo(for: cell, fromFallback: true)
        fallbackCodes.store(cell, meaning)
      }
    } else if let known = codes.cached(cell) {
      meaning = known
    } else {
      meaning = codeInfo(for: cell, fromFallback: false)
      codes.store(cell, meaning)
    }
    return Read(info: meaning, fromFallback: fromFallback, cell: cell)
  }

  /// A row without a code is a total row when its name or a description says so.
  private func isTotalWithoutCode<S: RecordSource>(_ source: S) -> Bool {
    let indices = (nameIndex >= 0 ? [nameIndex] : []) + descriptionIndices
    return TotalRowDetector.isTotalRow(code: "", otherCells: { indices.map(source.text) })
  }

  private mutating func codeInfo(for bytes: UnsafeBufferPointer<UInt8>, fromFallback: Bool) -> CodeInfo {
    let text = TextDecoding.decode(bytes, as: encoding)
    if TotalRowDetector.beginsWithTotalWord(text) { return CodeInfo(isTotal: true, slot: -1) }
    guard fromFallback, case .codeOrKnownFallback(let kind) = rule, !OPDCode.isDotted(text) else {
      return CodeInfo(isTotal: false, slot: slot(for: text), malformed: !CellCheckStage.isOPDCode(bytes))
    }
    // An id in the fallback column counts only when a satker directory knows it.
    guard let code = directory.code(for: text, kind: kind) else { return CodeInfo(isTotal: false, slot: -1) }
    return CodeInfo(isTotal: false, slot: slot(for: code))
  }

  /// The column and message of a row whose OPD cell gives no code (`missing-opd`).
  func missing(_ read: Read) -> (column: String?, message: LocalizedText, unknownID: String?) {
    let columnIndex = read.fromFallback ? fallbackIndex : (codeIndex >= 0 ? codeIndex : fallbackIndex)
    let column = columnIndex >= 0 ? header.original[columnIndex] : nil
    let text = TextDecoding.decode(read.cell, as: encoding)
    if text.isEmpty {
      return (column, LocalizedText(id: "kode OPD kosong", en: "the OPD code is empty"), nil)
    }
    return (
      column,
      LocalizedText(
        id: "kode OPD \"\(text)\" bukan kode bertitik dan tidak dikenal direktori satker mana pun di masukan",
        en: "the OPD code \"\(text)\" is not a dotted code, and no satker directory among the inputs knows it"
      ),
      text
    )
  }
}
