/// What reading one input file produced.
struct FileResult {
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
}

/// Runs the row pipeline of CONTRACT §4.1 over one file: buckets, reasons, and the sums
/// of the lines that may be included.
struct FileAuditor {
  let path: String
  let fileIndex: Int
  let profile: Profile
  let header: HeaderNames
  let columns: BoundColumns
  let policy: Policy
  /// The stage forced by --plan / --realization.
  let stageOverride: Stage?
  /// Keep at most this many rejected rows with their details.
  let rejectedLimit: Int

  private static let totalWords = TotalRowDetector.self

  func run<S: RecordSource>(_ source: S, result: inout FileResult) throws(AuditError) {
    let classifier = LineClassifier(columns: columns, header: header, policy: policy)
    let scope = policy.accountScope
    let headerCount = header.count
    let amountIndex = columns.raw(.amount)
    let amountColumn = header.original[amountIndex]
    let isCanonical = profile.stage == nil
    var order = 0
    var lastCode = ""
    var lastOPD = ""
    while true {
      let more: Bool
      do {
        more = try source.next()
      } catch {
        throw .read(error)
      }
      guard more else { break }
      if source.isBlank { continue }
      result.rows += 1
      order += 1
      let line = source.line

      if source.checksFieldCount && source.fieldCount != headerCount {
        reject(
          &result, line: line, column: nil, .raggedRow,
          LocalizedText(
            id: "baris memiliki \(source.fieldCount) kolom, header memiliki \(headerCount)",
            en: "the row has \(source.fieldCount) fields, the header has \(headerCount)"))
        continue
      }

      let (codeText, fromFallback) = opdCodeText(source)
      let isTotal =
        codeText.isEmpty
        ? TotalRowDetector.isTotalRow(
          code: codeText, name: optionalText(source, .opdName),
          description: optionalText(source, .description))
        : TotalRowDetector.beginsWithTotalWord(codeText)
      if isTotal {
        result.reasons[.totalRow, default: 0] += 1
        continue
      }

      let stage: Stage
      if let fixed = profile.stage ?? stageOverride {
        stage = fixed
      } else {
        let index = columns.raw(.stage)
        let word = source.text(index)
        guard let parsed = Stage(word: word) else {
          throw .badStageCell(path: path, line: line, column: header.original[index], value: word)
        }
        stage = parsed
      }
      result.stagesSeen.insert(stage)

      if let reason = statusReason(source) {
        result.reasons[reason, default: 0] += 1
        continue
      }

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
          reject(
            &result, line: line, column: amountColumn, .missingAmount,
            LocalizedText(id: "nilai kosong", en: "the amount is empty"))
          continue
        }
      case .bad:
        let text = source.text(amountIndex)
        reject(
          &result, line: line, column: amountColumn, .badAmount,
          LocalizedText(
            id: "nilai \"\(text)\" tidak dapat dibaca sebagai rupiah",
            en: "the amount \"\(text)\" cannot be read as rupiah"))
        continue
      }

      let opd = resolvedOPD(codeText, fromFallback: fromFallback)
      if opd.isEmpty {
        let column =
          columns[.opdCode].map { header.original[$0] }
          ?? columns[.opdCodeFallback].map { header.original[$0] }
        let message =
          codeText.isEmpty
          ? LocalizedText(id: "kode OPD kosong", en: "the OPD code is empty")
          : LocalizedText(
            id: "kode OPD \"\(codeText)\" bukan kode bertitik",
            en: "the OPD code \"\(codeText)\" is not a dotted code")
        reject(&result, line: line, column: column, .missingOPD, message)
        continue
      }

      var year: Int? = nil
      if let index = columns[.fiscalYear], let value = DateReader.fiscalYear(source.cell(index)) {
        year = value
      } else if isCanonical, let index = columns[.date] {
        let text = source.text(index)
        if !text.isEmpty {
          guard let day = DateReader.parse(text) else {
            reject(
              &result, line: line, column: header.original[index], .badDate,
              LocalizedText(
                id:
                  "tanggal \"\(text)\" bukan tanggal yang sah (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy atau 12 Maret 2025)",
                en:
                  "the date \"\(text)\" is not a valid date (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy or 12 Maret 2025)"
              ))
            continue
          }
          year = day.year
        }
      }

