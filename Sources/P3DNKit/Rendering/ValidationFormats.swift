/// `p3dn validate`'s formats: text for people, JSON (`p3dn.validate.v1`) for tools, JUnit
/// XML for CI test reports, SARIF 2.1.0 for code scanning, GitHub Actions workflow commands,
/// and markdown for a step summary. Each is a pure function of the report: the same report
/// gives the same bytes (no timestamps, findings in the report's order, codes in catalogue
/// order).
public struct ValidationFormatter: Sendable {
  public let language: Language
  /// The tool's version, for SARIF's `tool.driver.version` (not written when nil).
  public let version: String?
  /// The absolute URL where docs/validation.md is published. SARIF then links the tool and
  /// each rule to it (`informationUri`, `helpUri` with the code as anchor); SARIF wants
  /// absolute URIs there, so without one the help is given as text only.
  public let documentation: String?
  /// At most this many findings in the markdown table; the rest are counted.
  public let markdownRows: Int
  /// Where SARIF places a finding of the inputs as a whole (a rule, the plan against the
  /// realization): code scanning refuses a result without a location. The first input
  /// as given (a folder or a file); nil: such findings have none.
  public let inputsLocation: String?
  /// Whether warnings make the inputs invalid too (`--werror`), for the verdicts.
  public let werror: Bool

  public init(
    language: Language, version: String? = nil, documentation: String? = nil, markdownRows: Int = 50,
    inputsLocation: String? = nil, werror: Bool = false
  ) {
    self.werror = werror
    self.language = language
    self.version = version
    self.documentation = documentation
    self.markdownRows = markdownRows
    self.inputsLocation = inputsLocation
  }

  private func pick(_ id: String, _ en: String) -> String { language == .en ? en : id }

  // MARK: text

  /// One line per finding, `path:line:column: error[code]: message` (without the parts it
  /// lacks), then a line with the counts by severity and, when some were not listed, by code.
  public func text(_ report: ValidationReport) -> String {
    var lines = report.findings.map { finding in
      let place = Self.place(finding).map { Self.oneLine($0) + ": " } ?? ""
      return place + "\(finding.severity.rawValue)[\(finding.code.rawValue)]: " + columnNote(finding)
        + Self.oneLine(finding.message.text(language))
    }
    if !lines.isEmpty { lines.append("") }
    lines.append(summary(report))
    return lines.joined(separator: "\n") + "\n"
  }

  /// A finding's column, when it has no line to place it by (`kolom umk: `).
  func columnNote(_ finding: Finding) -> String {
    guard finding.line == nil, let column = finding.column else { return "" }
    return pick("kolom ", "column ") + Self.oneLine(column) + ": "
  }

  /// `3 kesalahan, 1 peringatan; 2 tidak dicantumkan (bad-amount 2).`
  func summary(_ report: ValidationReport) -> String {
    if report.errors == 0 && report.warnings == 0 { return pick("tidak ada temuan.", "no findings.") }
    let counts = pick(
      "\(report.errors) kesalahan, \(report.warnings) peringatan",
      Self.count(report.errors, "error") + ", " + Self.count(report.warnings, "warning"))
    let omitted = Self.omitted(report)
    if omitted.isEmpty { return counts + "." }
    let total = omitted.reduce(0) { $0 + $1.count }
    let list = omitted.map { "\($0.code.rawValue) \($0.count)" }.joined(separator: ", ")
    return counts + pick("; \(total) tidak dicantumkan (\(list)).", "; \(total) not listed (\(list)).")
  }

  // MARK: JSON

