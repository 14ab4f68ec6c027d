/// Whether a line is planned spending (rencana) or realized spending (realisasi).
public enum Stage: String, CaseIterable, Comparable, Sendable, Codable {
  case plan
  case realization

  public static func < (lhs: Stage, rhs: Stage) -> Bool {
    lhs == .plan && rhs == .realization
  }

  /// Reads a `tahap` cell: `rencana`/`plan` or `realisasi`/`realization`, any case.
  public init?(word: String) {
    switch word.trimmingWhitespace().lowercased() {
    case "rencana", "plan": self = .plan
    case "realisasi", "realization": self = .realization
    default: return nil
    }
  }
}

/// What a share measures.
public enum Metric: String, CaseIterable, Sendable, Codable {
  /// Domestic products (produk dalam negeri).
  case pdn
  /// Micro and small enterprises and cooperatives (usaha mikro, kecil dan koperasi).
  case umkk
  /// Local or regional products (produk daerah).
  case local
}

extension String {
  /// The string without leading and trailing white space and newlines.
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else {
      return ""
    }
    guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else {
      return ""
    }
    return String(scalars[first...last])
  }
}
