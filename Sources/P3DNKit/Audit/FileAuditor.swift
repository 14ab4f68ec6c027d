/// What reading one input file produced.
struct FileResult: Codable, Sendable {
  var path: String
  var profile: String
  var stagesSeen: Set<Stage> = []
  var sha256 = ""
  var dialect: String = ""
  var rows = 0
  /// Exclusions and rejections that do not depend on the reported year.
  var reasons: [ReasonCode: Int] = [:]
  /// Rows that passed every test but the year, by fiscal year (nil: no year).
  var candidatesByYear: [Int?: Int] = [:]
  /// Years of the rows that were neither rejected nor excluded for a status or total.
  var yearsSeen: Set<Int> = []
  var years: [Int?: YearSums] = [:]
  var rejected: [RejectedRow] = []
  var rejectedTotal = 0
  var warnings = FileWarnings()
  /// The packages of its included lines (profiles with a `packageColumn`).
  var packages: Set<String> = []
  /// A budget file (`struktur-anggaran`): no stage, a denominator.
  var isBudget = false
  /// The file's header, normalized and joined: two pulls of one dataset share it.
  var headerSignature = ""
  /// The KLPD codes (`kd_klpd`) its rows name, when a sink reads it (the ledger).
  var scopes: Set<String> = []

  /// The same result with its "first seen" orders for file `index` of an audit.
  func placed(at index: Int) -> FileResult {
    var copy = self
    let rowMask = (1 << 48) - 1
    for (year, sums) in years {
      var placed = sums
      for (code, opd) in sums.opds {
        var names = opd.names
        for (name, seen) in names { names[name] = (seen.count, index << 48 | (seen.first & rowMask)) }
        placed.opds[code]?.names = names
      }
      copy.years[year] = placed
    }
    return copy
  }

  /// Adds the result of a later part of the same file, whose lines are `lineOffset` after
  /// the ones it counted.
  mutating func merge(_ other: FileResult, lineOffset: Int, rejectedLimit: Int) {
    rows += other.rows
    reasons.merge(other.reasons, uniquingKeysWith: +)
    candidatesByYear.merge(other.candidatesByYear, uniquingKeysWith: +)
    yearsSeen.formUnion(other.yearsSeen)
    stagesSeen.formUnion(other.stagesSeen)
    for (year, sums) in other.years { years[year, default: YearSums()].merge(sums) }
    for row in other.rejected where rejected.count < rejectedLimit {
      rejected.append(
        RejectedRow(
          path: row.path, line: row.line + lineOffset, column: row.column, code: row.code,
          message: row.message))
    }
    rejectedTotal += other.rejectedTotal
    warnings.merge(other.warnings)
    packages.formUnion(other.packages)
  }
}

