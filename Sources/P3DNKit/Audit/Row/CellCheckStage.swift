/// Cells that read but look wrong (`validate`'s cell checks, docs/validation.md): a
/// negative amount, an NPWP that is not 15 or 16 digits, an OPD code, kode rekening or RUP
/// code that is not of its form. They change no figure; each is counted, and the first few
/// of each kind are kept with their line and column.
///
/// What a distinct cell looks like is worked out once and cached (an OPD code's and an
/// account's form in the caches of ``OPDStage`` and ``AccountStage``).
struct CellCheckStage {
  let amountIndex: Int
  let opdIndex: Int
  let accountIndex: Int
  let npwpIndex: Int
  let rupIndex: Int
  private var npwps = ByteCache<Bool>(limit: 1 << 16)
  private var rupCodes = ByteCache<Bool>(limit: 1 << 16)

  init(columns: BoundColumns) {
    amountIndex = columns.raw(.amount)
    opdIndex = columns.raw(.opdCode)
    accountIndex = columns.raw(.account)
    npwpIndex = columns.raw(.vendorNPWP)
    rupIndex = columns.raw(.rupCode)
  }

  /// A row whose amount was read.
  @_transparent
  func amount(_ amount: Money, line: Int, into found: inout CellFindings) {
    if amount.sen < 0 {
      found.note(.negativeAmount, line: line, column: amountIndex, value: MoneySum(amount).decimalString)
    }
  }

  /// A row whose kode rekening is not of the account's form (from ``AccountStage``'s cache).
  func malformedAccount<S: RecordSource>(_ source: S, line: Int, into found: inout CellFindings) {
    found.note(.malformedAccount, line: line, column: accountIndex, value: source.text(accountIndex))
  }

  /// A row whose usable OPD code cell is not of a code's form.
  func malformedOPDCode<S: RecordSource>(_ source: S, line: Int, into found: inout CellFindings) {
    found.note(.malformedOPDCode, line: line, column: opdIndex, value: source.text(opdIndex))
  }

  /// The NPWP and RUP code cells of a row that may be included.
  @_transparent
  mutating func candidate<S: RecordSource>(_ source: S, line: Int, into found: inout CellFindings) {
    if npwpIndex >= 0 {
      let cell = ByteText.trimmed(source.cell(npwpIndex))
      if Self.isChecked(cell) && !npwps.value(for: cell, compute: Self.isNPWP) {
        found.note(.malformedNPWP, line: line, column: npwpIndex, value: source.text(npwpIndex))
      }
    }
    if rupIndex >= 0 {
      let cell = ByteText.trimmed(source.cell(rupIndex))
      if Self.isChecked(cell) && !rupCodes.value(for: cell, compute: Self.isRUPCode) {
        found.note(.malformedRUPCode, line: line, column: rupIndex, value: source.text(rupIndex))
      }
    }
  }

  /// A cell with a value to check: not empty, not `-`.
  private static func isChecked(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    !cell.isEmpty && !(cell.count == 1 && cell[0] == UInt8(ascii: "-"))
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// Digits in dot-separated segments, none empty (`1.02.0.00.0.00.02.0000`), or an id of
  /// letters, digits, `-` and `_` (`79010`, `D250`).
  static func isOPDCode(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    if cell.contains(UInt8(ascii: ".")) { return isDotted(cell) }
    return cell.allSatisfy { byte in
      isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "-")
        || byte == UInt8(ascii: "_")
    }
  }

  /// A kode rekening: digits in dot-separated segments (`5.1.02.01.01.0024`).
  static func isAccount(_ cell: UnsafeBufferPointer<UInt8>) -> Bool { isDotted(cell) }

  /// 15 or 16 digits, with `.`, `-` and spaces between them (`01.234.567.8-901.000`).
  static func isNPWP(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    var digits = 0
    for byte in cell {
      if isDigit(byte) {
        digits += 1
      } else if byte != UInt8(ascii: ".") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: " ") {
        return false
      }
    }
    return digits == 15 || digits == 16
  }

  /// One or more RUP codes of digits, separated by `;`, `,` or spaces.
  static func isRUPCode(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    var digits = 0
    for byte in cell {
      if isDigit(byte) {
        digits += 1
      } else if byte != UInt8(ascii: ";") && byte != UInt8(ascii: ",") && byte != UInt8(ascii: " ") {
        return false
      }
    }
    return digits > 0
  }

  private static func isDotted(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    var segment = 0
    for byte in cell {
      if isDigit(byte) {
        segment += 1
      } else if byte == UInt8(ascii: ".") && segment > 0 {
        segment = 0
      } else {
        return false
      }
    }
    return segment > 0
  }
}

