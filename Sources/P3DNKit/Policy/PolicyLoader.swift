import TOMLKit

/// A policy file that cannot be used.
public enum PolicyError: Error, Equatable, Sendable {
  case unreadable(path: String, reason: String)
  case badTOML(path: String, line: Int, column: Int, detail: String)
  case unknownKey(path: String, key: String)
  case missingKey(path: String, key: String)
  case badValue(path: String, key: String, expected: LocalizedText)
  case unknownMetric(path: String, rule: String, value: String)
  case unknownStage(path: String, rule: String, value: String)
  case unknownSeverity(path: String, rule: String, value: String)
  case minimumOutOfRange(path: String, rule: String, value: String)
  case minimumRequired(path: String, rule: String)
  case duplicateRule(path: String, rule: String)
  case noRules(path: String)
}

/// Reads a policy from TOML text and checks it.
public enum PolicyLoader {
  /// The built-in policy `kukar-p3dn`.
  public static func builtIn() throws(PolicyError) -> Policy {
    try load(text: Policy.defaultText, path: "kukar-p3dn")
  }

  /// The TOML table of a file's text; a syntax error names its line and column.
  static func table(text: String, path: String) throws(PolicyError) -> TOMLTable {
    do {
      return try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw .badTOML(
        path: path, line: error.source.begin.line, column: error.source.begin.column,
        detail: error.description)
    } catch {
      throw .badTOML(path: path, line: 0, column: 0, detail: "\(error)")
    }
  }

  public static func load(text: String, path: String) throws(PolicyError) -> Policy {
    let table = try table(text: text, path: path)
    let reader = TableReader(table: table, path: path, prefix: "")
    try reader.allowOnly([
      "id", "name", "pdn_tkdn_bmp_min", "exclude_swakelola", "scope", "region", "rules",
    ])
    let id = try reader.string("id")
    let name = try reader.optionalString("name") ?? id
    let tkdnMinimum = try reader.optionalPercentage("pdn_tkdn_bmp_min") ?? Percentage(whole: 40)
    guard tkdnMinimum >= Percentage(whole: 0) && tkdnMinimum <= Percentage(whole: 100) else {
      throw .badValue(
        path: path, key: "pdn_tkdn_bmp_min", expected: LocalizedText(id: "0 sampai 100", en: "0 to 100"))
    }
    let excludeSwakelola = try reader.optionalBool("exclude_swakelola") ?? true

    var accounts: [String] = []
    if let scope = try reader.optionalTable("scope") {
      try scope.allowOnly(["accounts"])
      accounts = try scope.optionalStrings("accounts") ?? []
    }
    var regionName = ""
    var regionNames: [String] = []
    if let region = try reader.optionalTable("region") {
      try region.allowOnly(["name", "names"])
      regionName = try region.optionalString("name") ?? ""
      regionNames = try region.optionalStrings("names") ?? []
      if regionNames.isEmpty && !regionName.isEmpty { regionNames = [regionName] }
    }

    guard let ruleArray = table["rules"]?.array else {
      if table["rules"] != nil {
        throw .badValue(
          path: path, key: "rules",
          expected: LocalizedText(id: "array tabel [[rules]]", en: "an array of tables [[rules]]"))
      }
      throw .noRules(path: path)
    }
    var rules: [Rule] = []
    var seen: Set<String> = []
    for (index, element) in ruleArray.enumerated() {
      guard let ruleTable = element.table else {
        throw .badValue(
          path: path, key: "rules[\(index + 1)]", expected: LocalizedText(id: "sebuah tabel", en: "a table"))
      }
      let rule = try readRule(TableReader(table: ruleTable, path: path, prefix: "rules[\(index + 1)]."))
      guard seen.insert(rule.id).inserted else {
        throw .duplicateRule(path: path, rule: rule.id)
      }
      rules.append(rule)
    }
    guard !rules.isEmpty else { throw .noRules(path: path) }
    return Policy(
      id: id, name: name, pdnTKDNBMPMinimum: tkdnMinimum, accounts: accounts,
      excludeSwakelola: excludeSwakelola, regionName: regionName, regionNames: regionNames,
      rules: rules)
  }

  private static func readRule(_ reader: TableReader) throws(PolicyError) -> Rule {
    try reader.allowOnly([
      "id", "metric", "stages", "min", "severity", "from_year", "to_year", "basis",
    ])
    let id = try reader.string("id")
    let metricWord = try reader.string("metric")
    guard let metric = Metric(rawValue: metricWord) else {
      throw .unknownMetric(path: reader.path, rule: id, value: metricWord)
    }
    let stageWords = try reader.optionalStrings("stages") ?? ["plan", "realization"]
    var stages: [Stage] = []
    for word in stageWords {
      guard let stage = Stage(rawValue: word) else {
        throw .unknownStage(path: reader.path, rule: id, value: word)
      }
      if !stages.contains(stage) { stages.append(stage) }
    }
    stages.sort()
    let minimum = try reader.optionalPercentage("min", rule: id)
    let severityWord = try reader.optionalString("severity") ?? (minimum == nil ? "info" : "mandatory")
    guard let severity = Severity(rawValue: severityWord) else {
      throw .unknownSeverity(path: reader.path, rule: id, value: severityWord)
    }
    if severity != .info && minimum == nil {
      throw .minimumRequired(path: reader.path, rule: id)
    }
    let fromYear = try reader.optionalInt("from_year")
    let toYear = try reader.optionalInt("to_year")
    let basis = try reader.optionalString("basis") ?? ""
    return Rule(
      id: id, metric: metric, stages: stages, minimum: minimum, severity: severity,
      fromYear: fromYear, toYear: toYear, basis: basis)
  }
}

