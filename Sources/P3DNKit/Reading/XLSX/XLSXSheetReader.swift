/// The rows of one worksheet as records.
///
/// Each `<row>` of the sheet XML is one record, whose ``line`` is the spreadsheet row
/// number; rows the XML leaves out are not returned, and a row without cells (or with only
/// empty ones) is a record of empty cells. Cells are placed by their column letters
/// (`r="C7"` is field 2), missing cells in between are empty, and ``fieldCount`` is one past
/// the last cell of the row (spreadsheets leave out trailing empty cells, so rows differ in
/// length: ``checksFieldCount`` is false).
///
/// Cell values are text in UTF-8: shared and inline strings (rich-text runs joined,
/// phonetic runs left out), the cached result of formulas (the formula itself is
/// ignored), `TRUE`/`FALSE`, error values (`#N/A`) and ISO dates as written; numbers in
/// plain decimal notation converted exactly from their literal (``XLSXNumberText``), and
/// numbers with a date format as `yyyy-mm-dd` (``XLSXSerialDate``). Merged cells need
/// nothing: the value is in the top-left cell, the others are empty.
///
/// The sheet is streamed (``XLSXPartStream``, ``XMLTokenizer``): memory holds a few chunks
/// of the part and the current row.
public final class XLSXSheetReader: RecordSource {
  public let path: String
  public let sheetName: String
  public var encoding: TextEncoding { .utf8 }
  public var checksFieldCount: Bool { false }
  public private(set) var line = 0

  /// The last column of a sheet (XFD), so a bad reference cannot make a row huge.
  static let columnLimit = 16_384

  private let part: String
  private let tokenizer: XMLTokenizer
  private let sharedStrings: XLSXSharedStrings
  private let styles: XLSXStyles
  private let uses1904Dates: Bool

  private var state = State.beforeSheetData
  /// The cell values of the current row, one after another, and where each column's
  /// value starts and ends (an empty range for a missing cell).
  private let values = GrowableBytes(capacity: 1 << 14)
  private var starts: [Int] = []
  private var ends: [Int] = []
  public private(set) var fieldCount = 0

  /// The cell being read.
  private var cellType = CellType.number
  private var cellStyle = 0
  private var cellColumn = -1
  /// The raw text of the cell's `<v>`, or its inline string.
  private let cellText = GrowableBytes(capacity: 1 << 12)
  private var collecting = false
  private var inInlineString = false
  private var inPhonetic = false

  private enum State { case beforeSheetData, inSheetData, done }

  private enum CellType {
    case number, sharedString, inlineString, formulaString, boolean, error, date, other
  }

  init(
    path: String, part: String, sheetName: String, sharedStrings: XLSXSharedStrings, styles: XLSXStyles,
    uses1904Dates: Bool
  ) {
    self.path = path
    self.part = part
    self.sheetName = sheetName
    self.sharedStrings = sharedStrings
    self.styles = styles
    self.uses1904Dates = uses1904Dates
    self.tokenizer = XMLTokenizer(source: XLSXPartStream(path: path, part: part), path: path, part: part)
    starts.reserveCapacity(64)
    ends.reserveCapacity(64)
  }