/// The cells of a file that look wrong, by kind: how many, and the first few with their
/// line, column (0-based) and text.
struct CellFindings: Codable, Sendable, Equatable {
  enum Code: String, Codable, Sendable, CaseIterable {
    case negativeAmount = "negative-amount"
    case malformedOPDCode = "malformed-opd-code"
    case malformedAccount = "malformed-account"
    case malformedNPWP = "malformed-npwp"
    case malformedRUPCode = "malformed-rup-code"
    /// A total row whose amount is neither the sum of the lines since the previous total
    /// row nor that of all the lines above it (its value is the row's amount in rupiah; `lines` the
    /// sum of the lines since the previous total row).
    case totalMismatch = "total-mismatch"
    /// A ragged row that one field holds whole, with another delimiter in it.
    case mixedDelimiter = "mixed-delimiter"
  }

  struct Example: Codable, Sendable, Equatable {
    var code: Code
    var line: Int
    var column: Int
    var value: String
    /// For a total row: the sum its lines give.
    var lines: MoneySum? = nil
  }

  /// Examples kept per kind and file.
  static let examplesPerCode = 20
  var counts: [Code: Int] = [:]
  var examples: [Example] = []

  mutating func note(
    _ code: Code, line: Int, column: Int, value: @autoclosure () -> String, lines: MoneySum? = nil
  ) {
    let count = counts[code, default: 0]
    counts[code] = count + 1
    if count < Self.examplesPerCode {
      examples.append(Example(code: code, line: line, column: column, value: value(), lines: lines))
    }
  }

  /// A later chunk's, its lines moved by `lineOffset`.
  mutating func merge(_ other: CellFindings, lineOffset: Int) {
    for example in other.examples
    where examples.count(where: { $0.code == example.code }) < Self.examplesPerCode {
      var moved = example
      moved.line += lineOffset
      examples.append(moved)
    }
    counts.merge(other.counts, uniquingKeysWith: +)
  }
}

/// The JUMLAH/TOTAL rows of a sheet against its lines (`total-mismatch`): a total row must
/// equal the sum of the lines since the previous total row (a subtotal), or of all the
/// lines above it (a grand total). Lines are the rows whose amount reads, whatever their
/// bucket. A file read whole decides at once; a chunk of a file keeps its total rows with
/// the sums it saw, and the merge of the chunks in file order decides them
/// (``FileResult/merge(_:lineOffset:rejectedLimit:)``).
struct TotalCheck {
  let decides: Bool
  private var segment = MoneySum.zero
  private var file = MoneySum.zero
  private var pending: [PendingTotal] = []

  init(decides: Bool) { self.decides = decides }

  @_transparent
  mutating func line(_ amount: Money) {
    segment += amount
    file += amount
  }

  /// A total row with its amount (nil: the cell does not read as an amount).
  mutating func total(_ amount: Money?, line: Int, column: Int, into found: inout CellFindings) {
    defer { segment = .zero }
    let row = PendingTotal(
      line: line, column: column, total: amount.map(MoneySum.init), segment: segment, before: file,
      first: pending.isEmpty)
    if decides {
      row.check(segment: segment, file: file, lineOffset: 0, into: &found)
    }
    pending.append(row)
  }

  /// What a chunk leaves for the merge.
  func finish(into result: inout FileResult) {
    guard !decides else { return }
    result.totals = ChunkTotals(rows: pending, trailing: segment, lines: file)
  }
}

/// A total row of a chunk: its amount, the sum of the lines since the chunk's previous
/// total row (or the chunk's start, `first`), and of all the chunk's lines before it.
struct PendingTotal: Sendable, Equatable {
  let line: Int
  let column: Int
  let total: MoneySum?
  let segment: MoneySum
  let before: MoneySum
  let first: Bool

  func check(segment: MoneySum, file: MoneySum, lineOffset: Int, into found: inout CellFindings) {
    guard let total, total != segment, total != file else { return }
    found.note(
      .totalMismatch, line: line + lineOffset, column: column,
      value: total.rupiahString, lines: segment)
  }
}

/// The total rows of the chunks merged so far, and the sums their next chunk continues.
struct ChunkTotals: Sendable, Equatable {
  var rows: [PendingTotal] = []
  /// The lines since the last total row, and all lines.
  var trailing = MoneySum.zero
  var lines = MoneySum.zero

  /// Decides a later chunk's total rows against the sums so far, then takes its sums.
  mutating func merge(_ other: ChunkTotals, lineOffset: Int, into found: inout CellFindings) {
    for row in other.rows {
      row.check(
        segment: row.first ? trailing + row.segment : row.segment, file: lines + row.before,
        lineOffset: lineOffset, into: &found)
    }
    trailing = other.rows.isEmpty ? trailing + other.trailing : other.trailing
    lines += other.lines
  }
}

extension CellFindings {
  /// A ragged row of one field while the header has several, holding a delimiter other
  /// than the file's: written with another delimiter.
  mutating func noteRagged<S: RecordSource>(_ source: S, headerCount: Int, line: Int) {
    guard source.fieldCount == 1, headerCount > 1 else { return }
    let cell = source.cell(0)
    let others: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
    guard cell.contains(where: others.contains) else { return }
    note(.mixedDelimiter, line: line, column: 0, value: String(source.text(0).prefix(60)))
  }
}