/// Typed access to a TOML table with errors that name the key.
struct TableReader {
  let table: TOMLTable
  let path: String
  let prefix: String

  func allowOnly(_ keys: Set<String>) throws(PolicyError) {
    for key in table.keys.sorted() where !keys.contains(key) {
      throw .unknownKey(path: path, key: prefix + key)
    }
  }

  func string(_ key: String) throws(PolicyError) -> String {
    guard let value = try optionalString(key), !value.isEmpty else {
      throw .missingKey(path: path, key: prefix + key)
    }
    return value
  }

  func optionalString(_ key: String) throws(PolicyError) -> String? {
    guard let value = table[key] else { return nil }
    guard let text = value.string else {
      throw .badValue(
        path: path, key: prefix + key,
        expected: LocalizedText(id: "teks dalam tanda kutip", en: "text in quotes"))
    }
    return text
  }

  func optionalStrings(_ key: String) throws(PolicyError) -> [String]? {
    guard let value = table[key] else { return nil }
    guard let array = value.array else {
      throw .badValue(
        path: path, key: prefix + key, expected: LocalizedText(id: "daftar teks", en: "a list of texts"))
    }
    var result: [String] = []
    for element in array {
      guard let text = element.string else {
        throw .badValue(
          path: path, key: prefix + key, expected: LocalizedText(id: "daftar teks", en: "a list of texts"))
      }
      result.append(text)
    }
    return result
  }

  func optionalBool(_ key: String) throws(PolicyError) -> Bool? {
    guard let value = table[key] else { return nil }
    guard let flag = value.bool else {
      throw .badValue(
        path: path, key: prefix + key, expected: LocalizedText(id: "true atau false", en: "true or false"))
    }
    return flag
  }

  func optionalInt(_ key: String) throws(PolicyError) -> Int? {
    guard let value = table[key] else { return nil }
    guard let number = value.int else {
      throw .badValue(
        path: path, key: prefix + key, expected: LocalizedText(id: "bilangan bulat", en: "a whole number"))
    }
    return number
  }

  func optionalTable(_ key: String) throws(PolicyError) -> TableReader? {
    guard let value = table[key] else { return nil }
    guard let inner = value.table else {
      throw .badValue(
        path: path, key: prefix + key, expected: LocalizedText(id: "tabel [\(key)]", en: "a table [\(key)]"))
    }
    return TableReader(table: inner, path: path, prefix: prefix + key + ".")
  }

  /// A percentage written as an integer, a decimal number or a quoted decimal; for `min`,
  /// it must lie in 0–100.
  func optionalPercentage(_ key: String, rule: String? = nil) throws(PolicyError) -> Percentage? {
    guard let value = table[key] else { return nil }
    var text: String? = nil
    if let number = value.int {
      text = String(number)
    } else if let number = value.double {
      text = number.isFinite ? "\(number)" : nil
    } else if let quoted = value.string {
      text = quoted
    }
    guard let text else {
      throw .badValue(
        path: path, key: prefix + key,
        expected: LocalizedText(id: "persentase seperti 40 atau 92.5", en: "a percentage such as 40 or 92.5"))
    }
    let negative = text.hasPrefix("-")
    guard let percentage = Percentage.parse(negative ? String(text.dropFirst()) : text) else {
      throw .badValue(
        path: path, key: prefix + key,
        expected: LocalizedText(id: "persentase seperti 40 atau 92.5", en: "a percentage such as 40 or 92.5"))
    }
    if let rule, negative || percentage > Percentage(whole: 100) {
      throw .minimumOutOfRange(path: path, rule: rule, value: text)
    }
    if negative {
      throw .badValue(
        path: path, key: prefix + key, expected: LocalizedText(id: "0 sampai 100", en: "0 to 100"))
    }
    return percentage
  }
}

extension PolicyLoader {
  /// Reads and checks a policy file (UTF-8).
  public static func load(contentsOf path: String) throws(PolicyError) -> Policy {
    try load(text: try text(of: path), path: path)
  }

  /// The text of a policy file.
  public static func text(of path: String) throws(PolicyError) -> String {
    do {
      let file = try FileBytes(path: path)
      var bytes: [UInt8] = []
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = try chunk.withUnsafeMutableBytes { raw throws(ReadError) in
          try file.read(into: raw)
        }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
        if bytes.count > 16 << 20 {
          throw PolicyError.unreadable(path: path, reason: "larger than 16 MB")
        }
      }
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
      guard let text = String(validating: bytes, as: UTF8.self) else {
        throw PolicyError.unreadable(path: path, reason: "not UTF-8")
      }
      return text
    } catch let error as ReadError {
      switch error {
      case .cannotOpen(_, let reason), .ioFailure(_, let reason):
        throw .unreadable(path: path, reason: reason)
      default:
        throw .unreadable(path: path, reason: "\(error)")
      }
    } catch let error as PolicyError {
      throw error
    } catch {
      throw .unreadable(path: path, reason: "\(error)")
    }
  }
}