/// Runs the row pipeline of CONTRACT §4.1 over one file: buckets, reasons, and the sums
/// of the lines that may be included.
///
/// Cells stay bytes in the read buffer. What a distinct cell value means (an OPD code, a
/// status word, a stage, a date, an account) is worked out once and cached, so the cost
/// per row is a few hash probes and the amount parse.
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

  /// What an OPD code cell means.
  private struct CodeInfo {
    /// The cell begins with a total word (`JUMLAH`, `TOTAL`, …).
    let isTotal: Bool
    /// The OPD slot after roll-up, or -1 when the cell is not a usable code.
    let slot: Int
  }

  /// How often a name (by its index in the file's name table) was seen on a slot's lines.
  private struct NameCount {
    let name: Int
    var count: Int
    let first: Int
  }

  /// Sums of one fiscal year by OPD slot, in flat buffers updated in place (no copy-on-write
  /// checks on the hot path).
  private final class YearSlots {
    let year: Int?
    var candidates = 0
    /// Two per slot: plan, realization; a stage with no line has `lines == 0`.
    private(set) var stages: UnsafeMutablePointer<StageSums>
    /// How often each (slot, name) pair was seen, and first when.
    private var pairs = PairCounter()
    private(set) var slots = 0
    private var capacity = 0
    /// Budget rows, swakelola lines and RUP links by slot (rare next to the sums).
    var extras: [Int: OPDExtras] = [:]
    /// Which source decided each metric: lines by metric and source (a flat buffer: no
    /// copy-on-write check on the hot path).
    let tally: UnsafeMutablePointer<Int> = {
      let buffer = UnsafeMutablePointer<Int>.allocate(capacity: 3 * ClassificationTally.sources)
      buffer.initialize(repeating: 0, count: 3 * ClassificationTally.sources)
      return buffer
    }()

    @inline(__always)
    func count(_ line: LineClassification) {
      tally[line.pdnSource.rawValue] += 1
      tally[ClassificationTally.sources + line.umkkSource.rawValue] += 1
      tally[2 * ClassificationTally.sources + line.localSource.rawValue] += 1
    }

    init(year: Int?) {
      self.year = year
      stages = .allocate(capacity: 0)
    }

    deinit {
      stages.deinitialize(count: 2 * capacity)
      stages.deallocate()
      tally.deallocate()
      pairs.deallocate()
    }

    /// Makes room for slots up to `slot`.
    private func reserve(_ slot: Int) {
      if slot >= capacity {
        let larger = max(2 * capacity, slot + 1, 64)
        let newStages = UnsafeMutablePointer<StageSums>.allocate(capacity: 2 * larger)
        newStages.moveInitialize(from: stages, count: 2 * capacity)
        (newStages + 2 * capacity).initialize(repeating: StageSums(), count: 2 * (larger - capacity))
        stages.deallocate()
        stages = newStages
        capacity = larger
      }
      slots = max(slots, slot + 1)
    }

    @inline(__always)
    func add(slot: Int, stage: Stage, amount: Money, _ line: LineClassification) {
      if slot >= slots { reserve(slot) }
      stages[2 * slot + (stage == .plan ? 0 : 1)].add(amount: amount, line)
    }

    @inline(__always)
    func note(name: Int, slot: Int, order: Int) {
      pairs.add(UInt64(truncatingIfNeeded: slot) << 32 | UInt64(truncatingIfNeeded: name), order: order)
    }

    /// The names seen on each slot's lines.
    func namesBySlot() -> [Int: [NameCount]] {
      var result: [Int: [NameCount]] = [:]
      pairs.forEach { key, count, first in
        result[Int(key >> 32), default: []].append(
          NameCount(name: Int(key & 0xFFFF_FFFF), count: count, first: first))
      }
      return result
    }
  }

  /// Audits the records of `source` into `result`. `order` is added to each row's number
  /// (for "first seen" across the chunks of a file).
  func run<S: RecordSource>(_ source: S, result: inout FileResult, order base: Int = 0) throws(AuditError) {
    var classifier = LineClassifier(
      columns: columns, header: header, policy: policy, extraWords: profile.extraWords, vendors: vendors)
    let scope = policy.accountScope
    let encoding = source.encoding
    let headerCount = header.count
    let amountIndex = columns.raw(.amount)
    let amountColumn = header.original[amountIndex]
    let codeIndex = columns.raw(.opdCode)
    let fallbackIndex = columns.raw(.opdCodeFallback)
    let nameIndex = columns.raw(.opdName)
    // Every description-like column: a total word in any of them marks a total row.
    let descriptionNames = Set(
      ((profile.spec(for: .description)?.names ?? []) + ["uraian", "nama_paket", "namapaket"])
        .map(HeaderNames.normalize))
    let descriptionIndices = header.original.indices.filter {
      descriptionNames.contains(HeaderNames.normalize(header.original[$0]))
    }
    let stageIndex = columns.raw(.stage)
    let yearIndex = columns.raw(.fiscalYear)
    let dateIndex = profile.yearFromDate ? columns.raw(.date) : -1
    let reductionIndex = columns.raw(.reduction)
    let reductionColumn = reductionIndex >= 0 ? header.original[reductionIndex] : ""
    let rupIndex = columns.raw(.rupCode)
    let swakelolaLines = profile.isSwakelola && policy.excludeSwakelola
    let isBudget = profile.kind == .budget
    let accountIndex = columns.raw(.account)
    let makIndex = columns.raw(.mak)
    let fixedStage = profile.stage ?? stageOverride
    let dottedFallbackOnly = profile.opdRule == .codeOrDottedFallback

    var codes = ByteCache<CodeInfo>(limit: Int.max)
    var fallbackCodes = ByteCache<CodeInfo>(limit: Int.max)
    var slotCodes: [String] = []
    var slotOfCode: [String: Int] = [:]
    var names = ByteCache<Int>(limit: 1 << 20)
    var nameTexts: [String] = []
    var stages = ByteCache<Stage?>(limit: 64)
    // The status rules whose column the file has, with that column.
    let statusRules = profile.statusRules.compactMap { rule in statusColumn(rule).map { (rule, $0) } }
    var statuses = statusRules.map { _ in ByteCache<ReasonCode?>(limit: 4096) }
    var dates = ByteCache<Int?>(limit: 1 << 16)
    var accounts = ByteCache<Bool>(limit: 1 << 16)
    var maks = ByteCache<Bool>(limit: 1 << 16)
    // RUP code cells → index into `rupCodeLists` (the codes, split and sorted).
    var rupCells = ByteCache<Int>(limit: 1 << 20)
    var rupCodeLists: [[String]] = []
    // Payments (profile `paymentKey`) → how often each RUP code listed them.
    let paymentColumns = profile.paymentKey.compactMap { header.index(ofAny: [$0]) }
    var payments: [String: [String: Int]] = [:]
    let packageIndex = profile.packageColumn.flatMap { header.index(ofAny: [$0]) }
    var buckets: [YearSlots] = []
    var lastBucket = -1
    var lastYearSeen = Int.min
    var order = base
    var sawPlan = false
    var sawRealization = false

    func slot(for code: String) -> Int {
      let rolled = OPDCode.rollUp(code)
      if let existing = slotOfCode[rolled] { return existing }
      slotOfCode[rolled] = slotCodes.count
      slotCodes.append(rolled)
      return slotCodes.count - 1
    }

    let tracking = sink != nil
    // For the ledger: the row's date and the export's own snapshot date.
    let rowDateIndex = tracking ? columns[.date] : nil
    let snapshotIndex = tracking ? header.index(ofAny: ["_event_date", "tgl_penarikan"]) : nil
    let scopeIndex = tracking ? header.index(ofAny: ["kd_klpd"]) : nil
    result.headerSignature = header.original.map(HeaderNames.normalize).joined(separator: ",")
    // For the ledger: each distinct OPD name cell decoded once.
    var nameCells = ByteCache<String>(limit: 1 << 16)
    // Distinct date cells are few: each is read once.
    var days = ByteCache<String?>(limit: 1 << 16)
    // The row's text cells, for the sink.
    let cellIndices: [(RowCells.Field, Int)] =
      tracking
      ? [
        (.lineID, columns.raw(.lineID)), (.description, columns.raw(.description)),
        (.account, columns[.account] ?? columns.raw(.mak)), (.vendor, columns.raw(.vendor)),
        (.vendorNPWP, columns.raw(.vendorNPWP)), (.vendorRegion, columns.raw(.vendorRegion)),
      ].filter { $0.1 >= 0 } : []
    let vendorCodeIndices = tracking ? [columns.raw(.vendorCode), columns.raw(.vendorCodeFallback)] : []
    func rowCells() -> RowCells {
      var cells = RowCells(encoding: encoding)
      for (field, index) in cellIndices { cells[field] = ByteText.trimmed(source.cell(index)) }
      // A code of `0` is no code (e-Katalog v6): the fallback column's is used.
      for index in vendorCodeIndices where index >= 0 {
        let cell = ByteText.trimmed(source.cell(index))
        if !cell.isEmpty && !(cell.count == 1 && cell[0] == UInt8(ascii: "0")) {
          cells[.vendorCode] = cell
          break
        }
      }
      return cells
    }
    func day(_ index: Int?) -> String? {
      guard let index else { return nil }
      let cell = ByteText.trimmed(source.cell(index))
      if cell.isEmpty { return nil }
      return days.value(for: cell) { bytes in
        DateReader.parse(TextDecoding.decode(bytes, as: encoding))?.isoText
      }
    }
    while try source.nextRow() {
      result.rows += 1
      order += 1
      let line = source.line
      var record = RowRecord(line: line)
      if tracking {
        record.date = day(rowDateIndex)
        record.snapshotDate = day(snapshotIndex)
        if let scopeIndex {
          let scope = source.text(scopeIndex)
          if !scope.isEmpty { result.scopes.insert(scope) }
        }
      }
      // An exclusion: counted, and recorded for the sink.
      func exclude(_ reason: ReasonCode) {
        result.reasons[reason, default: 0] += 1
        if let sink {
          record.reason = reason
          sink.row(record, cells: cells)
        }
      }
      func rejectRow(column: String?, _ reason: ReasonCode, _ message: LocalizedText) {
        reject(&result, line: line, column: column, reason, message)
        if let sink {
          record.reason = reason
          record.column = column
          record.message = message
          sink.row(record, cells: cells)
        }
      }

      let ragged = source.checksFieldCount && source.fieldCount != headerCount
      // A ragged row's cells are not where the header says: its text is not kept.
      let cells = tracking && !ragged ? rowCells() : RowCells.none(encoding)
      if ragged {
        rejectRow(
          column: nil, .raggedRow,
          LocalizedText(
            id: "baris memiliki \(source.fieldCount) kolom, header memiliki \(headerCount)",
            en: "the row has \(source.fieldCount) fields, the header has \(headerCount)"))
        continue
      }

      // The OPD code cell: the code column, else the fallback column when it is empty.
      var codeCell = codeIndex >= 0 ? ByteText.trimmed(source.cell(codeIndex)) : .init(start: nil, count: 0)
      var fromFallback = false
      if codeCell.isEmpty && fallbackIndex >= 0 {
        codeCell = ByteText.trimmed(source.cell(fallbackIndex))
        fromFallback = true
      }
      let code: CodeInfo
      if codeCell.isEmpty {
        code = CodeInfo(isTotal: false, slot: -1)
        let textIndices = (nameIndex >= 0 ? [nameIndex] : []) + descriptionIndices
        if TotalRowDetector.isTotalRow(code: "", otherCells: { textIndices.map(source.text) }) {
          exclude(.totalRow)
          continue
        }
      } else {
        let requireDotted = fromFallback && dottedFallbackOnly
        let compute = { (bytes: UnsafeBufferPointer<UInt8>) -> CodeInfo in
          let text = TextDecoding.decode(bytes, as: encoding)
          if TotalRowDetector.beginsWithTotalWord(text) { return CodeInfo(isTotal: true, slot: -1) }
          if requireDotted && !OPDCode.isDotted(text) { return CodeInfo(isTotal: false, slot: -1) }
          return CodeInfo(isTotal: false, slot: slot(for: text))
        }
        code =
          fromFallback
          ? fallbackCodes.value(for: codeCell, compute: compute)
          : codes.value(for: codeCell, compute: compute)
        if code.isTotal {
          exclude(.totalRow)
          continue
        }
      }

      if tracking {
        record.opdCode = code.slot >= 0 ? slotCodes[code.slot] : nil
        if nameIndex >= 0 {
          let cell = ByteText.trimmed(source.cell(nameIndex))
          record.opdName = nameCells.value(for: cell) { TextDecoding.decode($0, as: encoding) }
        }
      }
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
            path: path, line: line, column: header.original[stageIndex], value: source.text(stageIndex))
        }
        stage = parsed
      }
      if stage == .plan { sawPlan = true } else { sawRealization = true }
      record.stage = stage

      var statusReason: ReasonCode? = nil
      for position in statusRules.indices {
        let (rule, index) = statusRules[position]
        let cell = ByteText.trimmed(source.cell(index))
        let reason = statuses[position].value(for: cell) { bytes in
          Self.reason(of: rule, TextDecoding.decode(bytes, as: encoding), policy: policy)
        }
        if let reason, statusReason == nil || reason < (statusReason ?? reason) { statusReason = reason }
      }
      if let statusReason, statusReason != .swakelola {
        exclude(statusReason)
        continue
      }
      // A swakelola line (its profile's, or its procurement method's) is excluded as such;
      // it is still read to the end, silently, so that its amount can be reported apart
      // when it would otherwise have counted.
      let shadow = swakelolaLines || statusReason == .swakelola
      if shadow { exclude(.swakelola) }

      var noContractValue = false
      var amount = Money.zero
      switch AmountParser.parse(source.cell(amountIndex)) {
      case .value(let value, let rounded):
        amount = value
        if rounded { result.warnings.roundedAmounts += 1 }
        if value == .zero && profile.zeroAmountIsNoContractValue { noContractValue = true }
      case .missing:
        if profile.zeroAmountIsNoContractValue {
          noContractValue = true
        } else {
          if shadow { continue }
          rejectRow(
            column: amountColumn, .missingAmount,
            LocalizedText(id: "nilai kosong", en: "the amount is empty"))
          continue
        }
      case .bad:
        if shadow { continue }
        let text = source.text(amountIndex)
        rejectRow(
          column: amountColumn, .badAmount,
          Self.unreadableAmount(text))
        continue
      }
      // A reduction column (SIPD `Nilai Setoran`): money paid back, taken off the amount.
      if reductionIndex >= 0 {
        switch AmountParser.parse(source.cell(reductionIndex)) {
        case .value(let value, let rounded):
          if rounded { result.warnings.roundedAmounts += 1 }
          amount = Money(sen: amount.sen - value.sen)
        case .missing:
          break
        case .bad:
          if shadow { continue }
          let text = source.text(reductionIndex)
          rejectRow(
            column: reductionColumn, .badAmount,
            Self.unreadableAmount(text))
          continue
        }
      }

      if code.slot < 0 {
        if shadow { continue }
        let columnIndex = fromFallback ? fallbackIndex : (codeIndex >= 0 ? codeIndex : fallbackIndex)
        let text = TextDecoding.decode(codeCell, as: encoding)
        let message =
          text.isEmpty
          ? LocalizedText(id: "kode OPD kosong", en: "the OPD code is empty")
          : LocalizedText(
            id: "kode OPD \"\(text)\" bukan kode bertitik",
            en: "the OPD code \"\(text)\" is not a dotted code")
        rejectRow(
          column: columnIndex >= 0 ? header.original[columnIndex] : nil, .missingOPD,
          message)
        continue
      }

      var year: Int? = nil
      if yearIndex >= 0, let value = DateReader.fiscalYear(source.cell(yearIndex)) {
        year = value
      } else if dateIndex >= 0 {
        let cell = ByteText.trimmed(source.cell(dateIndex))
        if !cell.isEmpty {
          guard
            let value = DateReader.fastYear(cell)
              ?? dates.value(
                for: cell, compute: { DateReader.parse(TextDecoding.decode($0, as: encoding))?.year })
          else {
            if shadow { continue }
            let text = source.text(dateIndex)
            rejectRow(
              column: header.original[dateIndex], .badDate,
              LocalizedText(
                id:
                  "tanggal \"\(text)\" bukan tanggal yang sah (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy atau 12 Maret 2025)",
                en:
                  "the date \"\(text)\" is not a valid date (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy or 12 Maret 2025)"
              ))
            continue
          }
          year = value
        }
      }
      record.amount = amount
      record.fiscalYear = year
      if !shadow, let year, year != lastYearSeen {
        result.yearsSeen.insert(year)
        lastYearSeen = year
      }

      if noContractValue {
        if shadow { continue }
        exclude(.noContractValue)
        continue
      }

      var inScope = true
      let accountCell =
        accountIndex >= 0 ? ByteText.trimmed(source.cell(accountIndex)) : .init(start: nil, count: 0)
      if !accountCell.isEmpty {
        inScope = accounts.value(for: accountCell) {
          scope.contains(account: TextDecoding.decode($0, as: encoding))
        }
      } else if makIndex >= 0 {
        let makCell = ByteText.trimmed(source.cell(makIndex))
        if !makCell.isEmpty {
          inScope = maks.value(for: makCell) { bytes in
            AccountScope.account(fromMAK: TextDecoding.decode(bytes, as: encoding)).map {
              scope.contains(account: $0)
            } ?? true
          }
        }
      }
      if !inScope {
        if shadow { continue }
        exclude(.outOfScopeAccount)
        continue
      }

      if lastBucket < 0 || buckets[lastBucket].year != year {
        if let found = buckets.firstIndex(where: { $0.year == year }) {
          lastBucket = found
        } else {
          buckets.append(YearSlots(year: year))
          lastBucket = buckets.count - 1
        }
      }
      let bucket = buckets[lastBucket]
      if shadow {
        // Reported apart (a swakelola line that would otherwise have counted).
        if stage == .plan {
          bucket.extras[code.slot, default: OPDExtras()].swakelolaPlan.add(amount)
        } else {
          bucket.extras[code.slot, default: OPDExtras()].swakelolaRealization.add(amount)
        }
        continue
      }
      // The k-th row of a payment under one RUP code is a copy when another code of the
      // package already listed that payment k times or more; its code is still realized.
      if !paymentColumns.isEmpty {
        let key = paymentColumns.map { source.text($0) }.joined(separator: "\u{1F}")
        let rupText = rupIndex >= 0 ? source.text(rupIndex) : ""
        var seen = payments[key] ?? [:]
        let occurrence = (seen[rupText] ?? 0) + 1
        let listedElsewhere = seen.filter { $0.key != rupText }.values.max() ?? 0
        seen[rupText] = occurrence
        payments[key] = seen
        if occurrence <= listedElsewhere {
          if tracking { record.rupCodes = RUPCodes.parse(rupText) }
          exclude(.duplicate)
          if linking {
            for rup in RUPCodes.parse(rupText) {
              bucket.extras[code.slot, default: OPDExtras()].alsoRealized.insert(rup)
            }
          }
          continue
        }
      }
      // A candidate for inclusion: it counts when its year is the reported one.
      bucket.candidates += 1
      if let packageIndex { result.packages.insert(source.text(packageIndex)) }
      if isBudget {
        var budget = bucket.extras[code.slot]?.budget ?? LineTotal()
        budget.add(amount)
        bucket.extras[code.slot, default: OPDExtras()].budget = budget
        if let sink {
          record.isBudget = true
          sink.row(record, cells: cells)
        }
      } else {
        let classification = classifier.classify(source, amount: amount, warnings: &result.warnings)
        if let sink {
          record.classification = classification
          if rupIndex >= 0 { record.rupCodes = RUPCodes.parse(source.text(rupIndex)) }
          sink.row(record, cells: cells)
        }
        bucket.add(slot: code.slot, stage: stage, amount: amount, classification)
        bucket.count(classification)
        // RUP links, when the audit has both stages (a file without a RUP column leaves its
        // realization lines unlinked: counted from the sums at the end).
        if linking && rupIndex >= 0 {
          var codes: [String] = []
          let cell = ByteText.trimmed(source.cell(rupIndex))
          if !cell.isEmpty {
            let index = rupCells.value(for: cell) { bytes in
              rupCodeLists.append(RUPCodes.parse(TextDecoding.decode(bytes, as: encoding)))
              return rupCodeLists.count - 1
            }
            codes = rupCodeLists[index]
          }
          Self.link(
            codes, stage: stage, amount: amount, into: &bucket.extras[code.slot, default: OPDExtras()])
        }
      }
      if nameIndex >= 0 {
        let cell = ByteText.trimmed(source.cell(nameIndex))
        if !cell.isEmpty {
          let name = names.value(for: cell) { bytes in
            nameTexts.append(TextDecoding.decode(bytes, as: encoding))
            return nameTexts.count - 1
          }
          bucket.note(name: name, slot: code.slot, order: fileIndex << 48 | order)
        }
      }
    }

    if sawPlan { result.stagesSeen.insert(.plan) }
    if sawRealization { result.stagesSeen.insert(.realization) }
    result.warnings.unrecognizedFlags = classifier.unrecognizedWords
    for bucket in buckets {
      result.candidatesByYear[bucket.year, default: 0] += bucket.candidates
      var sums = YearSums()
      let namesBySlot = bucket.namesBySlot()
      // Budget and swakelola rows have extras but no sums.
      let slotCount = max(bucket.slots, (bucket.extras.keys.max() ?? -1) + 1)
      for slot in 0..<slotCount {
        let plan = slot < bucket.slots ? bucket.stages[2 * slot] : StageSums()
        let realization = slot < bucket.slots ? bucket.stages[2 * slot + 1] : StageSums()
        guard plan.lines > 0 || realization.lines > 0 || bucket.extras[slot] != nil else { continue }
        var opd = OPDSums()
        opd.plan = plan.lines > 0 ? plan : nil
        opd.realization = realization.lines > 0 ? realization : nil
        for seen in namesBySlot[slot] ?? [] { opd.names[nameTexts[seen.name]] = (seen.count, seen.first) }
        opd.extras = bucket.extras[slot] ?? OPDExtras()
        if linking && rupIndex < 0 && realization.lines > 0 {
          opd.extras.realizedWithoutCode.merge(LineTotal(lines: realization.lines, total: realization.total))
        }
        sums.opds[slotCodes[slot], default: OPDSums()].merge(opd)
      }
      sums.tally = ClassificationTally(bucket.tally)
      result.years[bucket.year] = sums
    }
  }

  /// Records the RUP codes of an included line: a plan line plans each of its codes; a
  /// realization line realizes its set of codes (or none).
  private static func link(_ codes: [String], stage: Stage, amount: Money, into extras: inout OPDExtras) {
    if stage == .plan {
      for code in codes { extras.planned[code, default: LineTotal()].add(amount) }
    } else if codes.isEmpty {
      extras.realizedWithoutCode.add(amount)
    } else {
      extras.realized[codes.joined(separator: ";"), default: LineTotal()].add(amount)
    }
  }

  static func unreadableAmount(_ text: String) -> LocalizedText {
    LocalizedText(
      id: "nilai \"\(text)\" tidak dapat dibaca sebagai rupiah",
      en: "the amount \"\(text)\" cannot be read as rupiah")
  }

  private func statusColumn(_ rule: StatusRule) -> Int? {
    switch rule {
    case .deletedWhenTrue(let field), .inactiveWhenFalse(let field),
      .notAnnouncedUnless(let field, _), .legacyAnnouncement(let field),
      .notCompletedUnless(let field, _), .lineStatus(let field), .swakelolaMethod(let field),
      .cancelledWhen(let field, _):
      return columns[field]
    }
  }

  /// The reason a status rule gives for a (trimmed) cell, or nil when it keeps the row.
  static func reason(of rule: StatusRule, _ text: String, policy: Policy) -> ReasonCode? {
    switch rule {
    case .deletedWhenTrue:
      return FlagWords.read(text, kind: .generic) == .yes ? .deleted : nil
    case .inactiveWhenFalse:
      return FlagWords.read(text, kind: .generic) == .no ? .inactive : nil
    case .notAnnouncedUnless(_, let word):
      return !text.isEmpty && text.lowercased() != word.lowercased() ? .notAnnounced : nil
    case .legacyAnnouncement:
      let lowered = text.lowercased()
      if lowered.isEmpty || lowered == "terumumkan" { return nil }
      return lowered == "terdelete" ? .deleted : .notAnnounced
    case .notCompletedUnless(_, let word):
      return text.lowercased() != word.lowercased() ? .notCompleted : nil
    case .lineStatus:
      return LineStatusWords.reason(text)
    case .swakelolaMethod:
      return policy.excludeSwakelola && FlagWords.normalize(text).contains("swakelola") ? .swakelola : nil
    case .cancelledWhen(_, let words):
      let word = FlagWords.normalize(text)
      return !word.isEmpty && words.contains(where: { word.contains(FlagWords.normalize($0)) })
        ? .cancelled : nil
    }
  }

  private func reject(
    _ result: inout FileResult, line: Int, column: String?, _ code: ReasonCode,
    _ message: LocalizedText
  ) {
    result.reasons[code, default: 0] += 1
    result.rejectedTotal += 1
    if result.rejected.count < rejectedLimit {
      result.rejected.append(
        RejectedRow(path: path, line: line, column: column, code: code, message: message))
    }
  }
}

