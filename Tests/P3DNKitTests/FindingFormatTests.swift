import Foundation
import Testing

@testable import P3DNKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `validate`'s catalogue and formats: reports built by hand, each format read back with a
/// real parser (XMLParser, JSONSerialization, the runner's escaping rules, table cells).
@Suite("validate: catalogue and formats")
struct FindingFormatTests {
  // MARK: a report by hand

  static let rencana = "data/rencana 2024.csv"
  static let odd = "data/x,y:z.csv"
  static let clean = "data/bersih & \"baru\" <'2024'>.csv"
  /// Markup, entities, quotes, a table pipe, a code span, a line break, the runner's
  /// escape characters and a control character.
  static let hostile = "<script>alert('x')</script> & \"kutip\" | pipa `kode`\nbaris 2: 100%, a,b \u{1}akhir"

  static let flag = Finding(
    code: .unrecognizedFlag, severity: .warning, path: rencana, column: "umk", columnNumber: 7,
    message: LocalizedText(
      id: "nilai \"Sedang\" tidak dikenali (1 baris)", en: "value \"Sedang\" is not recognized (1 line)"))
  static let amount = Finding(
    code: .badAmount, severity: .error, path: rencana, line: 3, column: "nilai", columnNumber: 6,
    message: LocalizedText(
      id: "nilai \"12.34.56\" bukan angka", en: "the amount \"12.34.56\" is not a number"))
  static let opd = Finding(
    code: .missingOPD, severity: .error, path: odd, line: 4, column: "kode_opd", columnNumber: 1,
    message: LocalizedText(id: hostile, en: "EN " + hostile))
  static let rule = Finding(
    code: .ruleFailed, severity: .error, path: nil,
    message: LocalizedText(
      id: "Kabupaten, realisasi: inpres-2-2022/umkk-40 gagal (23,09%, minimal 40%)",
      en: "District, realization: inpres-2-2022/umkk-40 fails (23.09%, minimum 40%)"),
    rule: "inpres-2-2022/umkk-40")
  static let plan = Finding(
    code: .opdNotInPlan, severity: .warning, path: nil,
    message: LocalizedText(
      id: "1.02 Dinas Kesehatan punya realisasi tetapi tidak punya rencana",
      en: "1.02 Dinas Kesehatan has realization but no plan"))

  /// Five findings listed (two on the inputs as a whole), three more counted: 6 errors
  /// (ragged-row 1, bad-amount 1 + 2, missing-opd, rule-failed) and 2 warnings.
  static let report = ValidationReport(
    findings: [flag, amount, opd, rule, plan], omitted: [.badAmount: 2, .raggedRow: 1], errors: 6,
    warnings: 2,
    counts: [
      (path: rencana, codes: [(.raggedRow, 1), (.badAmount, 3), (.unrecognizedFlag, 1)]),
      (path: odd, codes: [(.missingOPD, 1)]),
      (path: clean, codes: []),
    ],
    audit: nil)

  static let empty = ValidationReport(
    findings: [], omitted: [:], errors: 0, warnings: 0, counts: [], audit: nil)

  // MARK: catalogue

  @Test("every code has a severity, a title and help in both languages, and its anchor")
  func catalogue() {
    let errors: Set<FindingCode> = [
      .emptyFile, .undecodableBytes, .unterminatedQuote, .unreadableFile, .unknownDelimiter, .missingHeader,
      .unknownStage,
      .duplicateColumnName, .raggedRow, .badAmount, .missingAmount, .missingOPD, .badDate, .totalMismatch,
      .ruleFailed, .ruleUndetermined,
    ]
    for code in FindingCode.allCases {
      #expect(code.defaultSeverity == (errors.contains(code) ? .error : .warning), "\(code.rawValue)")
      #expect(code.docsAnchor == code.rawValue)
      for language in Language.allCases {
        let title = code.title(language)
        let help = code.help(language)
        #expect(!title.isEmpty && !title.hasSuffix("."), "\(code.rawValue) \(language)")
        #expect(help.count > 40 && help.hasSuffix("."), "\(code.rawValue) \(language)")
        #expect(!help.contains("\n"))
      }
      #expect(code.help(.id) != code.help(.en))
    }
    #expect(FindingCode.blankColumnName.defaultSeverity == .warning)
    #expect(FindingCode.badAmount.title(.en) == "Bad amount")
    #expect(FindingCode.badAmount.title(.id) == "Nilai tidak terbaca")
  }

