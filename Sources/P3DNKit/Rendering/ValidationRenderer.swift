/// The outcome of `p3dn validate`: whether the inputs can be audited cleanly.
public struct ValidationSummary: Sendable {
  public let report: AuditReport

  public init(report: AuditReport) { self.report = report }

  /// Rejected rows (errors).
  public var errors: Int { report.rejected.count + report.rejectedOmitted }
  /// Warnings over all files.
  public var warnings: Int {
    report.inputs.reduce(0) { total, input in
      total + Localizer(.en).warnings(input.warnings).reduce(0) { $0 + $1.count }
    }
  }
}

/// `p3dn validate` output: text for people or JSON (`p3dn.validate.v1`) for machines.
public struct ValidationRenderer: Sendable {
  public let language: Language

  public init(language: Language) { self.language = language }

  public func text(_ summary: ValidationSummary) -> String {
    let text = Localizer(language)
    var lines = InputSummary(language: language).lines(summary.report, rejectedShown: Int.max)
    lines.removeFirst()
    lines.append("")
    lines.append(
      text.pick(
        "\(summary.errors) kesalahan (baris ditolak), \(summary.warnings) peringatan.",
        "\(summary.errors) errors (rejected rows), \(summary.warnings) warnings."))
    return lines.joined(separator: "\n") + "\n"
  }

  public func json(_ summary: ValidationSummary) -> String {
    let text = Localizer(language)
    let renderer = JSONRenderer(language: language)
    return JSONValue.object([
      ("schema", .string("p3dn.validate.v1")),
      ("valid", .bool(summary.errors == 0)),
      ("errors", .int(summary.errors)),
      ("warnings", .int(summary.warnings)),
      ("inputs", .array(summary.report.inputs.map { renderer.input($0, text) })),
      ("rejected", .array(summary.report.rejected.map(renderer.rejected))),
      ("rejected_omitted", .int(summary.report.rejectedOmitted)),
    ]).rendered()
  }
}