  /// The schema `p3dn.validate.v1`: validity, counts, the findings listed, the findings
  /// left out by code, and the counts of each input by code.
  public func json(_ report: ValidationReport) -> String {
    let findings: [JSONValue] = report.findings.map { finding in
      .object([
        ("code", .string(finding.code.rawValue)),
        ("severity", .string(finding.severity.rawValue)),
        ("path", finding.path.map(JSONValue.string) ?? .null),
        ("line", finding.line.map(JSONValue.int) ?? .null),
        ("column", finding.column.map(JSONValue.string) ?? .null),
        ("column_number", finding.columnNumber.map(JSONValue.int) ?? .null),
        ("message", .string(finding.message.text(language))),
        ("rule", finding.rule.map(JSONValue.string) ?? .null),
      ])
    }
    let counts: [JSONValue] = report.counts.map { entry in
      .object([
        ("path", .string(entry.path)),
        ("findings", .object(entry.codes.map { ($0.0.rawValue, .int($0.1)) })),
      ])
    }
    return JSONValue.object([
      ("schema", .string("p3dn.validate.v1")),
      ("valid", .bool(report.isValid(werror: werror))),
      ("errors", .int(report.errors)),
      ("warnings", .int(report.warnings)),
      ("findings", .array(findings)),
      ("omitted", .object(Self.omitted(report).map { ($0.code.rawValue, .int($0.count)) })),
      ("counts", .array(counts)),
    ]).rendered()
  }

  // MARK: JUnit

