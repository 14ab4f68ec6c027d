import Foundation
import ZIPFoundation

/// An .xlsx workbook: its sheet names, shared strings and cell styles.
///
/// The package is a ZIP archive read by ZIPFoundation. The workbook part is the one that
/// `_rels/.rels` names (normally `xl/workbook.xml`); its sheets, in workbook order, are
/// found through its relationships (`xl/_rels/workbook.xml.rels`), and so are the
/// shared-string table and the styles, both optional. The shared strings are held in
/// memory (compactly, one byte buffer); a sheet is read as a stream by
/// ``openSheet(named:)``.
public final class XLSXWorkbook {
  public let path: String
  /// Sheet names in workbook order.
  public let sheetNames: [String]
  /// The archive path of each sheet's part (nil when the workbook does not say).
  private let sheetParts: [String?]
  private let sharedStrings: XLSXSharedStrings
  private let styles: XLSXStyles
  /// Whether dates count from 1904-01-01 (`<workbookPr date1904="1"/>`).
  public let uses1904Dates: Bool

  private static let defaultWorkbookPart = "xl/workbook.xml"

  /// Opens the workbook at `path` and reads its sheet list, shared strings and styles.
  public init(path: String) throws(ReadError) {
    self.path = path
    // A missing or unreadable file is reported as for any other input.
    _ = try FileBytes(path: path)
    let parts: Set<String>
    do {
      let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
      parts = Set(archive.map(\.path))
    } catch {
      throw .badXLSX(path: path, detail: XLSXProblem.notZip)
    }

    var workbookPart = Self.defaultWorkbookPart
    if parts.contains("_rels/.rels") {
      let packageRelationships = try XLSXRelationships.read(
        path: path, relationshipsPart: "_rels/.rels", sourcePart: "")
      if let named = packageRelationships.part(type: "officeDocument"), parts.contains(named) {
        workbookPart = named
      }
    }
    guard parts.contains(workbookPart) else {
      throw .badXLSX(path: path, detail: XLSXProblem.noWorkbook(Self.defaultWorkbookPart))
    }
    let (sheets, uses1904Dates) = try Self.readSheetList(path: path, part: workbookPart)
    let relationshipsPart = XLSXRelationships.relationshipsPart(of: workbookPart)
    let relationships =
      parts.contains(relationshipsPart)
      ? try XLSXRelationships.read(path: path, relationshipsPart: relationshipsPart, sourcePart: workbookPart)
      : .none
    let folder = XLSXRelationships.folder(of: workbookPart)

    self.sheetNames = sheets.map(\.name)
    self.sheetParts = sheets.map { sheet in sheet.id.flatMap { relationships.part(id: $0) } }
    self.uses1904Dates = uses1904Dates

    let sharedStringsPart = relationships.part(type: "sharedStrings") ?? folder + "sharedStrings.xml"
    self.sharedStrings =
      parts.contains(sharedStringsPart)
      ? try XLSXSharedStrings.read(path: path, part: sharedStringsPart) : .none
    let stylesPart = relationships.part(type: "styles") ?? folder + "styles.xml"
    self.styles = parts.contains(stylesPart) ? try XLSXStyles.read(path: path, part: stylesPart) : .none
  }

  /// Opens a sheet: `name` nil means the first sheet. An unknown name throws a ReadError
  /// that lists the sheet names.
  public func openSheet(named name: String?) throws(ReadError) -> XLSXSheetReader {
    guard !sheetNames.isEmpty else { throw .badXLSX(path: path, detail: XLSXProblem.noSheets) }
    let index: Int
    if let name {
      guard
        let found = sheetNames.firstIndex(of: name)
          ?? sheetNames.firstIndex(where: { $0.lowercased() == name.lowercased() })
      else {
        throw .noSuchSheet(path: path, name: name, sheets: sheetNames)
      }
      index = found
    } else {
      index = 0
    }
    guard let part = sheetParts[index] else {
      throw .badXLSX(path: path, detail: XLSXProblem.sheetWithoutPart(sheetNames[index]))
    }
    return XLSXSheetReader(
      path: path, part: part, sheetName: sheetNames[index], sharedStrings: sharedStrings, styles: styles,
      uses1904Dates: uses1904Dates)
  }

  /// The sheets (name and relationship id) of the workbook part, and its date system.
  private static func readSheetList(path: String, part: String) throws(ReadError)
    -> ([(name: String, id: String?)], Bool)
  {
    let tokenizer = XMLTokenizer(source: XLSXPartStream(path: path, part: part), path: path, part: part)
    var sheets: [(name: String, id: String?)] = []
    var uses1904Dates = false
    while true {
      switch try tokenizer.next() {
      case .start:
        if tokenizer.nameIs("workbookPr") {
          let flag = tokenizer.attributeString("date1904") ?? ""
          uses1904Dates = flag == "1" || flag.lowercased() == "true"
        } else if tokenizer.nameIs("sheet"), let name = tokenizer.attributeString("name") {
          sheets.append((name, tokenizer.attributeString("id")))
        }
      case .endOfDocument:
        return (sheets, uses1904Dates)
      default:
        continue
      }
    }
  }
}