  // MARK: text

  @Test("text: a line per finding without the parts it lacks, then the counts")
  func text() {
    let expected = [
      // A column without a line is named in the text.
      "data/rencana 2024.csv: warning[unrecognized-flag]: kolom umk: nilai \"Sedang\" tidak dikenali (1 baris)",
      "data/rencana 2024.csv:3:6: error[bad-amount]: nilai \"12.34.56\" bukan angka",
      "data/x,y:z.csv:4:1: error[missing-opd]: <script>alert('x')</script> & \"kutip\" | pipa `kode` "
        + "baris 2: 100%, a,b \u{FFFD}akhir",
      "error[rule-failed]: Kabupaten, realisasi: inpres-2-2022/umkk-40 gagal (23,09%, minimal 40%)",
      "warning[opd-not-in-plan]: 1.02 Dinas Kesehatan punya realisasi tetapi tidak punya rencana",
      "",
      "6 kesalahan, 2 peringatan; 3 tidak dicantumkan (ragged-row 1, bad-amount 2).",
    ]
    #expect(ValidationFormatter(language: .id).text(Self.report) == expected.joined(separator: "\n") + "\n")
    let english = ValidationFormatter(language: .en).text(Self.report)
    #expect(english.hasSuffix("\n\n6 errors, 2 warnings; 3 not listed (ragged-row 1, bad-amount 2).\n"))
    #expect(
      english.contains(
        "data/rencana 2024.csv:3:6: error[bad-amount]: the amount \"12.34.56\" is not a number\n"))
    #expect(ValidationFormatter(language: .id).text(Self.empty) == "tidak ada temuan.\n")
    let one = ValidationReport(
      findings: [Self.amount], omitted: [:], errors: 1, warnings: 1, counts: [], audit: nil)
    #expect(ValidationFormatter(language: .en).text(one).hasSuffix("\n\n1 error, 1 warning.\n"))
  }

  // MARK: JSON

  @Test("JSON: p3dn.validate.v1 reads back with its findings, omitted and counts")
  func json() throws {
    let text = ValidationFormatter(language: .id).json(Self.report)
    #expect(text.hasPrefix("{\n  \"schema\": \"p3dn.validate.v1\",\n  \"valid\": false,\n  \"errors\": 6,\n"))
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(root["schema"] as? String == "p3dn.validate.v1")
    #expect(root["valid"] as? Bool == false)
    #expect(root["errors"] as? Int == 6)
    #expect(root["warnings"] as? Int == 2)
    let findings = try #require(root["findings"] as? [[String: Any]])
    #expect(findings.count == 5)
    #expect(
      findings.map { $0["code"] as? String } == [
        "unrecognized-flag", "bad-amount", "missing-opd", "rule-failed", "opd-not-in-plan",
      ])
    #expect(findings.map { $0["severity"] as? String } == ["warning", "error", "error", "error", "warning"])
    for finding in findings {
      #expect(
        Set(finding.keys) == [
          "code", "severity", "path", "line", "column", "column_number", "message", "rule",
        ])
    }
    let opd = findings[2]
    #expect(opd["path"] as? String == Self.odd)
    #expect(opd["line"] as? Int == 4)
    #expect(opd["column"] as? String == "kode_opd")
    #expect(opd["column_number"] as? Int == 1)
    #expect(opd["message"] as? String == Self.hostile)
    #expect(opd["rule"] is NSNull)
    #expect(findings[0]["line"] is NSNull)
    #expect(findings[0]["column_number"] as? Int == 7)
    #expect(findings[3]["path"] is NSNull)
    #expect(findings[3]["rule"] as? String == "inpres-2-2022/umkk-40")
    #expect(root["omitted"] as? [String: Int] == ["bad-amount": 2, "ragged-row": 1])
    let counts = try #require(root["counts"] as? [[String: Any]])
    #expect(counts.map { $0["path"] as? String } == [Self.rencana, Self.odd, Self.clean])
    #expect(
      counts[0]["findings"] as? [String: Int] == ["ragged-row": 1, "bad-amount": 3, "unrecognized-flag": 1])
    #expect(counts[2]["findings"] as? [String: Int] == [:])
    // English messages; an empty report is valid.
    let english = try #require(
      try JSONSerialization.jsonObject(with: Data(ValidationFormatter(language: .en).json(Self.report).utf8))
        as? [String: Any])
    #expect((english["findings"] as? [[String: Any]])?[2]["message"] as? String == "EN " + Self.hostile)
    let empty = try #require(
      try JSONSerialization.jsonObject(with: Data(ValidationFormatter(language: .id).json(Self.empty).utf8))
        as? [String: Any])
    #expect(empty["valid"] as? Bool == true)
    #expect(empty["omitted"] as? [String: Int] == [:])
  }

  // MARK: JUnit

  /// What an XML parser reads of a JUnit document.
  final class JUnitReader: NSObject, XMLParserDelegate {
    struct Case {
      var suite: String
      var classname: String
      var name: String
      var failure: (message: String, type: String, text: String)?
      var output: String?
    }
    var root: [String: String] = [:]
    var suites: [[String: String]] = []
    var cases: [Case] = []
    private var text = ""
    private var failure: (message: String, type: String)?

    func parser(
      _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      text = ""
      switch element {
      case "testsuites": root = attributes
      case "testsuite": suites.append(attributes)
      case "testcase":
        cases.append(
          Case(
            suite: suites.last?["name"] ?? "", classname: attributes["classname"] ?? "",
            name: attributes["name"] ?? ""))
      case "failure": failure = (attributes["message"] ?? "", attributes["type"] ?? "")
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(
      _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
    ) {
      switch element {
      case "failure":
        if let failure { cases[cases.count - 1].failure = (failure.message, failure.type, text) }
      case "system-out": cases[cases.count - 1].output = text
      default: break
      }
    }

    static func read(_ document: String) throws -> JUnitReader {
      let reader = JUnitReader()
      let parser = XMLParser(data: Data(document.utf8))
      parser.delegate = reader
      #expect(parser.parse(), "\(String(describing: parser.parserError))")
      return reader
    }
  }

  @Test("JUnit: a suite per input and one for the inputs as a whole, a case per check, errors fail")
  func junit() throws {
    let document = ValidationFormatter(language: .id).junit(Self.report)
    #expect(
      document.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"p3dn validate\""))
    let read = try JUnitReader.read(document)
    let checks = FindingCode.allCases.count
    #expect(read.root == ["name": "p3dn validate", "tests": "\(4 * checks)", "failures": "4", "errors": "0"])
    #expect(read.suites.map { $0["name"] } == [Self.rencana, Self.odd, Self.clean, "(semua masukan)"])
    #expect(read.suites.map { $0["tests"] } == Array(repeating: "\(checks)", count: 4))
    #expect(read.suites.map { $0["failures"] } == ["2", "1", "0", "1"])
    #expect(read.cases.count == 4 * checks)
    #expect(read.cases.allSatisfy { $0.classname == $0.suite })
    #expect(read.cases.prefix(checks).map(\.name) == FindingCode.allCases.map(\.rawValue))
    func testCase(_ suite: String, _ code: FindingCode) throws -> JUnitReader.Case {
      try #require(read.cases.first { $0.suite == suite && $0.name == code.rawValue })
    }
    // One listed and two counted bad amounts; a ragged row only counted.
    let amount = try #require(try testCase(Self.rencana, .badAmount).failure)
    #expect(amount.message == "Nilai tidak terbaca: 3 kesalahan")
    #expect(amount.type == "bad-amount")
    #expect(amount.text == "3:6: nilai \"12.34.56\" bukan angka\n… dan 2 lagi tidak dicantumkan")
    let ragged = try #require(try testCase(Self.rencana, .raggedRow).failure)
    #expect(ragged.text == "… dan 1 lagi tidak dicantumkan")
    // A warning does not fail its case.
    let flag = try testCase(Self.rencana, .unrecognizedFlag)
    #expect(flag.failure == nil)
    #expect(flag.output == "nilai \"Sedang\" tidak dikenali (1 baris)")
    // The hostile message reads back, its control character replaced.
    let opd = try #require(try testCase(Self.odd, .missingOPD).failure)
    #expect(opd.message == "Kode OPD kosong: 1 kesalahan")
    #expect(opd.text == "4:1: " + Self.hostile.replacing("\u{1}", with: "\u{FFFD}"))
    #expect(try testCase(Self.clean, .badAmount).failure == nil)
    let inputs = "(semua masukan)"
    #expect(
      try testCase(inputs, .ruleFailed).failure?.text
        == "Kabupaten, realisasi: inpres-2-2022/umkk-40 gagal (23,09%, minimal 40%)")
    #expect(try testCase(inputs, .opdNotInPlan).output == Self.plan.message.id)
    #expect(try testCase(inputs, .opdNotInPlan).failure == nil)
    // English; an empty report has the one suite, all passing.
    let english = try JUnitReader.read(ValidationFormatter(language: .en).junit(Self.report))
    #expect(english.suites.last?["name"] == "(all inputs)")
    #expect(english.cases.first { $0.name == "bad-amount" }?.failure?.message == "Bad amount: 3 errors")
    // Findings on the inputs as a whole left out: what the inputs' counts do not hold.
    let cut = ValidationReport(
      findings: [Self.amount], omitted: [.badAmount: 1, .ruleFailed: 1, .realizationNotInPlan: 4], errors: 3,
      warnings: 4, counts: [(path: Self.rencana, codes: [(.badAmount, 2)])], audit: nil)
    let cutRead = try JUnitReader.read(ValidationFormatter(language: .en).junit(cut))
    #expect(cutRead.root["failures"] == "2")
    let whole = cutRead.cases.filter { $0.suite == "(all inputs)" }
    #expect(whole.first { $0.name == "rule-failed" }?.failure?.text == "… and 1 more not listed")
    #expect(whole.first { $0.name == "realization-not-in-plan" }?.output == "… and 4 more not listed")
    #expect(whole.first { $0.name == "bad-amount" }?.failure == nil)
    #expect(
      cutRead.cases.first { $0.suite == Self.rencana && $0.name == "bad-amount" }?.failure?.text
        == "3:6: the amount \"12.34.56\" is not a number\n… and 1 more not listed")
    let empty = try JUnitReader.read(ValidationFormatter(language: .id).junit(Self.empty))
    #expect(empty.root["tests"] == "\(checks)")
    #expect(empty.root["failures"] == "0")
    #expect(empty.suites.count == 1)
  }

  @Test("XML escaping: entities, line breaks kept in attributes and text, forbidden characters replaced")
  func xmlEscaping() throws {
    let value = Self.hostile + "\r\n\ttab \u{FFFE}\u{85}\u{7F} é 😀"
    let document =
      "<testsuites name=\"\(ValidationFormatter.xml(value, attribute: true))\">"
      + ValidationFormatter.xml(value, attribute: false) + "</testsuites>"
    #expect(!document.contains("<script>"))
    final class Reader: NSObject, XMLParserDelegate {
      var attribute = ""
      var text = ""
      func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
      ) { attribute = attributes["name"] ?? "" }
      func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }
    let reader = Reader()
    let parser = XMLParser(data: Data(document.utf8))
    parser.delegate = reader
    #expect(parser.parse())
    let expected =
      Self.hostile.replacing("\u{1}", with: "\u{FFFD}") + "\r\n\ttab \u{FFFD}\u{FFFD}\u{FFFD} é 😀"
    #expect(reader.attribute == expected)
    #expect(reader.text == expected)
  }

  // MARK: SARIF

  @Test("SARIF 2.1.0: the required fields, a rule per check, results at their locations and levels")
  func sarif() throws {
    let text = ValidationFormatter(language: .en, version: "0.1.0").sarif(Self.report)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
    #expect(root["version"] as? String == "2.1.0")
    let runs = try #require(root["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "p3dn")
    #expect(driver["version"] as? String == "0.1.0")
    #expect(driver["informationUri"] == nil)
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == FindingCode.allCases.map(\.rawValue))
    for (rule, code) in zip(rules, FindingCode.allCases) {
      #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == code.title(.en))
      #expect((rule["fullDescription"] as? [String: Any])?["text"] as? String == code.help(.en))
      let help = (rule["help"] as? [String: Any])?["text"] as? String
      #expect(help == code.help(.en) + " See docs/validation.md#\(code.rawValue).")
      #expect(
        (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String == code.defaultSeverity.rawValue
      )
      #expect(rule["helpUri"] == nil)
    }
    let badAmount = try #require(FindingCode.allCases.firstIndex(of: .badAmount))
    #expect(rules[badAmount]["name"] as? String == "BadAmount")
    let results = try #require(runs[0]["results"] as? [[String: Any]])
    #expect(results.count == 5)
    for result in results {
      let id = try #require(result["ruleId"] as? String)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == id)
      let message = try #require((result["message"] as? [String: Any])?["text"] as? String)
      #expect(!message.isEmpty)
    }
    #expect(results.map { $0["level"] as? String } == ["warning", "error", "error", "error", "warning"])
    #expect((results[2]["message"] as? [String: Any])?["text"] as? String == "EN " + Self.hostile)
    func location(_ result: [String: Any]) -> [String: Any]? {
      ((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any]
    }
    #expect(
      (location(results[0])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        == "data/rencana%202024.csv")
    // A finding of the whole file sits on its first line (code scanning wants a line).
    #expect(location(results[0])?["region"] as? [String: Int] == ["startLine": 1])
    #expect(location(results[1])?["region"] as? [String: Int] == ["startLine": 3, "startColumn": 6])
    #expect(
      (location(results[2])?["artifactLocation"] as? [String: Any])?["uri"] as? String == "data/x%2Cy%3Az.csv"
    )
    #expect(location(results[2])?["region"] as? [String: Int] == ["startLine": 4, "startColumn": 1])
    #expect(results[3]["locations"] == nil)
    #expect(results[4]["locations"] == nil)
    // Given the inputs' location, a finding of the inputs as a whole is placed there.
    let placed = ValidationFormatter(language: .en, version: "0.1.0", inputsLocation: "budget").sarif(
      Self.report)
    let placedRoot = try #require(try JSONSerialization.jsonObject(with: Data(placed.utf8)) as? [String: Any])
    let placedResults = try #require(
      ((placedRoot["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
    #expect(
      placedResults.allSatisfy { result in
        ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) != nil
      })
    #expect(
      ((location(placedResults[3])?["artifactLocation"] as? [String: Any])?["uri"] as? String) == "budget")
    #expect(results[3]["properties"] as? [String: String] == ["rule": "inpres-2-2022/umkk-40"])
    #expect(results[1]["properties"] as? [String: String] == ["column": "nilai"])
    #expect(
      (runs[0]["properties"] as? [String: Any])?["omitted"] as? [String: Int] == [
        "bad-amount": 2, "ragged-row": 1,
      ])

    // With the docs' address, each rule links to its section.
    let linked = ValidationFormatter(
      language: .id, version: "0.1.0", documentation: "https://p3dn.example/docs/validation.md"
    ).sarif(Self.report)
    let linkedRoot = try #require(try JSONSerialization.jsonObject(with: Data(linked.utf8)) as? [String: Any])
    let linkedDriver = try #require(
      (((linkedRoot["runs"] as? [[String: Any]])?.first)?["tool"] as? [String: Any])?["driver"]
        as? [String: Any])
    #expect(linkedDriver["informationUri"] as? String == "https://p3dn.example/docs/validation.md")
    let linkedRules = try #require(linkedDriver["rules"] as? [[String: Any]])
    #expect(
      linkedRules[badAmount]["helpUri"] as? String == "https://p3dn.example/docs/validation.md#bad-amount")
    #expect(
      (linkedRules[badAmount]["shortDescription"] as? [String: Any])?["text"] as? String
        == "Nilai tidak terbaca")
  }

  @Test(
    "SARIF URIs: / separators, percent-encoded, relative stays relative",
    arguments: [
      ("data/rencana 2024.csv", "data/rencana%202024.csv"),
      ("./data/a.csv", "data/a.csv"),
      ("data\\sub\\b.csv", "data/sub/b.csv"),
      ("100%#?.csv", "100%25%23%3F.csv"),
      ("data/é.csv", "data/%C3%A9.csv"),
      ("/srv/data/x.csv", "file:///srv/data/x.csv"),
      ("C:\\data\\x y.csv", "file:///C:/data/x%20y.csv"),
    ])
  func sarifURI(path: String, uri: String) {
    #expect(ValidationFormatter.uri(path) == uri)
  }

  // MARK: GitHub Actions

  /// A workflow command as the runner reads it: the command, its properties, its message.
  static func command(_ line: String) throws -> (name: String, properties: [String: String], message: String)
  {
    #expect(line.hasPrefix("::"))
    let body = line.dropFirst(2)
    let end = try #require(body.range(of: "::"))
    let head = body[..<end.lowerBound]
    let message = String(body[end.upperBound...])
    let name = String(head.prefix { $0 != " " })
    var properties: [String: String] = [:]
    let list = head.dropFirst(name.count).drop { $0 == " " }
    for pair in list.split(separator: ",", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1)
      properties[String(parts[0])] = unescape(String(parts.count > 1 ? parts[1] : ""))
    }
    return (name, properties, unescape(message))
  }

  /// The runner's unescaping: `%25`, `%0D`, `%0A`, `%3A`, `%2C`.
  static func unescape(_ text: String) -> String {
    let codes = ["%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","]
    var out = ""
    var rest = Substring(text)
    while let first = rest.first {
      if first == "%", let value = codes[String(rest.prefix(3))] {
        out += value
        rest = rest.dropFirst(3)
      } else {
        out.append(first)
        rest = rest.dropFirst()
      }
    }
    return out
  }

  @Test("GitHub: a command per finding, properties and messages escaped, then a notice")
  func github() throws {
    let output = ValidationFormatter(language: .id).github(Self.report)
    #expect(output.hasSuffix("\n"))
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    #expect(lines.count == 6)
    #expect(
      lines[1]
        == "::error file=data/rencana 2024.csv,line=3,col=6,title=bad-amount::nilai \"12.34.56\" bukan angka")
    #expect(lines[0].hasPrefix("::warning file=data/rencana 2024.csv,title=unrecognized-flag::kolom umk: "))
    #expect(lines[2].hasPrefix("::error file=data/x%2Cy%3Az.csv,line=4,col=1,title=missing-opd::"))
    let commands = try lines.map(Self.command)
    #expect(commands.map(\.name) == ["warning", "error", "error", "error", "warning", "notice"])
    #expect(commands[2].properties == ["file": Self.odd, "line": "4", "col": "1", "title": "missing-opd"])
    #expect(commands[2].message == Self.hostile)
    #expect(commands[3].properties == ["title": "rule-failed"])
    #expect(commands[3].message == Self.rule.message.id)
    #expect(commands[5].properties == [:])
    #expect(
      commands[5].message
        == "p3dn validate: 6 kesalahan, 2 peringatan; 3 tidak dicantumkan (ragged-row 1, bad-amount 2).")
    #expect(
      ValidationFormatter(language: .en).github(Self.empty) == "::notice::p3dn validate: no findings.\n")
  }

  // MARK: markdown

  /// The cells of a markdown table row, split at the pipes not escaped.
  static func cells(_ row: String) -> [String] {
    var cells: [String] = []
    var cell = ""
    var escaped = false
    for character in row.dropFirst().dropLast() {
      if character == "|" && !escaped {
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        cell = ""
      } else {
        cell.append(character)
      }
      escaped = character == "\\" && !escaped
    }
    cells.append(cell.trimmingCharacters(in: .whitespaces))
    return cells
  }

  @Test("markdown: the verdict, counts by code and severity, a row per finding, how many more")
  func markdown() throws {
    let text = ValidationFormatter(language: .id).markdown(Self.report)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "## ❌ p3dn validate: tidak sah")
    #expect(lines[2] == "6 kesalahan, 2 peringatan; 3 tidak dicantumkan (ragged-row 1, bad-amount 2).")
    let tables = lines.filter { $0.hasPrefix("|") }
    #expect(tables.allSatisfy { $0.hasSuffix("|") })
    // Counts: a header, a rule, six codes whose counts add up to every finding.
    let counts = Array(tables.prefix(8))
    #expect(counts.allSatisfy { Self.cells($0).count == 4 })
    #expect(
      counts.dropFirst(2).map { Self.cells($0)[0] } == [
        "`ragged-row`", "`bad-amount`", "`missing-opd`", "`unrecognized-flag`", "`opd-not-in-plan`",
        "`rule-failed`",
      ])
    #expect(
      counts.dropFirst(2).map { Self.cells($0)[2] } == [
        "kesalahan", "kesalahan", "kesalahan", "peringatan", "peringatan", "kesalahan",
      ])
    #expect(counts.dropFirst(2).compactMap { Int(Self.cells($0)[3]) }.reduce(0, +) == 8)
    // Findings: a header, a rule, five rows of four cells.
    let findings = Array(tables.dropFirst(8))
    #expect(findings.count == 7)
    #expect(findings.allSatisfy { Self.cells($0).count == 4 })
    #expect(
      Self.cells(findings[2]) == [
        "data/rencana 2024.csv", "umk", "`unrecognized-flag`", Self.flag.message.id,
      ])
    #expect(Self.cells(findings[3])[0] == "data/rencana 2024.csv:3")
    let hostile = Self.cells(findings[4])
    #expect(hostile[0] == "data/x,y:z.csv:4")
    #expect(hostile[1] == "kode\\_opd")
    #expect(
      hostile[3]
        == "\\<script\\>alert('x')\\</script\\> & \"kutip\" \\| pipa \\`kode\\` baris 2: 100%, a,b akhir")
    #expect(Self.cells(findings[5])[0] == "(semua masukan)")
    #expect(lines.suffix(3) == ["", "… dan 3 temuan lagi.", ""])

    // Capped at two rows: the other three listed and the three counted are "more".
    let capped = ValidationFormatter(language: .en, markdownRows: 2).markdown(Self.report)
    #expect(capped.hasPrefix("## ❌ p3dn validate: invalid\n"))
    #expect(capped.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == 8 + 2 + 2)
    #expect(capped.hasSuffix("\n… and 6 more findings.\n"))
    #expect(
      ValidationFormatter(language: .en).markdown(Self.empty) == "## ✅ p3dn validate: valid\n\nno findings.\n"
    )
  }

  @Test("every format gives the same bytes for the same report")
  func deterministic() {
    let formatter = ValidationFormatter(language: .id, version: "0.1.0")
    for format in [
      formatter.text, formatter.json, formatter.junit, formatter.sarif, formatter.github, formatter.markdown,
    ] {
      #expect(format(Self.report) == format(Self.report))
    }
  }
}