      if let year { result.yearsSeen.insert(year) }

      if noContractValue {
        result.reasons[.noContractValue, default: 0] += 1
        continue
      }

      if let account = account(source), !scope.contains(account: account) {
        result.reasons[.outOfScopeAccount, default: 0] += 1
        continue
      }

      // A candidate for inclusion: it counts when its year is the reported one.
      result.candidatesByYear[year, default: 0] += 1
      let classification = classifier.classify(source, amount: amount, warnings: &result.warnings)
      let rolled: String
      if opd == lastCode {
        rolled = lastOPD
      } else {
        rolled = OPDCode.rollUp(opd)
        lastCode = opd
        lastOPD = rolled
      }
      result.years[year, default: YearSums()].add(
        opd: rolled, stage: stage, amount: amount, classification,
        name: optionalText(source, .opdName), order: fileIndex << 40 | order)
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

  private func optionalText<S: RecordSource>(_ source: S, _ field: Field) -> String? {
    guard let index = columns[field] else { return nil }
    return source.text(index)
  }

  /// The OPD code cell the profile reads, trimmed (before the dotted-code test), and
  /// whether it came from the fallback column.
  private func opdCodeText<S: RecordSource>(_ source: S) -> (String, Bool) {
    if let index = columns[.opdCode] {
      let text = source.text(index)
      if !text.isEmpty { return (text, false) }
    }
    if let index = columns[.opdCodeFallback] { return (source.text(index), true) }
    return ("", false)
  }

  /// The OPD code of a row, or "" when it has none: SPSE's fallback `kd_satker` counts
  /// only when it holds a dotted code.
  private func resolvedOPD(_ code: String, fromFallback: Bool) -> String {
    guard !code.isEmpty else { return "" }
    if fromFallback && profile.opdRule == .codeOrDottedFallback && !OPDCode.isDotted(code) {
      return ""
    }
    return code
  }

  private func account<S: RecordSource>(_ source: S) -> String? {
    if let index = columns[.account] {
      let text = source.text(index)
      if !text.isEmpty { return text }
    }
    if let index = columns[.mak] {
      let text = source.text(index)
      if !text.isEmpty { return AccountScope.account(fromMAK: text) }
    }
    return nil
  }

  /// The first status reason (in precedence order) of the profile's status rules.
  private func statusReason<S: RecordSource>(_ source: S) -> ReasonCode? {
    var found: ReasonCode? = nil
    func note(_ reason: ReasonCode) {
      if found == nil || reason < (found ?? reason) { found = reason }
    }
    for rule in profile.statusRules {
      switch rule {
      case .deletedWhenTrue(let field):
        guard let index = columns[field] else { continue }
        if FlagWords.read(source.text(index), kind: .generic) == .yes { note(.deleted) }
      case .inactiveWhenFalse(let field):
        guard let index = columns[field] else { continue }
        if FlagWords.read(source.text(index), kind: .generic) == .no { note(.inactive) }
      case .notAnnouncedUnless(let field, let word):
        guard let index = columns[field] else { continue }
        let text = source.text(index)
        if !text.isEmpty && text.lowercased() != word.lowercased() { note(.notAnnounced) }
      case .legacyAnnouncement(let field):
        guard let index = columns[field] else { continue }
        let text = source.text(index).lowercased()
        if text.isEmpty || text == "terumumkan" { continue }
        note(text == "terdelete" ? .deleted : .notAnnounced)
      case .notCompletedUnless(let field, let word):
        guard let index = columns[field] else { continue }
        if source.text(index).lowercased() != word.lowercased() { note(.notCompleted) }
      case .lineStatus(let field):
        guard let index = columns[field] else { continue }
        if let reason = LineStatusWords.reason(source.text(index)) { note(reason) }
      case .swakelolaMethod(let field):
        guard policy.excludeSwakelola, let index = columns[field] else { continue }
        if FlagWords.normalize(source.text(index)).contains("swakelola") { note(.swakelola) }
      }
    }
    return found
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
