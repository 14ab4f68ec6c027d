/// What the satker directories among the inputs know (CONTRACT §7.2, FORMATS "Satker
/// directories"): the OPD codes (`kd_satker_str`), and each kind's ids (`kd_satker`)
/// mapped to codes.
public struct SatkerDirectory: Sendable, Codable, Equatable {
  /// Every code a directory lists.
  var codes: Set<String> = []
  /// Ids → codes, by the kind of id (SIRUP, e-Katalog).
  var ids: [DirectoryKind: [String: String]] = [:]
  /// Codes → the satker's name (for OPDs whose lines carry none).
  var names: [String: String] = [:]

  public init() {}

  /// The name a directory gives a code.
  public func name(of code: String) -> String? { names[code] }

  public var isEmpty: Bool { codes.isEmpty && ids.isEmpty }

  /// Adds one row of a directory.
  mutating func add(id: String, code: String, name: String, kind: DirectoryKind) {
    guard !code.isEmpty else { return }
    codes.insert(code)
    if !name.isEmpty && names[code] == nil { names[code] = name }
    if !id.isEmpty && ids[kind]?[id] == nil { ids[kind, default: [:]][id] = code }
  }

  public mutating func merge(_ other: SatkerDirectory) {
    codes.formUnion(other.codes)
    names.merge(other.names) { first, _ in first }
    for (kind, map) in other.ids { ids[kind, default: [:]].merge(map) { first, _ in first } }
  }

  /// The OPD code that a cell which is not itself a dotted code stands for: the cell when a
  /// directory lists it as a code, else the code its id maps to (ids of `kind`); nil when
  /// no directory knows it.
  public func code(for cell: String, kind: DirectoryKind) -> String? {
    if codes.contains(cell) { return cell }
    return ids[kind]?[cell]
  }
}
