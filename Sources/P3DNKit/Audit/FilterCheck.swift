/// A typo must never pass a CI gate as an empty, compliant report (CONTRACT §2): an
/// `--opd` that matches no OPD of the data, and a `--year` for which no row is included,
/// are errors that name what the data has.
enum FilterCheck {
  /// `--year` given, and no row of any input included for it.
  static func year(_ requested: Int?, report: AuditReport, results: [FileResult]) throws(AuditError) {
    guard let requested, report.inputs.allSatisfy({ $0.included == 0 }) else { return }
    var years: Set<Int> = []
    for result in results {
      for (year, count) in result.candidatesByYear where count > 0 {
        if let year { years.insert(year) }
      }
    }
    throw .noRowsForYear(year: requested, years: years.sorted())
  }

  /// Each `--opd` must match an OPD with an included line.
  static func opds(_ filters: [String], report: AuditReport) throws(AuditError) {
    for filter in filters where !report.hasOPD(matching: filter) {
      throw .noSuchOPD(filter: filter, closest: closest(to: filter, in: report.opds))
    }
  }

  /// The three OPDs whose name or code is nearest to `filter` (edit distance, case
  /// ignored), as `code name`.
  static func closest(to filter: String, in opds: [GroupReport]) -> [String] {
    let needle = Array(filter.lowercased())
    let scored = opds.map { opd -> (Int, String) in
      let name = Array(opd.name.lowercased())
      let code = Array(opd.code.lowercased())
      // A name is compared with its part of the filter's length at each word, so that
      // "Dinas Kesehatn" is close to "Dinas Kesehatan Kabupaten …".
      let nameScore = min(distance(needle, name), distance(needle, Array(name.prefix(needle.count + 1))))
      let codeScore = distance(needle, Array(code.prefix(needle.count)))
      return (min(nameScore, codeScore), "\(opd.code) \(opd.name)")
    }
    return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(3).map(\.1)
  }

  /// Levenshtein distance.
  static func distance(_ left: [Character], _ right: [Character]) -> Int {
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = previous
    for (row, a) in left.enumerated() {
      current[0] = row + 1
      for (column, b) in right.enumerated() {
        current[column + 1] = min(
          previous[column + 1] + 1, current[column] + 1, previous[column] + (a == b ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[right.count]
  }
}
