/// Text safe in a markdown table cell: one line, `|` and markup characters escaped.
enum Markdown {
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\n", "\r", "\t": out.append(" ")
      case "|", "*", "_", "`", "<", ">", "[", "]", "\\": out.append("\\"); out.append(character)
      default:
        if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
          out.append(character)
        }
      }
    }
    return out
  }

  /// Text inside a code span of a table cell: one line, no backquote, `|` escaped (GFM).
  static func code(_ text: String) -> String {
    String(text.map { $0 == "`" || $0 == "\n" || $0 == "\r" ? " " : $0 }).replacing("|", with: "\\|")
  }
}
