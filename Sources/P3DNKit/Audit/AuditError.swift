/// A problem that stops an audit: bad usage or input that cannot be read at all
/// (CONTRACT §3, exit status 2).
public enum AuditError: Error, Equatable, Sendable {
  case noInputs
  case missingFile(path: String)
  case emptyFolder(path: String)
  /// `--plan` / `--realization` name a folder; they take files.
  case folderGivenAsFile(path: String)
  /// The same file given with both --plan and --realization.
  case twoStages(path: String, other: String)
  /// A file with nothing but white space.
  case emptyFile(path: String)
  /// A JSON export holding an empty array: no columns to know its format by.
  case emptyJSONArray(path: String)
  case read(ReadError)
  case unknownProfile(name: String)
  /// No record within the first 50 holds a known amount column and OPD column.
  case unrecognizedHeader(path: String, firstRecord: [String], forced: String?)
  /// A header with the profile's amount column but without an OPD code column, or the
  /// other way round.
  case missingColumn(path: String, profile: String, line: Int, missing: [String])
  /// A canonical file with neither a `tahap` column nor --plan / --realization.
  case unknownFileStage(path: String)
  /// A row whose `tahap` is empty or another word.
  case badStageCell(path: String, line: Int, column: String, value: String)
  /// Data of several fiscal years without --year: each year with the files holding it.
  case severalYears(years: [Int], files: [Int: [String]])
  /// No row with a fiscal year, and no --year: the files read.
  case noYear(files: [String])
  case policy(PolicyError)
  /// A `--map` file that cannot be used.
  case mapping(PolicyError)
  /// A file that neither the `--map` mapping nor a built-in profile fits.
  case mappedColumnsMissing(
    path: String, mapping: String, amount: [String], opd: [String], firstRecord: [String])
  /// `--denominator budget` without a `struktur-anggaran` input.
  case noBudgetInput(files: [String])
  /// `--year` for which no row of any input is included: the years that have some.
  case noRowsForYear(year: Int, years: [Int])
  /// An `--opd` that matches no OPD of the data: the closest codes and names.
  case noSuchOPD(filter: String, closest: [String])
  /// A `check --opd` that matches several OPDs: each as `code name`.
  case severalOPDs(filter: String, matches: [String])
  /// `explain FILE:LINE`: the file is none of the inputs (the inputs' paths listed).
  case notAnInput(path: String, inputs: [String])
  /// `explain FILE:LINE`: no row starts on that line (the lines of the first and last rows
  /// of the file, when it has rows).
  case noRowAtLine(path: String, line: Int, rows: ClosedRange<Int>?)
}

extension AuditError {
  /// The same error with its line numbers moved by `offset` (for a part of a file read on
  /// its own).
  func shiftingLines(by offset: Int) -> AuditError {
    switch self {
    case .badStageCell(let path, let line, let column, let value):
      return .badStageCell(path: path, line: line + offset, column: column, value: value)
    case .read(.unterminatedQuote(let path, let line)):
      return .read(.unterminatedQuote(path: path, line: line + offset))
    case .read(.recordTooLong(let path, let line)):
      return .read(.recordTooLong(path: path, line: line + offset))
    default:
      return self
    }
  }
}