  /// JUnit XML: a test suite per input (in the report's order), and one for the inputs as
  /// a whole (rules, plan against realization); in each, a test case per check. A check
  /// with an error in that input fails, its findings in the failure's text; warnings go
  /// to the test case's `system-out` and do not fail it. Findings not listed are counted
  /// where they belong.
  public func junit(_ report: ValidationReport) -> String {
    let codes = Self.ruleCodes(report)
    var listed: [String?: [FindingCode: [Finding]]] = [:]
    var extraPaths: [String] = []
    let known = Set(report.counts.map(\.path))
    for finding in report.findings {
      if let path = finding.path, !known.contains(path), listed[path] == nil { extraPaths.append(path) }
      listed[finding.path, default: [:]][finding.code, default: []].append(finding)
    }
    var totals: [String: [FindingCode: Int]] = [:]
    for entry in report.counts {
      totals[entry.path] = Dictionary(entry.codes.map { ($0.0, $0.1) }, uniquingKeysWith: +)
    }
    let paths: [String?] = report.counts.map(\.path) + extraPaths + [nil]
    // Not listed: an input's, beyond those listed of its count; the inputs as a whole's,
    // what the report left out beyond all the inputs'.
    var hidden: [String?: [FindingCode: Int]] = [:]
    for path in paths {
      for code in codes {
        let count: Int
        if let path {
          count = (totals[path]?[code] ?? 0) - (listed[path]?[code]?.count ?? 0)
        } else {
          count =
            (report.omitted[code] ?? 0) - paths.compactMap { $0 }.reduce(0) { $0 + (hidden[$1]?[code] ?? 0) }
        }
        if count > 0 { hidden[path, default: [:]][code] = count }
      }
    }
    var suites: [String] = []
    var tests = 0
    var failures = 0
    for path in paths {
      let name = path ?? pick("(semua masukan)", "(all inputs)")
      var cases: [String] = []
      var suiteFailures = 0
      for code in codes {
        let found = listed[path]?[code] ?? []
        let testCase = junitCase(name: name, code: code, found: found, hidden: hidden[path]?[code] ?? 0)
        cases.append(testCase.xml)
        if testCase.failed { suiteFailures += 1 }
      }
      tests += codes.count
      failures += suiteFailures
      suites.append(
        "  <testsuite name=\"\(Self.xml(name, attribute: true))\" tests=\"\(codes.count)\" "
          + "failures=\"\(suiteFailures)\" errors=\"0\" skipped=\"0\">\n" + cases.joined()
          + "  </testsuite>\n")
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<testsuites name=\"p3dn validate\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
      + suites.joined() + "</testsuites>\n"
  }

  /// One check of one suite: its findings there, and how many more the report counts.
  private func junitCase(name: String, code: FindingCode, found: [Finding], hidden: Int) -> (
    xml: String, failed: Bool
  ) {
    let errors = found.filter { $0.severity == .error }
    let warnings = found.filter { $0.severity == .warning }
    // Findings not listed take the severity of those listed, else the code's.
    let hiddenSeverity = found.last?.severity ?? code.defaultSeverity
    let hiddenErrors = hiddenSeverity == .error ? hidden : 0
    let hiddenWarnings = hidden - hiddenErrors
    let head = "    <testcase classname=\"\(Self.xml(name, attribute: true))\" name=\"\(code.rawValue)\""
    if errors.isEmpty && hiddenErrors == 0 && warnings.isEmpty && hiddenWarnings == 0 {
      return (head + "/>\n", false)
    }
    var body = ""
    let failed = !errors.isEmpty || hiddenErrors > 0
    if failed {
      let count = errors.count + hiddenErrors
      let message =
        code.title(language) + ": " + pick("\(count) kesalahan", Self.count(count, "error"))
      body +=
        "      <failure message=\"\(Self.xml(message, attribute: true))\" type=\"\(code.rawValue)\">"
        + Self.xml(junitLines(errors, hidden: hiddenErrors), attribute: false) + "</failure>\n"
    }
    if !warnings.isEmpty || hiddenWarnings > 0 {
      body +=
        "      <system-out>" + Self.xml(junitLines(warnings, hidden: hiddenWarnings), attribute: false)
        + "</system-out>\n"
    }
    return (head + ">\n" + body + "    </testcase>\n", failed)
  }

  /// `line:column: message` per finding, then how many were not listed.
  private func junitLines(_ findings: [Finding], hidden: Int) -> String {
    var lines = findings.map { finding in
      let place = [finding.line, finding.line == nil ? nil : finding.columnNumber].compactMap { $0 }
      return (place.isEmpty ? "" : place.map(String.init).joined(separator: ":") + ": ")
        + finding.message.text(language)
    }
    if hidden > 0 {
      lines.append(pick("… dan \(hidden) lagi tidak dicantumkan", "… and \(hidden) more not listed"))
    }
    return lines.joined(separator: "\n")
  }

  // MARK: SARIF

  /// SARIF 2.1.0, as GitHub code scanning reads it: one run of `p3dn`, a rule per check
  /// (its name, descriptions, help and default level), and a result per finding listed,
  /// located in its input (a relative URI) at its line and column when known.
  public func sarif(_ report: ValidationReport) -> String {
    let codes = Self.ruleCodes(report)
    let index = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var driver: [(String, JSONValue)] = [("name", .string("p3dn"))]
    if let version { driver.append(("version", .string(version))) }
    if let documentation { driver.append(("informationUri", .string(documentation))) }
    driver.append(("rules", .array(codes.map(sarifRule))))
    let results: [JSONValue] = report.findings.map { finding in
      var members: [(String, JSONValue)] = [
        ("ruleId", .string(finding.code.rawValue)),
        ("ruleIndex", .int(index[finding.code] ?? 0)),
        ("level", .string(finding.severity.rawValue)),
        ("message", .object([("text", .string(finding.message.text(language)))])),
      ]
      // A finding of a whole file is placed on its first line (code scanning wants a line).
      if let path = finding.path ?? inputsLocation {
        var region: [(String, JSONValue)] = [("startLine", .int(finding.line ?? 1))]
        if finding.line != nil, let column = finding.columnNumber {
          region.append(("startColumn", .int(column)))
        }
        let location: [(String, JSONValue)] = [
          ("artifactLocation", .object([("uri", .string(Self.uri(path)))])), ("region", .object(region)),
        ]
        members.append(("locations", .array([.object([("physicalLocation", .object(location))])])))
      }
      var properties: [(String, JSONValue)] = []
      if let column = finding.column { properties.append(("column", .string(column))) }
      if let rule = finding.rule { properties.append(("rule", .string(rule))) }
      if !properties.isEmpty { members.append(("properties", .object(properties))) }
      return .object(members)
    }
    var run: [(String, JSONValue)] = [
      ("tool", .object([("driver", .object(driver))])),
      ("results", .array(results)),
    ]
    let omitted = Self.omitted(report)
    if !omitted.isEmpty {
      run.append(
        ("properties", .object([("omitted", .object(omitted.map { ($0.code.rawValue, .int($0.count)) }))])))
    }
    return JSONValue.object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
      ("runs", .array([.object(run)])),
    ]).rendered()
  }

  private func sarifRule(_ code: FindingCode) -> JSONValue {
    let help = code.help(language)
    var members: [(String, JSONValue)] = [
      ("id", .string(code.rawValue)),
      ("name", .string(Self.ruleName(code))),
      ("shortDescription", .object([("text", .string(code.title(language)))])),
      ("fullDescription", .object([("text", .string(help))])),
      (
        "help",
        .object([
          ("text", .string(help + " " + pick("Lihat", "See") + " docs/validation.md#\(code.docsAnchor)."))
        ])
      ),
    ]
    if let documentation { members.append(("helpUri", .string(documentation + "#" + code.docsAnchor))) }
    members.append(("defaultConfiguration", .object([("level", .string(code.defaultSeverity.rawValue))])))
    return .object(members)
  }

  /// The code as an identifier: `bad-amount` → `BadAmount`.
  static func ruleName(_ code: FindingCode) -> String {
    code.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// A path as a URI reference: `/` separators, each byte outside the unreserved set and
  /// `/` percent-encoded; a relative path stays relative (without a leading `./`), an
  /// absolute one becomes a `file:` URI.
  static func uri(_ path: String) -> String {
    var path = path.replacing("\\", with: "/")
    while path.hasPrefix("./") { path.removeFirst(2) }
    var prefix = ""
    let bytes = Array(path.utf8)
    if path.hasPrefix("/") {
      prefix = path.hasPrefix("//") ? "file:" : "file://"
    } else if bytes.count >= 3, Self.isLetter(bytes[0]), bytes[1] == UInt8(ascii: ":"),
      bytes[2] == UInt8(ascii: "/")
    {
      // A Windows drive: `C:/data/x.csv` → `file:///C:/data/x.csv`.
      prefix = "file:///" + String(decoding: bytes[0..<2], as: UTF8.self)
      path = String(decoding: bytes[2...], as: UTF8.self)
    }
    let digits = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    for byte in path.utf8 {
      if Self.isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || "-._~/".utf8.contains(byte) {
        out.append(byte)
      } else {
        out += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
      }
    }
    return prefix + String(decoding: out, as: UTF8.self)
  }

  private static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }

  // MARK: GitHub Actions

  /// A workflow command per finding (`::error file=…,line=…,col=…,title=CODE::message`),
  /// then a notice with the counts. Values are escaped as the runner reads them.
  public func github(_ report: ValidationReport) -> String {
    var lines = report.findings.map { finding in
      var properties: [String] = []
      if let path = finding.path { properties.append("file=" + Self.githubProperty(path)) }
      if let line = finding.line {
        properties.append("line=\(line)")
        if let column = finding.columnNumber { properties.append("col=\(column)") }
      }
      properties.append("title=" + Self.githubProperty(finding.code.rawValue))
      return "::\(finding.severity.rawValue) " + properties.joined(separator: ",") + "::"
        + Self.githubData(columnNote(finding) + finding.message.text(language))
    }
    lines.append("::notice::" + Self.githubData("p3dn validate: " + summary(report)))
    return lines.joined(separator: "\n") + "\n"
  }

  /// A command's message: `%`, CR and LF escaped.
  static func githubData(_ text: String) -> String {
    var out = ""
    for character in text.unicodeScalars {
      switch character {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(character)
      }
    }
    return out
  }

  /// A command's property value: as a message, and also `:` and `,`.
  static func githubProperty(_ text: String) -> String {
    githubData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
  }

  // MARK: markdown

  /// For a CI step summary: the verdict, the counts by code and severity, then the first
  /// findings as a table, and how many more.
  public func markdown(_ report: ValidationReport) -> String {
    let verdict =
      report.isValid(werror: werror)
      ? "✅ p3dn validate: " + pick("sah", "valid") : "❌ p3dn validate: " + pick("tidak sah", "invalid")
    var lines = ["## " + verdict, "", Markdown.escape(summary(report))]
    let tally = Self.tally(report)
    if !tally.isEmpty {
      lines += [
        "",
        Self.row([
          pick("Kode", "Code"), pick("Nama", "Name"), pick("Tingkat", "Severity"), pick("Temuan", "Findings"),
        ]),
        "| --- | --- | --- | ---: |",
      ]
      for entry in tally {
        lines.append(
          Self.row([
            "`\(entry.code.rawValue)`", Markdown.escape(entry.code.title(language)), severity(entry.severity),
            String(entry.count),
          ]))
      }
    }
    let shown = report.findings.prefix(max(markdownRows, 0))
    if !shown.isEmpty {
      lines += [
        "",
        "### " + pick("Temuan", "Findings"),
        "",
        Self.row([
          pick("Tempat", "Place"), pick("Kolom", "Column"), pick("Kode", "Code"), pick("Pesan", "Message"),
        ]),
        "| --- | --- | --- | --- |",
      ]
      for finding in shown {
        let place = finding.path.map { path in path + (finding.line.map { ":\($0)" } ?? "") }
        let column = finding.column ?? finding.columnNumber.map(String.init) ?? ""
        lines.append(
          Self.row([
            Markdown.escape(place ?? pick("(semua masukan)", "(all inputs)")), Markdown.escape(column),
            "`\(finding.code.rawValue)`", Markdown.escape(finding.message.text(language)),
          ]))
      }
    }
    let more = report.findings.count - shown.count + report.omitted.values.reduce(0, +)
    if more > 0 {
      lines += [
        "",
        pick("… dan \(more) temuan lagi.", "… and \(more) more " + (more == 1 ? "finding." : "findings.")),
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A markdown table row of cells already escaped.
  private static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

  private func severity(_ severity: FindingSeverity) -> String {
    switch severity {
    case .error: return pick("kesalahan", "error")
    case .warning: return pick("peringatan", "warning")
    }
  }

  // MARK: shared

  /// `path:line:column` without the parts a finding lacks (a column only with its line);
  /// nil for a finding on the inputs as a whole.
  static func place(_ finding: Finding) -> String? {
    guard let path = finding.path else { return nil }
    guard let line = finding.line else { return path }
    return path + ":\(line)" + (finding.columnNumber.map { ":\($0)" } ?? "")
  }

  /// Text on one line: line breaks and tabs as spaces, other control characters as `�`.
  static func oneLine(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09, 0x0A, 0x0D: out += " "
      case 0..<0x20, 0x7F..<0xA0: out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Text in an XML document: `&`, `<`, `>`, `"`, `'` as entities; in an attribute, line
  /// breaks and tabs as character references (they would read back as spaces); CR always
  /// (it would read back as LF); characters XML 1.0 does not allow, and the C1 controls,
  /// as `�`.
  static func xml(_ text: String, attribute: Bool) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\r": out += "&#13;"
      case "\n": out += attribute ? "&#10;" : "\n"
      case "\t": out += attribute ? "&#9;" : "\t"
      default:
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0xFFFE, 0xFFFF: out += "\u{FFFD}"
        default: out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// `1 error`, `2 errors`.
  private static func count(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)" + (count == 1 ? "" : "s")
  }

  /// The findings not listed, by code, in catalogue order.
  static func omitted(_ report: ValidationReport) -> [(code: FindingCode, count: Int)] {
    report.omitted.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// The codes with a rule: the checks run, then any other code found or counted.
  static func ruleCodes(_ report: ValidationReport) -> [FindingCode] {
    let found = report.findings.map(\.code) + report.counts.flatMap { $0.codes.map(\.0) }
    let others = Set(found).subtracting(report.checks).sorted()
    return report.checks + others
  }

  /// Every finding, listed or not, by code and severity: the listed by their severity, the
  /// others by the severity of the code's listed findings, else the code's own.
  static func tally(_ report: ValidationReport) -> [(
    code: FindingCode, severity: FindingSeverity, count: Int
  )] {
    var counts: [FindingCode: [FindingSeverity: Int]] = [:]
    var last: [FindingCode: FindingSeverity] = [:]
    for finding in report.findings {
      counts[finding.code, default: [:]][finding.severity, default: 0] += 1
      last[finding.code] = finding.severity
    }
    for (code, count) in report.omitted where count > 0 {
      counts[code, default: [:]][last[code] ?? code.defaultSeverity, default: 0] += count
    }
    return counts.keys.sorted().flatMap { code in
      FindingSeverity.allCases.compactMap { severity in
        counts[code]?[severity].map { (code, severity, $0) }
      }
    }
  }
}
