/// Builds a ``CheckReport`` from an audit's report, what §7 set aside in each file, and the
/// OPD's rows (from a read, or from the ledger): the same answer from either.
struct CheckBuilder {
  let audit: AuditReport
  let settlement: Settlement
  let opd: GroupReport
  /// The `--map` profile, for the files it read.
  let mapped: Profile?

  /// Where each of the OPD's rows ends once every file of the report is known.
  enum Disposition {
    case included
    case rejected
    case setAside(ReasonCode, countedBy: String?)
    case excluded(ReasonCode)
    /// Not the OPD's concern here (a budget row, a row of an older snapshot that would not
    /// have counted anyway).
    case ignored
  }

  func build(rows: [RowEvidence]) -> CheckReport {
    var byStage: [Stage: [(RowEvidence, Disposition)]] = [:]
    for row in rows {
      guard let stage = row.record.stage else { continue }
      byStage[stage, default: []].append((row, disposition(of: row)))
    }
    let missing = MissingFields(settlement: settlement, mapped: mapped)
    let stages = audit.stages.map { stage in
      stageCheck(stage, rows: byStage[stage] ?? [], missing: missing)
    }
    return CheckReport(
      audit: audit, opd: opd, stages: stages, setAsideFiles: setAsideFiles(),
      links: links(rows: rows))
  }

  /// The row's bucket after the file-level decisions of §7: an older snapshot, a package
  /// another file counts, a row of another year.
  func disposition(of row: RowEvidence) -> Disposition {
    let file = settlement.files[row.file]
    let record = row.record
    let inYear = record.fiscalYear == nil || record.fiscalYear == audit.fiscalYear
    if let newer = file.supersededBy {
      return record.reason == nil && inYear && !record.isBudget
        ? .setAside(.superseded, countedBy: newer) : .ignored
    }
    guard let reason = record.reason else {
      if record.isBudget { return .ignored }
      if !inYear { return .excluded(.otherYear) }
      if let key = record.packageKey, let winner = file.lostPackages[key] {
        return .setAside(.duplicate, countedBy: winner)
      }
      return .included
    }
    if reason.isRejection { return .rejected }
    if reason == .duplicate || reason == .superseded { return .setAside(reason, countedBy: nil) }
    return .excluded(reason)
  }

  private func stageCheck(_ stage: Stage, rows: [(RowEvidence, Disposition)], missing: MissingFields)
    -> StageCheck
  {
    var unknown: [CheckLine] = []
    var nonQualifying: [CheckLine] = []
    var rejected: [RowNote] = []
    var setAside: [RowNote] = []
    var excluded: [ReasonCode: (rows: Int, amount: MoneySum)] = [:]
    for (row, disposition) in rows {
      switch disposition {
      case .included:
        if let line = line(row, listing: .unknown, missing: missing) { unknown.append(line) }
        if let line = line(row, listing: .notQualifying, missing: missing) { nonQualifying.append(line) }
      case .rejected:
        rejected.append(note(row, code: row.record.reason ?? .badAmount, countedBy: nil))
      case .setAside(let code, let countedBy):
        setAside.append(note(row, code: code, countedBy: countedBy))
      case .excluded(let code):
        var entry = excluded[code] ?? (0, .zero)
        entry.rows += 1
        if let amount = row.record.amount { entry.amount += amount }
        excluded[code] = entry
      case .ignored:
        continue
      }
    }
    let checks = opd.checks.filter { $0.stage == stage }
    return StageCheck(
      stage: stage, figures: opd[stage],
      rules: checks.map { advice($0, lines: nonQualifying) },
      unknownLines: Self.byAmount(unknown), nonQualifyingLines: Self.byAmount(nonQualifying),
      rejected: rejected, setAside: setAside.sorted(by: Self.noteOrder),
      excluded: excluded.keys.sorted().compactMap { code in
        excluded[code].map { (code, $0.rows, $0.amount) }
      })
  }

  enum Listing { case unknown, notQualifying }

  /// The line as listed for its unknown metrics, or for those that do not fully qualify;
  /// nil when it has none.
  private func line(_ row: RowEvidence, listing: Listing, missing: MissingFields) -> CheckLine? {
    guard let amount = row.record.amount, let classification = row.record.classification else { return nil }
    var metrics: [Metric] = []
    var parts: [Metric: MoneySum] = [:]
    var absent: [Metric: [String]] = [:]
    for metric in Metric.allCases {
      let known = classification[metric]
      switch listing {
      case .unknown:
        guard known == nil else { continue }
        parts[metric] = MoneySum(amount)
        absent[metric] = missing.columns(for: metric, file: row.file)
      case .notQualifying:
        guard let known, known != amount else { continue }
        parts[metric] = MoneySum(amount) - MoneySum(known)
      }
      metrics.append(metric)
    }
    if metrics.isEmpty { return nil }
    return CheckLine(
      path: settlement.files[row.file].path, line: row.record.line, amount: MoneySum(amount),
      vendor: row.vendor, vendorNPWP: row.vendorNPWP, lineID: row.lineID, description: row.description,
      metrics: metrics, parts: parts, missing: absent)
  }

  private func note(_ row: RowEvidence, code: ReasonCode, countedBy: String?) -> RowNote {
    RowNote(
      path: settlement.files[row.file].path, line: row.record.line, column: row.record.column, code: code,
      amount: row.record.amount.map(MoneySum.init), message: row.record.message, countedBy: countedBy,
      vendor: row.vendorLabel)
  }