extension OPDRule: Equatable {}

/// Status words of hand-made sheets (a `status` column of the canonical profile).
enum LineStatusWords {
  static let cancelled: Set<String> = [
    "batal", "dibatalkan", "cancelled", "canceled", "gagal", "paketdibatalkan",
  ]
  static let unfinished: Set<String> = [
    "belumselesai", "berjalan", "sedangberjalan", "berlangsung", "proses", "dalamproses",
    "paketsedangberjalan", "notcompleted", "inprogress",
  ]

  static func reason(_ text: String) -> ReasonCode? {
    let word = FlagWords.normalize(text)
    if cancelled.contains(word) { return .cancelled }
    if unfinished.contains(word) { return .notCompleted }
    return nil
  }
}

/// Counts of 64-bit keys (an OPD slot and a name index) with the order each was first
/// seen, in an open-addressing table of flat buffers: one multiply and usually one probe
/// per line. Its owner deallocates it.
struct PairCounter {
  private var keys: UnsafeMutablePointer<UInt64>
  private var counts: UnsafeMutablePointer<Int>
  private var firsts: UnsafeMutablePointer<Int>
  private var mask = 63
  private var used = 0
  /// Marks an empty slot (no slot and name are both 2^32 - 1).
  private static let empty = UInt64.max

