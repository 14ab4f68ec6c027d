/// When a rule of the policy makes the inputs fail (`--fail-on`): a mandatory rule that
/// fails, or also one that the unknown lines leave undetermined.
public enum RuleGate: String, Sendable, CaseIterable {
  case breach
  case undetermined
  case never

  /// Whether a mandatory rule's check with this status fails the gate.
  public func stops(_ status: CheckStatus) -> Bool {
    switch self {
    case .breach: return status == .fail
    case .undetermined: return status == .fail || status == .undetermined
    case .never: return false
    }
  }
}

extension AuditReport {
  /// The mandatory checks that fail `gate`, for the district and every reported OPD, each
  /// with its group (the district's code is "").
  public func stoppedChecks(_ gate: RuleGate) -> [(group: GroupReport, check: CheckResult)] {
    // CONTRACT §3: the district and every reported OPD. Inputs of one OPD are that OPD
    // (its checks are the district's), so they are named once.
    let groups: [GroupReport]
    if case .inputs = totalScope { groups = opds } else { groups = [district] + opds }
    return groups.flatMap { group in
      group.checks.filter { $0.rule.severity == .mandatory && gate.stops($0.status) }.map { (group, $0) }
    }
  }
}

/// `p3dn validate`: audits the inputs as `audit` does and turns what it finds into
/// findings — a file that cannot be read, rows rejected, status words and flags not
/// recognized, spending set aside (CONTRACT §7), realization outside the plan, and with a
/// gate the rules that fail it. A file that cannot be read is a finding, not the end: the
/// other inputs are still audited.
public enum Validator {
  public static func run(_ request: AuditRequest, gate: RuleGate, maxFindings: Int) throws(AuditError)
    -> ValidationReport
  {
    var request = request
    request.requireSingleYear = false
    request.rejectedLimit = max(maxFindings, 1)
    var early: [Finding] = []
    var report: AuditReport? = nil
    while report == nil {
      do {
        let (files, vendors) = try AuditEngine.read(request)
        var (audited, _) = try AuditEngine.settle(files, request: request)
        audited.vendors = vendors.map(VendorListSummary.init)
        report = audited
      } catch {
        if case .severalYears(let years, let files) = error, !request.allowSeveralYears {
          early.append(FindingText.severalYears(years, files))
          request.allowSeveralYears = true
          continue
        }
        guard let (path, finding) = FindingText.unreadable(error) else { throw error }
        early.append(finding)
        request.excludedFiles.insert(path)
        if try AuditEngine.inputFiles(request).isEmpty { break }
      }
    }
    var findings = early
    if let report { findings += self.findings(report, gate: gate) }
    return summarize(findings, report: report, early: early, maxFindings: maxFindings)
  }

  /// Every finding of an audit's report (the rows it lists as rejected among them).
  static func findings(_ report: AuditReport, gate: RuleGate) -> [Finding] {
    var found: [Finding] = []
    for input in report.inputs {
      found += inputFindings(input, rejected: report.rejected.filter { $0.path == input.path })
    }
    found += FindingText.links(report)
    for (group, check) in report.stoppedChecks(gate) {
      found.append(FindingText.rule(check, group: group))
    }
    return found
  }

  /// The findings of one input: its header, years, unrecognized words, what §7 set aside,
  /// and its rejected rows (those listed).
  static func inputFindings(_ input: InputReport, rejected: [RejectedRow]) -> [Finding] {
    var found = FindingText.fileFindings(input)
    for row in rejected {
      guard let code = FindingCode(rejection: row.code) else { continue }
      let number = row.column.flatMap { column in
        input.header.firstIndex(of: HeaderNames.normalize(column)).map { $0 + 1 }
      }
      found.append(
        Finding(
          code: code, severity: .error, path: input.path, line: row.line, column: row.column,
          columnNumber: number, message: FindingText.rejected(row)))
    }
    return found
  }

