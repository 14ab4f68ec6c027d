/// The share columns of one stage's table (PDN, UMK-K, local), for the table and Markdown
/// renderers: each known share written against the minimums of the rules checked beside
/// it (``ShareText``), and beside it the share whose status is unknown, `?12,30` (nothing
/// when no amount is unknown).
struct ShareColumns {
  /// What the legend under the tables has to explain.
  struct Legend {
    /// An unknown share is shown somewhere.
    var unknown = false
    /// A share is written with more than two decimals, or as a bound.
    var exact = false

    mutating func merge(_ other: Legend) {
      unknown = unknown || other.unknown
      exact = exact || other.exact
    }
  }

  struct Cell {
    let known: String
    let unknown: String
  }

  /// Per group, per metric (in `Metric.allCases` order).
  let cells: [[Cell]]
  let legend: Legend

  init(groups: [GroupReport], stage: Stage, rules: [Rule], format: NumberFormat) {
    var legend = Legend()
    cells = groups.map { group in
      Metric.allCases.map { metric in
        guard let figures = group[stage] else { return Cell(known: "-", unknown: "") }
        let values = figures[metric]
        let minimums = rules.filter { $0.metric == metric && $0.stages.contains(stage) }.compactMap(\.minimum)
        let known = ShareText.text(
          amount: values.amount, total: figures.denominatorTotal, minimums: minimums,
          separator: format.separator)
        if known != format.share(values.share) { legend.exact = true }
        guard values.unknown.sen != 0, let share = values.unknownShare else {
          return Cell(known: known, unknown: "")
        }
        legend.unknown = true
        return Cell(known: known, unknown: "?" + share.fixed(separator: format.separator))
      }
    }
    self.legend = legend
  }

  /// The widest unknown share of each metric (0: none shown).
  private var unknownWidths: [Int] {
    Metric.allCases.indices.map { index in cells.map { $0[index].unknown.count }.max() ?? 0 }
  }

  /// The column headers: `PDN %`, `UMK-K %`, `Lokal %`.
  static func headers(_ text: Localizer) -> [String] {
    Metric.allCases.map { text.metric($0) + " %" }
  }

  /// The header and the rows of an aligned text table: in each column the known shares
  /// end under the end of the header, the unknown shares right-aligned after them.
  func aligned(_ text: Localizer) -> (header: [String], rows: [[String]]) {
    let headers = Self.headers(text)
    let unknownWidths = unknownWidths
    let knownWidths = headers.indices.map { index in
      max(headers[index].count, cells.map { $0[index].known.count }.max() ?? 0)
    }
    func cell(_ known: String, _ unknown: String, _ index: Int) -> String {
      let knownPart = String(repeating: " ", count: knownWidths[index] - known.count) + known
      guard unknownWidths[index] > 0 else { return knownPart }
      return knownPart + " " + String(repeating: " ", count: unknownWidths[index] - unknown.count) + unknown
    }
    return (
      headers.indices.map { cell(headers[$0], "", $0) },
      cells.map { row in row.indices.map { cell(row[$0].known, row[$0].unknown, $0) } }
    )
  }

  /// The cells of one row as plain text: `73,83 ?18,27`.
  func joined(row: Int) -> [String] {
    cells[row].map { $0.unknown.isEmpty ? $0.known : $0.known + " " + $0.unknown }
  }
}