  public func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0 && index < fieldCount else { return UnsafeBufferPointer(start: nil, count: 0) }
    return values.bytes(starts[index], ends[index])
  }

  public func next() throws(ReadError) -> Bool {
    do {
      return try advance()
    } catch {
      // A sheet that cannot be read is not read further.
      state = .done
      tokenizer.cancel()
      throw error
    }
  }

  private func advance() throws(ReadError) -> Bool {
    while state != .done {
      let token = try tokenizer.next()
      switch state {
      case .beforeSheetData:
        if token == .start && tokenizer.nameIs("sheetData") {
          state = tokenizer.selfClosing ? .done : .inSheetData
        } else if token == .endOfDocument {
          state = .done
        }
      case .inSheetData:
        switch token {
        case .start where tokenizer.nameIs("row"):
          try readRow()
          return true
        case .end where tokenizer.nameIs("sheetData"), .endOfDocument:
          state = .done
        default:
          break
        }
      case .done:
        break
      }
    }
    tokenizer.cancel()
    return false
  }

  /// Reads the row whose start tag is the current token, up to its end tag.
  private func readRow() throws(ReadError) {
    if let number = tokenizer.attribute("r").flatMap(Self.decimal) {
      line = number
    } else {
      line += 1
    }
    values.removeAll()
    starts.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    fieldCount = 0
    cellColumn = -1
    if tokenizer.selfClosing { return }
    let rowDepth = tokenizer.depth
    while true {
      switch try tokenizer.next() {
      case .start:
        if tokenizer.nameIs("c") && tokenizer.depth <= rowDepth + 1 {
          try startCell()
          if tokenizer.selfClosing { try finishCell() }
        } else if tokenizer.nameIs("v") && !inInlineString {
          collecting = !tokenizer.selfClosing
        } else if tokenizer.nameIs("is") {
          inInlineString = !tokenizer.selfClosing
        } else if tokenizer.nameIs("rPh") {
          inPhonetic = !tokenizer.selfClosing
        } else if tokenizer.nameIs("t") && inInlineString && !inPhonetic {
          collecting = !tokenizer.selfClosing
        }
      case .end:
        if tokenizer.nameIs("row") && tokenizer.depth < rowDepth { return }
        if tokenizer.nameIs("c") && tokenizer.depth == rowDepth {
          try finishCell()
        } else if tokenizer.nameIs("v") || tokenizer.nameIs("t") {
          collecting = false
        } else if tokenizer.nameIs("is") {
          inInlineString = false
        } else if tokenizer.nameIs("rPh") {
          inPhonetic = false
        }
      case .text:
        if collecting { tokenizer.appendText(to: cellText) }
      case .endOfDocument:
        return
      }
    }
  }

  /// Takes the reference, type and style of the cell whose start tag is the current token.
  private func startCell() throws(ReadError) {
    cellText.removeAll()
    collecting = false
    inInlineString = false
    inPhonetic = false
    if let reference = tokenizer.attribute("r"), let column = Self.column(of: reference) {
      guard column < Self.columnLimit else {
        throw .badXLSX(
          path: path,
          detail: XLSXProblem.badCellReference(String(decoding: reference, as: UTF8.self), part: part))
      }
      cellColumn = column
    } else {
      cellColumn += 1
      guard cellColumn < Self.columnLimit else {
        throw .badXLSX(path: path, detail: XLSXProblem.badCellReference(reference(), part: part))
      }
    }
    cellStyle = tokenizer.attribute("s").flatMap(Self.decimal) ?? 0
    cellType = tokenizer.attribute("t").map(Self.cellType) ?? .number
  }

  /// Writes the value of the cell just read into its column.
  private func finishCell() throws(ReadError) {
    collecting = false
    inInlineString = false
    let start = values.count
    let text = cellText.bytes(0, cellText.count)
    switch cellType {
    case .sharedString:
      let trimmed = ByteText.trimmed(text)
      guard let index = Self.decimal(trimmed), let string = sharedStrings.string(index) else {
        if trimmed.isEmpty { break }
        throw .badXLSX(
          path: path,
          detail: XLSXProblem.sharedStringIndex(
            cell: reference(), index: String(decoding: trimmed, as: UTF8.self), count: sharedStrings.count))
      }
      values.append(string)
    case .inlineString, .formulaString:
      values.append(text)
      XMLText.decodeEscapes(in: values, from: start)
    case .boolean:
      let trimmed = ByteText.trimmed(text)
      if trimmed.count == 1 && trimmed[0] == UInt8(ascii: "1") {
        values.append("TRUE")
      } else if trimmed.count == 1 && trimmed[0] == UInt8(ascii: "0") {
        values.append("FALSE")
      } else {
        values.append(text)
      }
    case .number:
      if text.isEmpty { break }
      if styles.isDate(cellStyle) && XLSXSerialDate.append(text, date1904: uses1904Dates, to: values) {
        break
      }
      XLSXNumberText.append(text, to: values)
    case .error, .date, .other:
      values.append(text)
    }
    place(column: cellColumn, start: start, end: values.count)
  }

  @inline(__always)
  private func place(column: Int, start: Int, end: Int) {
    while fieldCount <= column {
      starts.append(0)
      ends.append(0)
      fieldCount += 1
    }
    starts[column] = start
    ends[column] = end
  }

  /// The reference of the current cell (`C7`), from its column and row.
  private func reference() -> String {
    var letters: [UInt8] = []
    var rest = cellColumn + 1
    while rest > 0 {
      letters.insert(UInt8(ascii: "A") + UInt8((rest - 1) % 26), at: 0)
      rest = (rest - 1) / 26
    }
    return String(decoding: letters, as: UTF8.self) + String(line)
  }

  /// The 0-based column of a cell reference (`C7` → 2), nil when it has no column letters.
  static func column(of reference: UnsafeBufferPointer<UInt8>) -> Int? {
    var column = 0
    var letters = 0
    for byte in reference {
      let upper = byte & 0xDF
      guard upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z") && byte >= 0x41 else { break }
      column = column * 26 + Int(upper - UInt8(ascii: "A") + 1)
      letters += 1
      if letters > 4 { return columnLimit }
    }
    return letters == 0 ? nil : column - 1
  }

  /// A non-negative decimal integer spelled by `bytes` (up to 15 digits).
  static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty && bytes.count <= 15 else { return nil }
    var value = 0
    for byte in bytes {
      guard XLSXDecimalLiteral.isDigit(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  private static func cellType(_ bytes: UnsafeBufferPointer<UInt8>) -> CellType {
    switch bytes.count {
    case 1:
      switch bytes[0] {
      case UInt8(ascii: "s"): return .sharedString
      case UInt8(ascii: "n"): return .number
      case UInt8(ascii: "b"): return .boolean
      case UInt8(ascii: "e"): return .error
      case UInt8(ascii: "d"): return .date
      default: return .other
      }
    case 3 where XMLText.equals(bytes, "str"): return .formulaString
    case 9 where XMLText.equals(bytes, "inlineStr"): return .inlineString
    default: return .other
    }
  }
}
