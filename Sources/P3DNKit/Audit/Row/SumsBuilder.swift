/// The accumulation of a file's candidate lines (CONTRACT §4.3): per fiscal year, per OPD
/// slot and stage, the sums of every metric; the names seen on each OPD's lines; the RUP
/// codes that link plan and realization; and at the end, the file's ``YearSums``.
struct SumsBuilder {
  let nameIndex: Int
  let rupIndex: Int
  let encoding: TextEncoding
  let linking: Bool
  private var buckets: [YearSlots] = []
  private var lastBucket = -1
  private var names = ByteCache<Int>(limit: 1 << 20)
  private var nameTexts: [String] = []
  // RUP code cells → index into `rupCodeLists` (the codes, split and sorted).
  private var rupCells = ByteCache<Int>(limit: 1 << 20)
  private var rupCodeLists: [[String]] = []

  init(auditor: FileAuditor, encoding: TextEncoding) {
    nameIndex = auditor.columns.raw(.opdName)
    rupIndex = auditor.columns.raw(.rupCode)
    self.encoding = encoding
    linking = auditor.linking
  }

  /// The sums of one fiscal year (nil: lines without a year).
  @_transparent
  mutating func bucket(for year: Int?) -> YearSlots {
    if lastBucket < 0 || buckets[lastBucket].year != year { switchBucket(to: year) }
    return buckets[lastBucket]
  }

  /// Another year than the last line's.
  private mutating func switchBucket(to year: Int?) {
    if let found = buckets.firstIndex(where: { $0.year == year }) {
      lastBucket = found
    } else {
      buckets.append(YearSlots(year: year))
      lastBucket = buckets.count - 1
    }
  }

  /// Records the RUP codes of an included line (a file without a RUP column leaves its
  /// realization lines unlinked: counted from the sums at the end).
  @_transparent
  mutating func link<S: RecordSource>(_ source: S, stage: Stage, amount: Money, slot: Int, bucket: YearSlots)
  {
    guard rupIndex >= 0 else { return }
    var codes: [String] = []
    let cell = ByteText.trimmed(source.cell(rupIndex))
    if !cell.isEmpty { codes = rupCodeLists[rupCells.cached(cell) ?? newCodes(cell)] }
    bucket.link(codes, stage: stage, amount: amount, slot: slot)
  }

  /// Counts the OPD name cell of an included line.
  @_transparent
  mutating func noteName<S: RecordSource>(_ source: S, slot: Int, bucket: YearSlots, order: Int) {
    guard nameIndex >= 0 else { return }
    let cell = ByteText.trimmed(source.cell(nameIndex))
    if cell.isEmpty { return }
    bucket.note(name: names.cached(cell) ?? newName(cell), slot: slot, order: order)
  }

  /// A RUP code cell seen the first time: its codes, split and sorted.
  private mutating func newCodes(_ cell: UnsafeBufferPointer<UInt8>) -> Int {
    rupCodeLists.append(RUPCodes.parse(TextDecoding.decode(cell, as: encoding)))
    rupCells.store(cell, rupCodeLists.count - 1)
    return rupCodeLists.count - 1
  }

  /// An OPD name cell seen the first time (past the table's limit, a name is decoded
  /// again on each line, as before).
  private mutating func newName(_ cell: UnsafeBufferPointer<UInt8>) -> Int {
    nameTexts.append(TextDecoding.decode(cell, as: encoding))
    names.store(cell, nameTexts.count - 1)
    return nameTexts.count - 1
  }

  /// The file's sums by year and OPD code.
  func finish(into result: inout FileResult, slotCodes: [String]) {
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
}

extension YearSlots {
  /// A swakelola line that would otherwise have counted: reported apart.
  func addSwakelola(slot: Int, stage: Stage, amount: Money) {
    if stage == .plan {
      extras[slot, default: OPDExtras()].swakelolaPlan.add(amount)
    } else {
      extras[slot, default: OPDExtras()].swakelolaRealization.add(amount)
    }
  }

  /// A budget row (`struktur-anggaran`): a denominator, not spending.
  func addBudget(slot: Int, amount: Money) {
    var budget = extras[slot]?.budget ?? LineTotal()
    budget.add(amount)
    extras[slot, default: OPDExtras()].budget = budget
  }

  /// RUP codes realized by a payment counted under another of its package's codes.
  func alsoRealize(_ codes: [String], slot: Int) {
    for code in codes { extras[slot, default: OPDExtras()].alsoRealized.insert(code) }
  }

  /// A plan line plans each of its codes; a realization line realizes its set of codes (or
  /// none).
  func link(_ codes: [String], stage: Stage, amount: Money, slot: Int) {
    if stage == .plan {
      for code in codes { extras[slot, default: OPDExtras()].planned[code, default: LineTotal()].add(amount) }
    } else if codes.isEmpty {
      extras[slot, default: OPDExtras()].realizedWithoutCode.add(amount)
    } else {
      extras[slot, default: OPDExtras()].realized[codes.joined(separator: ";"), default: LineTotal()].add(
        amount)
    }
  }
}
