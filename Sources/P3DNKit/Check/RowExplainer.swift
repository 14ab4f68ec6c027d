import Synchronization

/// `p3dn explain FILE:LINE`: reads the inputs (FILE among them) with a sink on FILE's rows
/// that start on LINE, then explains the first of them with what the whole audit decided.
public enum RowExplainer {
  public static func run(_ request: AuditRequest, path: String, line: Int) throws(AuditError)
    -> RowExplanation
  {
    var request = request
    request.opdFilters = []
    // A row is explained whatever the year holds (a file of no spending, a year with no
    // included row): the typo checks of `audit` do not apply. Every file keeps its package
    // keys, as the ledger's do, so that the row's package shows from the files as from the
    // ledger.
    request.checksFilters = false
    request.tracksPackages = true
    if request.inputs.isEmpty && request.planFiles.isEmpty && request.realizationFiles.isEmpty {
      request.inputs = [path]
    }
    var files = try AuditEngine.inputFiles(request)
    let wanted = InputResolver.canonicalPath(path)
    var index = files.firstIndex { InputResolver.canonicalPath($0.path) == wanted }
    if index == nil {
      // FILE alone, or besides the other inputs.
      request.inputs.append(path)
      files = try AuditEngine.inputFiles(request)
      index = files.firstIndex { InputResolver.canonicalPath($0.path) == wanted }
    }
    guard let index else { throw .notAnInput(path: path, inputs: files.map(\.path)) }
    // A copy is read as the file it is the same as.
    let copies = try IdenticalFiles.copies(among: files.map(\.path))
    let target = copies[index] ?? index
    let sink = LineSink(line: line, file: target)
    let targetPath = files[target].path
    request.rowSink = { $0 == targetPath ? sink : nil }
    let (sums, _) = try AuditEngine.read(request)
    let (report, settlement) = try AuditEngine.settle(sums, request: request)
    let (rows, read, span) = sink.taken
    guard let row = rows.first else {
      throw .noRowAtLine(path: files[index].path, line: line, rows: span)
    }
    let (_, mapped) = try AuditEngine.chosenProfiles(request)
    let file = settlement.files[target]
    let builder = ExplainBuilder(
      report: report, file: file, row: row, read: read,
      profile: MissingFields.profile(named: file.profile, mapped: mapped))
    return builder.build(
      rowsOnLine: rows.count, readAs: target == index ? nil : file.path, fromLedger: false,
      path: files[index].path)
  }

  /// The explanation of a row the ledger keeps.
  public static func explain(
    report: AuditReport, settlement: Settlement, rows: [RowEvidence]
  ) -> RowExplanation? {
    guard let row = rows.first else { return nil }
    let file = settlement.files[row.file]
    let builder = ExplainBuilder(
      report: report, file: file, row: row, read: nil, profile: ProfileRegistry.named(file.profile))
    return builder.build(rowsOnLine: rows.count, readAs: nil, fromLedger: true)
  }

  /// Keeps the rows of one file that start on one line, the first of them as read, and
  /// the lines of the file's first and last rows.
  final class LineSink: RowSink, @unchecked Sendable {
    let line: Int
    let file: Int
    private let state = Mutex<(rows: [RowEvidence], read: ExplainBuilder.ReadRow?, first: Int?, last: Int?)>(
      ([], nil, nil, nil))

    init(line: Int, file: Int) {
      self.line = line
      self.file = file
    }

    var wantedLines: Set<Int>? { [line] }

    var taken: (rows: [RowEvidence], read: ExplainBuilder.ReadRow?, span: ClosedRange<Int>?) {
      state.withLock { state in
        let span = state.first.flatMap { first in state.last.map { first...$0 } }
        return (state.rows, state.read, span)
      }
    }

    func fields(line: Int, header: [String], cells: [String], raw: String?) {
      state.withLock { state in
        if state.read == nil { state.read = ExplainBuilder.ReadRow(header: header, cells: cells, raw: raw) }
      }
    }

    func row(_ record: RowRecord, cells: RowCells) {
      let kept = record.line == line ? RowEvidence(file: file, record: record, cells: cells) : nil
      state.withLock { state in
        if state.first == nil { state.first = record.line }
        state.last = record.line
        if let kept { state.rows.append(kept) }
      }
    }
  }
}
