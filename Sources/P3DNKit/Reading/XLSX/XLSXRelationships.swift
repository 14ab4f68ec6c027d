/// The relationships of one part of a workbook's package (`xl/_rels/workbook.xml.rels`):
/// which part each relationship id points to, and of what type.
struct XLSXRelationships {
  struct Relationship {
    let id: String
    /// The type URI (`…/relationships/worksheet`).
    let type: String
    /// The target part, resolved to a path inside the archive (`xl/worksheets/sheet1.xml`).
    let part: String
  }

  let items: [Relationship]

  static let none = XLSXRelationships(items: [])

  /// The target part of relationship `id`.
  func part(id: String) -> String? { items.first { $0.id == id }?.part }

  /// The target part of the first relationship whose type ends with `/suffix`.
  func part(type suffix: String) -> String? { items.first { $0.type.hasSuffix("/" + suffix) }?.part }

  /// Where the relationships of `part` are kept: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
  static func relationshipsPart(of part: String) -> String {
    let folder = folder(of: part)
    return folder + "_rels/" + part.dropFirst(folder.count) + ".rels"
  }

  /// The folder of `part`, with its trailing `/` (empty at the package root).
  static func folder(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "" }
    return String(part[...slash])
  }

  /// The archive path of a relationship target: relative to the folder of the source part
  /// (`worksheets/sheet1.xml`, `../xl/styles.xml`) or absolute from the package root
  /// (`/xl/worksheets/sheet1.xml`).
  static func resolve(_ target: String, from sourcePart: String) -> String {
    let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder(of: sourcePart) + target
    var segments: [Substring] = []
    for segment in joined.split(separator: "/", omittingEmptySubsequences: true) {
      if segment == "." { continue }
      if segment == ".." {
        if !segments.isEmpty { segments.removeLast() }
        continue
      }
      segments.append(segment)
    }
    return segments.joined(separator: "/")
  }

  /// Reads the relationships part `relationshipsPart`, whose source part is `sourcePart`.
  static func read(path: String, relationshipsPart: String, sourcePart: String) throws(ReadError)
    -> XLSXRelationships
  {
    let tokenizer = XMLTokenizer(
      source: XLSXPartStream(path: path, part: relationshipsPart), path: path, part: relationshipsPart)
    var items: [Relationship] = []
    while true {
      switch try tokenizer.next() {
      case .start where tokenizer.nameIs("Relationship"):
        guard tokenizer.attributeString("TargetMode") != "External",
          let id = tokenizer.attributeString("Id"), let target = tokenizer.attributeString("Target")
        else { continue }
        items.append(
          Relationship(
            id: id, type: tokenizer.attributeString("Type") ?? "",
            part: resolve(target, from: sourcePart)))
      case .endOfDocument:
        return XLSXRelationships(items: items)
      default:
        continue
      }
    }
  }
}
