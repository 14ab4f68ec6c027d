/// Applies terminal colours to report text; the plain styler leaves text as it is.
public protocol Styler: Sendable {
  func status(_ text: String, _ status: CheckStatus) -> String
  func heading(_ text: String) -> String
}

/// No colours: for files, pipes and `NO_COLOR`.
public struct PlainStyler: Styler {
  public init() {}
  public func status(_ text: String, _ status: CheckStatus) -> String { text }
  public func heading(_ text: String) -> String { text }
}

/// Aligned columns of text. Cells are measured before styling.
struct TextTable {
  enum Alignment { case left, right }

  struct Cell {
    var text: String
    var status: CheckStatus? = nil
  }

  var alignments: [Alignment]
  var rows: [[Cell]] = []

  func rendered(styler: Styler, indent: String = "") -> [String] {
    var widths = Array(repeating: 0, count: alignments.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.text.count)
      }
    }
    return rows.map { row in
      var line = indent
      for (index, cell) in row.enumerated() where index < widths.count {
        let padding = String(repeating: " ", count: widths[index] - cell.text.count)
        let styled = cell.status.map { styler.status(cell.text, $0) } ?? cell.text
        let isLast = index == row.count - 1
        switch alignments[index] {
        case .left: line += styled + (isLast ? "" : padding)
        case .right: line += padding + styled
        }
        if !isLast { line += "  " }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }
}

extension String {
  /// At most `limit` characters, with an ellipsis when cut.
  func truncated(to limit: Int) -> String {
    count <= limit ? self : String(prefix(limit - 1)) + "…"
  }
}
