/// Runs the row pipeline of CONTRACT §4.1 over one file: buckets, reasons, and the sums
/// of the lines that may be included.
///
/// Each decision is a named stage (`Row/`): the contract version and the OPD cell, the
/// stage, the status, the amount, the year, the account, copies; the loop below calls
/// them in the order of §4.1, so the first reason that applies wins. Cells stay bytes in
/// the read buffer; what a distinct cell value means is worked out once and cached, so the
/// cost per row is a few hash probes and the amount parse.
struct FileAuditor: Sendable {
  let path: String
  let fileIndex: Int
  let profile: Profile
  let header: HeaderNames
  let columns: BoundColumns
  let policy: Policy
  /// The stage forced by --plan / --realization (used by the canonical profile only).
  let stageOverride: Stage?
  /// Keep at most this many rejected rows with their details.
  let rejectedLimit: Int
  /// The team's vendor list (`--vendors`), for what a line leaves unknown.
  var vendors: VendorList? = nil
  /// Whether to record RUP codes (the audit may have both stages); the codes take memory
  /// per distinct package.
  var linking = true
  /// Receives the record of every row (the ledger); nil for an audit.
  var sink: RowSink? = nil
  /// What the satker directories among the inputs know (OPD ids → codes).
  var directory = SatkerDirectory()
  /// For a contract file: each package's highest version (CONTRACT §7.5).
  var highestVersions: [String: Int] = [:]
  /// Whether to keep what each package's rows add (another input may hold its packages:
  /// CONTRACT §7.4).
  var tracksPackages = false

