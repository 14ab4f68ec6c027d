/// Decides whether a vendor's kab/kota cell names the policy's region.
public struct RegionMatcher: Sendable {
  private let names: Set<String>

  /// `names`: the region's names, e.g. `Kutai Kartanegara` and `Kukar`.
  public init(names: [String]) {
    self.names = Set(names.map { Self.collapse($0) })
  }

  /// True when the whole cell is one of the names, in any case, with or without a
  /// `Kab.`/`Kabupaten` prefix (or the ISB `(Kab.)` suffix).
  public func matches(_ cell: String) -> Bool {
    var text = Self.collapse(cell)
    for prefix in ["kabupaten ", "kab. ", "kab.", "kab "] where text.hasPrefix(prefix) {
      text = String(text.dropFirst(prefix.count)).trimmingWhitespace()
      break
    }
    for suffix in [" (kab.)", " (kabupaten)", "(kab.)"] where text.hasSuffix(suffix) {
      text = String(text.dropLast(suffix.count)).trimmingWhitespace()
      break
    }
    return names.contains(text)
  }

  /// Lowercase, trimmed, inner runs of white space as one space.
  static func collapse(_ text: String) -> String {
    text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