  /// The rule's advice: the fewest non-qualifying lines whose switch closes the gap.
  func advice(_ check: CheckResult, lines: [CheckLine]) -> RuleAdvice {
    guard let gap = check.gap, gap.sen > 0 else {
      return RuleAdvice(check: check, closingLines: [], closingAmount: .zero, closesGap: false)
    }
    let metric = check.metric
    let candidates = lines.compactMap { line in line.parts[metric].map { (line, $0) } }
      .filter { $0.1.sen > 0 }
      .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : Self.lineOrder($0.0, $1.0) }
    let chosen = Self.fewestReaching(gap, candidates.map(\.1))
    let picked = chosen.map { candidates[$0].0 }
    let amount = chosen.reduce(MoneySum.zero) { $0 + candidates[$1].1 }
    return RuleAdvice(check: check, closingLines: picked, closingAmount: amount, closesGap: amount >= gap)
  }

  /// The indices of the fewest of `parts` (sorted largest first) whose sum reaches `gap`:
  /// the largest ones, the last of them replaced by the smallest one that still reaches
  /// it. All of them when even their sum falls short.
  static func fewestReaching(_ gap: MoneySum, _ parts: [MoneySum]) -> [Int] {
    var sum = MoneySum.zero
    var count = 0
    while count < parts.count && sum < gap {
      sum += parts[count]
      count += 1
    }
    guard sum >= gap, count > 0 else { return Array(parts.indices) }
    let before = sum - parts[count - 1]
    // The smallest part from the last chosen one on that still reaches the gap.
    var last = count - 1
    for index in (count - 1)..<parts.count where before + parts[index] >= gap { last = index }
    return Array(0..<(count - 1)) + [last]
  }

  /// Plan against realization by RUP code: the OPD's planned packages that no realization
  /// line names, and its realization lines that name no planned package.
  private func links(rows: [RowEvidence]) -> LinkDetail? {
    guard let codes = audit.linkedCodes, opd.links != nil else { return nil }
    var planned: [String: (amount: MoneySum, lines: Int, first: RowEvidence)] = [:]
    var outside: [CheckLine] = []
    var withoutCode = LineTotal()
    for row in rows {
      guard case .included = disposition(of: row), let amount = row.record.amount else { continue }
      if row.record.stage == .plan {
        for code in row.record.rupCodes where !codes.realized.contains(code) {
          var entry = planned[code] ?? (.zero, 0, row)
          entry.amount += amount
          entry.lines += 1
          planned[code] = entry
        }
      } else if row.record.rupCodes.isEmpty {
        withoutCode.add(amount)
      } else if !row.record.rupCodes.contains(where: codes.planned.contains) {
        var line = CheckLine(
          path: settlement.files[row.file].path, line: row.record.line, amount: MoneySum(amount),
          vendor: row.vendor, vendorNPWP: row.vendorNPWP, lineID: row.lineID, description: row.description,
          metrics: [], parts: [:], missing: [:])
        line.rupCodes = row.record.rupCodes
        outside.append(line)
      }
    }
    let packages = planned.map { code, entry in
      PlannedPackage(
        code: code, amount: entry.amount, lines: entry.lines, path: settlement.files[entry.first.file].path,
        line: entry.first.record.line, description: entry.first.description)
    }
    return LinkDetail(
      plannedNotRealized: packages.sorted {
        $0.amount != $1.amount ? $0.amount > $1.amount : $0.code < $1.code
      },
      realizedOutsidePlan: Self.byAmount(outside), realizedWithoutCode: withoutCode)
  }

  private func setAsideFiles() -> [SetAsideFile] {
    settlement.files.compactMap { file in
      if let original = file.sameAs { return SetAsideFile(path: file.path, reason: .copy, other: original) }
      if let newer = file.supersededBy {
        return SetAsideFile(path: file.path, reason: .superseded, other: newer)
      }
      switch file.use {
      case .directory: return SetAsideFile(path: file.path, reason: .directory, other: nil)
      case .notSpending: return SetAsideFile(path: file.path, reason: .notSpending, other: nil)
      case .spending, .budget: return nil
      }
    }
  }

  static func byAmount(_ lines: [CheckLine]) -> [CheckLine] {
    lines.sorted { $0.amount != $1.amount ? $0.amount > $1.amount : lineOrder($0, $1) }
  }

  static func lineOrder(_ a: CheckLine, _ b: CheckLine) -> Bool {
    a.path != b.path ? Array(a.path.utf8).lexicographicallyPrecedes(Array(b.path.utf8)) : a.line < b.line
  }

  static func noteOrder(_ a: RowNote, _ b: RowNote) -> Bool {
    let (left, right) = (a.amount ?? .zero, b.amount ?? .zero)
    if left != right { return left > right }
    return a.path != b.path
      ? Array(a.path.utf8).lexicographicallyPrecedes(Array(b.path.utf8)) : a.line < b.line
  }
}

extension LineClassification {
  /// The known amount of a metric (nil: unknown).
  public subscript(metric: Metric) -> Money? {
    switch metric {
    case .pdn: return pdn
    case .umkk: return umkk
    case .local: return local
    }
  }

  /// Which source decided a metric.
  public func source(_ metric: Metric) -> ClassificationSource {
    switch metric {
    case .pdn: return pdnSource
    case .umkk: return umkkSource
    case .local: return localSource
    }
  }
}