  /// Audits the records of `source` into `result`. `order` is added to each row's number
  /// (for "first seen" across the chunks of a file). `identities` holds the rows'
  /// identities: after a first reading, its `repeated` keys say whether a second one is
  /// needed to find the rows that repeat others.
  func run<S: RecordSource>(
    _ source: S, result: inout FileResult, order base: Int = 0, identities: RowIdentities = RowIdentities(),
    wholeFile: Bool = true
  ) throws(AuditError) {
    guard profile.kind.readsAmounts else {
      try readAside(source, result: &result)
      return
    }
    let encoding = source.encoding
    var opd = OPDStage(
      profile: profile, header: header, columns: columns, directory: directory, encoding: encoding)
    var status = StatusStage(profile: profile, columns: columns, policy: policy, encoding: encoding)
    let amounts = AmountStage(profile: profile, header: header, columns: columns)
    var years = YearStage(profile: profile, header: header, columns: columns, encoding: encoding)
    var accounts = AccountStage(columns: columns, policy: policy, encoding: encoding)
    var cellChecks = CellCheckStage(columns: columns)
    var totals = TotalCheck(decides: wholeFile)
    var copies = CopyStage(
      profile: profile, header: header, columns: columns, highestVersions: highestVersions,
      identities: identities)
    var stages = ByteCache<Stage?>(limit: 64)
    var facts =
      profile.dataset(for: header) != nil
      ? FileFacts(header: header, encoding: encoding, fiscalYearIndex: columns.raw(.fiscalYear)) : nil
    var sums = SumsBuilder(auditor: self, encoding: encoding)
    var classifier = LineClassifier(
      columns: columns, header: header, policy: policy, extraWords: profile.extraWords, vendors: vendors)
    let headerCount = header.count
    let stageIndex = columns.raw(.stage)
    let fixedStage = profile.stage ?? stageOverride
    let swakelolaLines = profile.isSwakelola && policy.excludeSwakelola
    let isBudget = profile.kind == .budget
    let packages = PackageStage(auditor: self, result: &result)
    // The record a sink receives (kept up to date only when there is one).
    var record = RowRecord(line: 0)
    var line = 0
    var cells = RowCells.none(encoding)
    var rowSink = RowSinkContext(auditor: self, source: source, encoding: encoding)
    var order = base
    var sawPlan = false
    var sawRealization = false
    var lastYearSeen = Int.min
    let wantedLines = sink?.wantedLines

    /// An exclusion: counted, and recorded for the sink.
    func exclude(_ reason: ReasonCode) {
      result.reasons[reason, default: 0] += 1
      if let sink {
        record.reason = reason
        sink.row(record, cells: cells)
      }
    }
    func reject(column: String?, _ reason: ReasonCode, _ message: LocalizedText) {
      result.reasons[reason, default: 0] += 1
      result.rejectedTotal += 1
      if result.rejected.count < rejectedLimit {
        result.rejected.append(
          RejectedRow(path: path, line: line, column: column, code: reason, message: message))
      }
      if let sink {
        record.reason = reason
        record.column = column
        record.message = message
        sink.row(record, cells: cells)
      }
    }

    while try source.nextRow() {
      result.rows += 1
      order += 1
      line = source.line
      facts?.observe(source)
      let ragged = source.checksFieldCount && source.fieldCount != headerCount
      // A ragged row's cells are not where the header says: its text is not kept.
      if sink != nil {
        record = RowRecord(line: line)
        record.position = order - base
        rowSink.start(&record, ragged: ragged, result: &result)
        cells = ragged ? RowCells.none(encoding) : rowSink.cells()
        if let wantedLines, wantedLines.contains(line) { passFields(source, line: line) }
      }

      // §7.5: a contract's earlier version.
      if !ragged && copies.isEarlierVersion(source) {
        result.setAsideAmounts[.superseded, default: .zero] += amounts.plainAmount(source)
        exclude(.superseded)
        continue
      }
      if ragged {
        result.cellFindings.noteRagged(source, headerCount: headerCount, line: line)
        reject(
          column: nil, .raggedRow,
          LocalizedText(
            id: "baris memiliki \(source.fieldCount) kolom, header memiliki \(headerCount)",
            en:
              "the row has \(source.fieldCount) \(source.fieldCount == 1 ? "field" : "fields"), the header has \(headerCount)"
          ))
        continue
      }

      // The package the row belongs to, whatever its bucket.
      packages.hold(source, in: &result)
      if sink != nil { record.packageKey = packages.key(source) }

      // The OPD cell; a total row.
      let code = opd.read(source)
      if code.info.isTotal {
        totals.total(
          amounts.readable(source), line: line, column: cellChecks.amountIndex, into: &result.cellFindings)
        exclude(.totalRow)
        continue
      }
      if sink != nil { rowSink.noteOPD(&record, slot: code.info.slot, opd: opd) }
      if code.info.malformed && !code.fromFallback {
        cellChecks.malformedOPDCode(source, line: line, into: &result.cellFindings)
      }

      // The stage.
      let stage: Stage
      if let fixedStage {
        stage = fixedStage
      } else {
        let cell = ByteText.trimmed(source.cell(stageIndex))
        guard
          let parsed = stages.value(
            for: cell, compute: { Stage(word: TextDecoding.decode($0, as: encoding)) })
        else {
          throw .badStageCell(
            path: path, line: line, column: header.original[stageIndex], value: source.text(stageIndex)
          )
        }
        stage = parsed
      }
      if stage == .plan { sawPlan = true } else { sawRealization = true }
      if sink != nil { record.stage = stage }

      // The status; a swakelola line is excluded as such, but read on silently so that
      // its amount can be reported apart when it would otherwise have counted.
      let (statusReason, statusColumn) = status.isEmpty ? (nil, -1) : status.reason(source)
      if let statusReason, statusReason != .swakelola {
        if statusReason == .unknownStatus {
          result.warnings.noteUnknownStatus(
            column: header.original[statusColumn], word: source.text(statusColumn),
            amount: amounts.plainAmount(source))
        }
        totals.line(amounts.plainAmount(source))
        exclude(statusReason)
        continue
      }
      let shadow = swakelolaLines || statusReason == .swakelola
      if shadow { exclude(.swakelola) }

      // The amount.
      let amount: Money
      let noContractValue: Bool
      switch amounts.read(source, warnings: &result.warnings) {
      case .value(let value, let noValue):
        (amount, noContractValue) = (value, noValue)
      case .rejected(let column, let reason, let message):
        if !shadow { reject(column: column, reason, message) }
        continue
      }

      if sink != nil { record.amount = amount }
      // A total row gives the column's own sum: a line counts its amount before a reduction
      // (SIPD's Nilai Setoran).
      totals.line(amounts.reduces ? amounts.plainAmount(source) : amount)
      cellChecks.amount(amount, line: line, into: &result.cellFindings)

      // The OPD must be known.
      if code.info.slot < 0 {
        if shadow { continue }
        let missing = opd.missing(code)
        if let id = missing.unknownID { result.warnings.noteUnknownOPDID(id) }
        reject(column: missing.column, .missingOPD, missing.message)
        continue
      }

      // The fiscal year.
      let year: Int?
      switch years.read(source) {
      case .year(let value): year = value
      case .badDate(let column, let message):
        if !shadow { reject(column: column, .badDate, message) }
        continue
      }
      if sink != nil {
        record.amount = amount
        record.fiscalYear = year
      }
      if !shadow, let year, year != lastYearSeen {
        result.yearsSeen.insert(year)
        lastYearSeen = year
      }

      if noContractValue {
        if !shadow { exclude(.noContractValue) }
        continue
      }
      var malformedAccount = false
      let inScope = accounts.inScope(source, malformed: &malformedAccount)
      if malformedAccount && !shadow {
        cellChecks.malformedAccount(source, line: line, into: &result.cellFindings)
      }
      if !inScope {
        if !shadow { exclude(.outOfScopeAccount) }
        continue
      }

      let bucket = sums.bucket(for: year)
      if shadow {
        // Reported apart (a swakelola line that would otherwise have counted).
        bucket.addSwakelola(slot: code.info.slot, stage: stage, amount: amount)
        packages.swakelola(
          source, year: year, opd: opd.slotCodes[code.info.slot], stage: stage, amount: amount, in: &result)
        continue
      }

      // Copies: an identical row, a payment listed again under another RUP code (its
      // code is still realized).
      if copies.repeatsEarlierRow(source) {
        result.setAside(copy: amount)
        exclude(.duplicate)
        continue
      }
      if copies.repeatsPayment(source) {
        result.setAside(copy: amount)
        let codes = copies.rupIndex >= 0 ? RUPCodes.parse(source.text(copies.rupIndex)) : []
        if sink != nil { record.rupCodes = codes }
        exclude(.duplicate)
        if linking { bucket.alsoRealize(codes, slot: code.info.slot) }
        continue
      }

      // A candidate for inclusion: it counts when its year is the reported one.
      bucket.candidates += 1
      cellChecks.candidate(source, line: line, into: &result.cellFindings)
      if isBudget {
        bucket.addBudget(slot: code.info.slot, amount: amount)
        if let sink {
          record.isBudget = true
          sink.row(record, cells: cells)
        }
      } else {
        let classification = classifier.classify(source, amount: amount, warnings: &result.warnings)
        if let sink {
          record.classification = classification
          if copies.rupIndex >= 0 { record.rupCodes = RUPCodes.parse(source.text(copies.rupIndex)) }
          sink.row(record, cells: cells)
        }
        bucket.add(slot: code.info.slot, stage: stage, amount: amount, classification)
        bucket.count(classification)
        packages.candidate(
          source, year: year, opd: opd.slotCodes[code.info.slot], stage: stage, amount: amount,
          classification: classification, in: &result)
        if linking { sums.link(source, stage: stage, amount: amount, slot: code.info.slot, bucket: bucket) }
      }
      sums.noteName(source, slot: code.info.slot, bucket: bucket, order: fileIndex << 48 | order)
    }

    totals.finish(into: &result)
    if sawPlan { result.stagesSeen.insert(.plan) }
    if sawRealization { result.stagesSeen.insert(.realization) }
    result.warnings.unrecognizedFlags = classifier.unrecognizedWords
    facts?.finish(into: &result)
    sums.finish(into: &result, slotCodes: opd.slotCodes)
  }