  init() {
    keys = .allocate(capacity: 64)
    keys.initialize(repeating: Self.empty, count: 64)
    counts = .allocate(capacity: 64)
    counts.initialize(repeating: 0, count: 64)
    firsts = .allocate(capacity: 64)
    firsts.initialize(repeating: 0, count: 64)
  }

  func deallocate() {
    keys.deallocate()
    counts.deallocate()
    firsts.deallocate()
  }

  @inline(__always)
  private func index(of key: UInt64) -> Int {
    var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    while keys[index] != key && keys[index] != Self.empty { index = (index + 1) & mask }
    return index
  }

  @inline(__always)
  mutating func add(_ key: UInt64, order: Int) {
    let found = index(of: key)
    if keys[found] == key {
      counts[found] += 1
      return
    }
    keys[found] = key
    counts[found] = 1
    firsts[found] = order
    used += 1
    if 2 * used > mask + 1 { grow() }
  }

  private mutating func grow() {
    let old = (keys, counts, firsts, mask + 1)
    let size = 2 * old.3
    keys = .allocate(capacity: size)
    keys.initialize(repeating: Self.empty, count: size)
    counts = .allocate(capacity: size)
    counts.initialize(repeating: 0, count: size)
    firsts = .allocate(capacity: size)
    firsts.initialize(repeating: 0, count: size)
    mask = size - 1
    for position in 0..<old.3 where old.0[position] != Self.empty {
      let found = index(of: old.0[position])
      keys[found] = old.0[position]
      counts[found] = old.1[position]
      firsts[found] = old.2[position]
    }
    old.0.deallocate()
    old.1.deallocate()
    old.2.deallocate()
  }

  /// Every key with its count and first order.
  func forEach(_ body: (UInt64, Int, Int) -> Void) {
    for position in 0...mask where keys[position] != Self.empty {
      body(keys[position], counts[position], firsts[position])
    }
  }
}
