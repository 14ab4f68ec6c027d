/// The header of a file: its column names, normalized for matching.
public struct HeaderNames: Sendable {
  public let original: [String]
  private let positions: [String: Int]

  public init(_ names: [String]) {
    original = names
    var positions: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      let key = Self.normalize(name)
      if !key.isEmpty && positions[key] == nil { positions[key] = index }
    }
    self.positions = positions
  }

  /// Lowercase, without spaces, underscores, hyphens and dots: `Kode SKPD` = `kode_skpd`.
  public static func normalize(_ name: String) -> String {
    // ASCII names (nearly all) byte by byte; others through Unicode lowercasing.
    if name.utf8.allSatisfy({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(name.utf8.count)
      for byte in name.utf8 {
        switch byte {
        case 0x20, 0x5F, 0x2D, 0x2E, 0x09, 0x0D, 0x0A: continue
        case 0x41...0x5A: bytes.append(byte | 0x20)
        default: bytes.append(byte)
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    var result = ""
    for scalar in name.lowercased().unicodeScalars {
      switch scalar {
      case " ", "_", "-", ".", "\t", "\u{FEFF}", "\u{00A0}", "\r", "\n": continue
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  public func contains(_ name: String) -> Bool { positions[Self.normalize(name)] != nil }

  /// The position of the first of `names` that the header holds.
  public func index(ofAny names: [String]) -> Int? {
    for name in names {
      if let index = positions[Self.normalize(name)] { return index }
    }
    return nil
  }

  public var count: Int { original.count }
}

/// The columns of one file bound to fields: the column index of each field, or -1.
public struct BoundColumns: Sendable {
  private var indices: [Int]

  public init(profile: Profile, header: HeaderNames) {
    indices = Array(repeating: -1, count: Field.allCases.count)
    for spec in profile.columns {
      if let index = header.index(ofAny: spec.names) { indices[spec.field.rawValue] = index }
    }
  }

  public subscript(field: Field) -> Int? {
    let index = indices[field.rawValue]
    return index >= 0 ? index : nil
  }

  @inline(__always)
  func raw(_ field: Field) -> Int { indices[field.rawValue] }
}
