/// How much a finding matters: an error makes the input invalid (`validate` exits 1); a
/// warning does only with `--werror`.
public enum FindingSeverity: String, Sendable, CaseIterable, Comparable {
  case error
  case warning

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .error && rhs == .warning }
}

/// A check of `p3dn validate`, by its stable code (docs/validation.md). The same codes
/// count the findings of each input in `audit --format json` (`inputs[].findings`).
public enum FindingCode: String, Sendable, CaseIterable, Comparable {
  // Structure: the file cannot be read as a table.
  case emptyFile = "empty-file"
  case undecodableBytes = "undecodable-bytes"
  case unterminatedQuote = "unterminated-quote"
  /// A file that is not the format its name or first bytes say (a broken JSON or XLSX, a
  /// record beyond the size limit).
  case unreadableFile = "unreadable-file"
  /// A file whose header is one column: no delimiter (`,` `;` tab `|`) splits it.
  case unknownDelimiter = "unknown-delimiter"
  /// Rows that one field holds whole while the header has several: written with another
  /// delimiter than the file's.
  case mixedDelimiter = "mixed-delimiter"
  case missingHeader = "missing-header"
  /// A canonical sheet whose stage (plan or realization) cannot be known.
  case unknownStage = "unknown-stage"
  case blankColumnName = "blank-column-name"
  case duplicateColumnName = "duplicate-column-name"
  case raggedRow = "ragged-row"
  // Cells.
  case badAmount = "bad-amount"
  case missingAmount = "missing-amount"
  case missingOPD = "missing-opd"
  case badDate = "bad-date"
  case unknownStatus = "unknown-status"
  case unrecognizedFlag = "unrecognized-flag"
  case unreadableValue = "unreadable-value"
  case malformedOPDCode = "malformed-opd-code"
  case malformedNPWP = "malformed-npwp"
  case malformedAccount = "malformed-account"
  case malformedRUPCode = "malformed-rup-code"
  // The file as a whole.
  case duplicateLineID = "duplicate-line-id"
  case mixedFiscalYears = "mixed-fiscal-years"
  case totalMismatch = "total-mismatch"
  case negativeAmount = "negative-amount"
  // Across files (CONTRACT §7, plan against realization).
  case copy = "copy"
  case superseded = "superseded"
  case countedElsewhere = "counted-elsewhere"
  case duplicateRows = "duplicate-rows"
  case realizationNotInPlan = "realization-not-in-plan"
  case opdNotInPlan = "opd-not-in-plan"
  // The policy (`--fail-on breach`, `--fail-on undetermined`).
  case ruleFailed = "rule-failed"
  case ruleUndetermined = "rule-undetermined"

  public static func < (lhs: Self, rhs: Self) -> Bool {
    let order = Self.allCases
    return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
  }
}

/// One finding: what is wrong, where, and how to fix it.
public struct Finding: Sendable, Equatable {
  public let code: FindingCode
  public let severity: FindingSeverity
  /// The input it is in (nil: the inputs as a whole, e.g. a rule of the policy).
  public let path: String?
  /// 1-based physical line, and the column by name and by 1-based position, where known.
  public let line: Int?
  public let column: String?
  public let columnNumber: Int?
  /// What is wrong and how to fix it.
  public let message: LocalizedText
  /// For a rule finding: the rule's id.
  public let rule: String?

  public init(
    code: FindingCode, severity: FindingSeverity, path: String?, line: Int? = nil, column: String? = nil,
    columnNumber: Int? = nil, message: LocalizedText, rule: String? = nil
  ) {
    self.code = code
    self.severity = severity
    self.path = path
    self.line = line
    self.column = column
    self.columnNumber = columnNumber
    self.message = message
    self.rule = rule
  }
}

/// What `p3dn validate` found: every finding (up to a limit), the counts of each code per
/// input, and the audit it is part of.
public struct ValidationReport: Sendable {
  /// The findings, in input order, then line, column and code; at most the limit asked.
  public let findings: [Finding]
  /// Findings beyond the limit, by code.
  public let omitted: [FindingCode: Int]
  /// Counts of every finding (listed or not), by severity.
  public let errors: Int
  public let warnings: Int
  /// Counts by input path and code (an input with none is listed with no codes).
  public let counts: [(path: String, codes: [(FindingCode, Int)])]
  /// The checks run (every code), for formats that list passing checks (JUnit, SARIF).
  public let checks: [FindingCode]
  /// The audit the inputs gave (nil when no input could be read at all).
  public let audit: AuditReport?

  public init(
    findings: [Finding], omitted: [FindingCode: Int], errors: Int, warnings: Int,
    counts: [(path: String, codes: [(FindingCode, Int)])], checks: [FindingCode] = FindingCode.allCases,
    audit: AuditReport?
  ) {
    self.findings = findings
    self.omitted = omitted
    self.errors = errors
    self.warnings = warnings
    self.counts = counts
    self.checks = checks
    self.audit = audit
  }

  /// Whether the inputs are valid: no error (and, with `werror`, no warning).
  public func isValid(werror: Bool) -> Bool { errors == 0 && (!werror || warnings == 0) }
}