  /// Gives the sink the row on a line it wants, every field as read.
  private func passFields<S: RecordSource>(_ source: S, line: Int) {
    let raw = source.rawRecord.map { TextDecoding.decode($0, as: source.encoding) }
    sink?.fields(
      line: line, header: header.original, cells: (0..<source.fieldCount).map { source.text($0) }, raw: raw)
  }

  /// A file that holds no spending: every row is `not-spending`; a satker directory's
  /// rows are read for what they map.
  private func readAside<S: RecordSource>(_ source: S, result: inout FileResult) throws(AuditError) {
    var directory: SatkerDirectory? = nil
    var idIndex = -1
    var codeIndex = -1
    var kind = DirectoryKind.sirup
    if case .directory(let directoryKind) = profile.kind {
      directory = SatkerDirectory()
      kind = directoryKind
      idIndex = columns.raw(.opdCodeFallback)
      codeIndex = columns.raw(.opdCode)
    }
    var facts = FileFacts(
      header: header, encoding: source.encoding, fiscalYearIndex: columns.raw(.fiscalYear))
    while try source.nextRow() {
      result.rows += 1
      facts.observe(source)
      if directory != nil && codeIndex >= 0 {
        let nameIndex = columns.raw(.opdName)
        directory?.add(
          id: idIndex >= 0 ? source.text(idIndex) : "", code: source.text(codeIndex),
          name: nameIndex >= 0 ? source.text(nameIndex) : "", kind: kind)
      }
      if let sink {
        if let wanted = sink.wantedLines, wanted.contains(source.line) {
          passFields(source, line: source.line)
        }
        var record = RowRecord(line: source.line)
        record.position = result.rows
        record.reason = .notSpending
        sink.row(record, cells: RowCells.none(source.encoding))
      }
    }
    if result.rows > 0 { result.reasons[.notSpending] = result.rows }
    result.directory = directory
    facts.finish(into: &result)
  }
}
