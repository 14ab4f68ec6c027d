/// Words wrapped to a width for terminal text.
enum TextWrap {
  /// The words of `text` in lines of at most `width` characters (a longer word stands on
  /// its own line): the first line after `first`, the others after `rest`.
  static func wrap(_ text: String, first: String, rest: String, width: Int) -> [String] {
    var lines: [String] = []
    var lead = first
    var current = first
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if current.count > lead.count && current.count + 1 + word.count > width {
        lines.append(current)
        lead = rest
        current = rest
      }
      current += (current.count > lead.count ? " " : "") + word
    }
    if current.count > lead.count { lines.append(current) }
    return lines
  }
}
