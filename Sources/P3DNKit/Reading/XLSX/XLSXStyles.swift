/// The cell styles of a workbook (`xl/styles.xml`), reduced to what reading needs: whether
/// each cell format (the `s` attribute of a cell, an index into `<cellXfs>`) shows dates.
struct XLSXStyles: Sendable {
  /// Per cell format: whether its number format is a date or time format.
  let dateFormats: [Bool]

  static let none = XLSXStyles(dateFormats: [])

  /// Whether cell format `index` shows a date (false for an index the workbook lacks).
  @inline(__always)
  func isDate(_ index: Int) -> Bool { index >= 0 && index < dateFormats.count && dateFormats[index] }

  /// Reads the styles part `part` of the workbook at `path`.
  static func read(path: String, part: String) throws(ReadError) -> XLSXStyles {
    let tokenizer = XMLTokenizer(source: XLSXPartStream(path: path, part: part), path: path, part: part)
    var customDates: [Int: Bool] = [:]
    var formatIDs: [Int] = []
    var inCellFormats = false
    while true {
      switch try tokenizer.next() {
      case .start:
        if tokenizer.nameIs("numFmt") {
          if let id = tokenizer.attributeString("numFmtId").flatMap({ Int($0) }) {
            customDates[id] = XLSXNumberFormat.isDate(
              formatCode: tokenizer.attributeString("formatCode") ?? "")
          }
        } else if tokenizer.nameIs("cellXfs") {
          inCellFormats = !tokenizer.selfClosing
        } else if inCellFormats && tokenizer.nameIs("xf") {
          formatIDs.append(tokenizer.attributeString("numFmtId").flatMap { Int($0) } ?? 0)
        }
      case .end:
        if tokenizer.nameIs("cellXfs") { inCellFormats = false }
      case .text:
        break
      case .endOfDocument:
        return XLSXStyles(
          dateFormats: formatIDs.map { customDates[$0] ?? XLSXNumberFormat.isBuiltInDate($0) })
      }
    }
  }
}
