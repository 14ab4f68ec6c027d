/// The short block on stderr when a command exits 1 (`--fail-on`, `validate`): which
/// rules or findings failed, whatever the format and output of the report itself, so that
/// a CI log always says why the step is red.
public struct GateMessage: Sendable {
  public let language: Language
  /// At most this many lines name a rule or a finding; the rest are counted.
  public let limit: Int

  public init(language: Language, limit: Int = 10) {
    self.language = language
    self.limit = limit
  }

  private func pick(_ id: String, _ en: String) -> String { language == .en ? en : id }

  /// The mandatory checks that stopped the gate (from ``AuditReport/stoppedChecks(_:)``).
  public func rules(_ stopped: [(group: GroupReport, check: CheckResult)]) -> String {
    let failed = stopped.filter { $0.check.status == .fail }.count
    let undetermined = stopped.count - failed
    var parts: [String] = []
    if failed > 0 { parts.append(pick("\(failed) gagal", "\(failed) failed")) }
    if undetermined > 0 { parts.append(pick("\(undetermined) belum pasti", "\(undetermined) undetermined")) }
    var lines = [
      pick("pemeriksaan aturan wajib: ", "mandatory rule checks: ") + parts.joined(separator: ", ")
    ]
    let text = Localizer(language)
    for (group, check) in stopped.prefix(limit) {
      let who = group.code.isEmpty ? group.name : "\(group.code) \(group.name)"
      let share = FindingText.share(check, group, language == .en ? "." : ",")
      let minimum = check.rule.minimum.map { $0.description + "%" } ?? "-"
      lines.append(
        "  \(who), \(text.stage(check.stage).lowercased()): \(check.rule.id) \(text.status(check.status)) "
          + "(\(share); min \(minimum))")
    }
    if stopped.count > limit {
      lines.append(pick("  … dan \(stopped.count - limit) lagi", "  … and \(stopped.count - limit) more"))
    }
    return lines.joined(separator: "\n")
  }

  /// The findings that make the inputs invalid: the counts, then the first errors (and,
  /// with `werror`, warnings).
  public func findings(_ report: ValidationReport, werror: Bool) -> String {
    var counts: [FindingCode: Int] = [:]
    for finding in report.findings where finding.severity == .error || werror {
      counts[finding.code, default: 0] += 1
    }
    for (code, count) in report.omitted where code.defaultSeverity == .error || werror {
      counts[code, default: 0] += count
    }
    let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(
      separator: ", ")
    var lines = [
      pick(
        "tidak sah: \(report.errors) kesalahan, \(report.warnings) peringatan",
        "invalid: " + Self.count(report.errors, "error") + ", " + Self.count(report.warnings, "warning"))
        + (werror && report.errors == 0 ? pick(" (--werror)", " (--werror)") : "") + " (\(summary))"
    ]
    let shown = report.findings.filter { $0.severity == .error || werror }
    for finding in shown.prefix(limit) { lines.append("  " + Self.line(finding, language: language)) }
    // Those listed beyond the block, and those the report itself did not list.
    let total = (werror ? report.errors + report.warnings : report.errors)
    let more = total - min(shown.count, limit)
    if more > 0 { lines.append(pick("  … dan \(more) lagi", "  … and \(more) more")) }
    return lines.joined(separator: "\n")
  }

  /// `path:line:column: error[code]: message`, without the parts it lacks.
  /// A column without a line is named in the text (`kolom umk`), never as `:11`, which
  /// reads as a line.
  public static func line(_ finding: Finding, language: Language) -> String {
    var place = finding.path ?? ""
    if let line = finding.line {
      place += ":\(line)"
      if let column = finding.columnNumber { place += ":\(column)" }
    }
    let head = place.isEmpty ? "" : place + ": "
    let column =
      finding.line == nil
      ? finding.column.map { (language == .en ? "column " : "kolom ") + $0 + ": " } ?? "" : ""
    return head + "\(finding.severity.rawValue)[\(finding.code.rawValue)]: " + column
      + finding.message.text(language)
  }

  /// `1 error`, `2 errors`.
  static func count(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }
}