  /// The count of each finding code of one input (`audit --format json`'s
  /// `inputs[].findings`): rejected rows by their reason, cells by their kind, the rest as
  /// `validate` lists them.
  public static func counts(_ input: InputReport) -> [(FindingCode, Int)] {
    var counts: [FindingCode: Int] = [:]
    for finding in FindingText.fileFindings(input) where !FindingCode.cellChecks.contains(finding.code) {
      counts[finding.code, default: 0] += 1
    }
    for (kind, count) in input.cellFindings.counts {
      if let code = FindingCode(rawValue: kind.rawValue) { counts[code, default: 0] += count }
    }
    for (reason, count) in input.rejectedByReason {
      if let code = FindingCode(rejection: reason) { counts[code, default: 0] += count }
    }
    return counts.sorted { $0.key < $1.key }
  }

  /// The report: findings in input order (then line, column and code), at most
  /// `maxFindings`, with the counts of all (rows and cells beyond those listed too).
  static func summarize(_ findings: [Finding], report: AuditReport?, early: [Finding], maxFindings: Int)
    -> ValidationReport
  {
    // The inputs read in their order, then those that could not be read, by path.
    let read = Set(report?.inputs.map(\.path) ?? [])
    let unread = Set(early.compactMap(\.path)).subtracting(read)
    let paths =
      (report?.inputs.map(\.path) ?? [])
      + unread.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    let place = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let sorted = findings.sorted { a, b in
      let (left, right) = (a.path.flatMap { place[$0] } ?? Int.max, b.path.flatMap { place[$0] } ?? Int.max)
      if left != right { return left < right }
      if a.line != b.line { return (a.line ?? 0) < (b.line ?? 0) }
      if a.columnNumber != b.columnNumber { return (a.columnNumber ?? 0) < (b.columnNumber ?? 0) }
      return a.code < b.code
    }
    // Counts: an input's from what it read; the others' (unreadable files, rules, the
    // inputs as a whole) one per finding.
    var perPath: [String: [FindingCode: Int]] = [:]
    for input in report?.inputs ?? [] {
      perPath[input.path] = Dictionary(counts(input), uniquingKeysWith: +)
    }
    for finding in findings where !read.contains(finding.path ?? "\u{0}") {
      perPath[finding.path ?? "", default: [:]][finding.code, default: 0] += 1
    }
    var listed: [String: [FindingCode: (count: Int, severity: FindingSeverity)]] = [:]
    for finding in findings {
      let entry = listed[finding.path ?? "", default: [:]][finding.code]
      listed[finding.path ?? "", default: [:]][finding.code] = ((entry?.count ?? 0) + 1, finding.severity)
    }
    var errors = 0
    var warnings = 0
    var omitted: [FindingCode: Int] = [:]
    for (path, codes) in perPath {
      for (code, count) in codes {
        let seen = listed[path]?[code]
        let severity = seen?.severity ?? code.defaultSeverity
        if severity == .error { errors += count } else { warnings += count }
        if count > (seen?.count ?? 0) { omitted[code, default: 0] += count - (seen?.count ?? 0) }
      }
    }
    let shown = Array(sorted.prefix(max(maxFindings, 0)))
    for finding in sorted.dropFirst(shown.count) { omitted[finding.code, default: 0] += 1 }
    let counts = paths.map { path in
      (path: path, codes: (perPath[path] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
    return ValidationReport(
      findings: shown, omitted: omitted, errors: errors, warnings: warnings, counts: counts,
      checks: FindingCode.allCases.filter { !FindingCode.planned.contains($0) }, audit: report)
  }

}

extension FindingCode {
  /// The codes of the cell checks, counted by the read rather than one per finding.
  static let cellChecks: Set<FindingCode> = [
    .negativeAmount, .malformedOPDCode, .malformedAccount, .malformedNPWP, .malformedRUPCode, .totalMismatch,
    .mixedDelimiter,
  ]

  /// Codes whose checks are not run yet (never reported, so not listed among the checks of
  /// JUnit and SARIF).
  static let planned: Set<FindingCode> = [.duplicateLineID]

  /// The finding of a rejected row's reason.
  init?(rejection reason: ReasonCode) {
    switch reason {
    case .raggedRow: self = .raggedRow
    case .badAmount: self = .badAmount
    case .missingAmount: self = .missingAmount
    case .missingOPD: self = .missingOPD
    case .badDate: self = .badDate
    default: return nil
    }
  }
}
