/// The findings of `validate` with their messages: what is wrong, where, and how to fix
/// it, in Indonesian and English.
enum FindingText {
  /// A file that cannot be read at all, with its path; nil for an error that stops the
  /// whole run (a missing file, a bad policy, a usage error).
  static func unreadable(_ error: AuditError) -> (String, Finding)? {
    func file(_ code: FindingCode, _ path: String, line: Int? = nil, _ id: String, _ en: String) -> (
      String, Finding
    ) {
      (
        path,
        Finding(code: code, severity: .error, path: path, line: line, message: LocalizedText(id: id, en: en))
      )
    }
    let reason = LocalizedText(id: withoutPath(error.message(.id)), en: withoutPath(error.message(.en)))
    switch error {
    case .emptyFile(let path), .emptyJSONArray(let path):
      return file(
        .emptyFile, path, "berkas kosong: ekspor ulang data dari sumbernya.",
        "the file is empty: export the data again from its source.")
    case .read(.utf16(let path)):
      return file(.undecodableBytes, path, reason.id, reason.en)
    case .read(.unterminatedQuote(let path, let line)):
      return file(
        .unterminatedQuote, path, line: line,
        "tanda kutip yang dibuka di sini tidak ditutup sampai akhir berkas: tutup kutipnya, atau hapus kutip yang berlebih.",
        "a quote opened here is not closed before the end of the file: close it, or remove the stray quote.")
    case .read(.recordTooLong(let path, let line)):
      return file(.unreadableFile, path, line: line, reason.id, reason.en)
    case .read(.badJSON(let path, let line, _, _)):
      return file(.unreadableFile, path, line: line, reason.id, reason.en)
    case .read(.badXLSX(let path, _)):
      return file(.unreadableFile, path, reason.id, reason.en)
    case .unrecognizedHeader(let path, let first, _) where first.count == 1 && !first[0].isEmpty:
      return file(
        .unknownDelimiter, path,
        "header hanya satu kolom (\"\(first[0].prefix(60))\"): tidak ada pemisah yang dikenali; simpan ulang "
          + "sebagai CSV dengan pemisah koma atau titik koma.",
        "the header is one column (\"\(first[0].prefix(60))\"): no delimiter splits it; save it again as CSV with a "
          + "comma or semicolon delimiter.")
    case .unrecognizedHeader(let path, _, _), .mappedColumnsMissing(let path, _, _, _, _):
      return file(.missingHeader, path, reason.id, reason.en)
    case .missingColumn(let path, _, let line, _):
      return file(.missingHeader, path, line: line, reason.id, reason.en)
    case .unknownFileStage(let path):
      return file(.unknownStage, path, reason.id, reason.en)
    case .badStageCell(let path, let line, _, _):
      return file(.unknownStage, path, line: line, reason.id, reason.en)
    default:
      return nil
    }
  }

  /// An error's message without the path it begins with (a finding names its file).
  static func withoutPath(_ message: String) -> String {
    guard let colon = message.range(of: ": ") else { return message }
    let head = message[..<colon.lowerBound]
    let named =
      head.hasSuffix(".csv") || head.hasSuffix(".json") || head.hasSuffix(".xlsx") || head.contains("/")
    return named && !head.contains(" ") ? String(message[colon.upperBound...]) : message
  }

  /// Rows of several fiscal years across the inputs, without `--year`.
  static func severalYears(_ years: [Int], _ files: [Int: [String]]) -> Finding {
    let list = years.map { year in "\(year) (\((files[year] ?? []).joined(separator: ", ")))" }.joined(
      separator: "; ")
    return Finding(
      code: .mixedFiscalYears, severity: .error, path: nil,
      message: LocalizedText(
        id:
          "data berisi beberapa tahun anggaran: \(list). Pisahkan per tahun, atau pilih satu dengan --year.",
        en: "the data holds several fiscal years: \(list). Keep one year per run, or pick one with --year."))
  }

  /// A rejected row: its reason's message, and how to fix it.
  static func rejected(_ row: RejectedRow) -> LocalizedText {
    let fix: LocalizedText
    switch row.code {
    case .raggedRow:
      fix = LocalizedText(
        id: "periksa pemisah dan tanda kutip baris ini", en: "check this row's delimiters and quotes")
    case .badAmount:
      fix = LocalizedText(
        id: "tulis nilai sebagai 1.234.567,89 atau 1234567.89",
        en: "write the amount as 1.234.567,89 or 1234567.89")
    case .missingAmount:
      fix = LocalizedText(
        id: "isi nilainya, atau hapus barisnya", en: "fill in the amount, or remove the row")
    case .missingOPD:
      fix = LocalizedText(
        id: "isi kode OPD (atau sertakan direktori satker untuk id satker)",
        en: "fill in the OPD code (or add a satker directory for satker ids)")
    case .badDate:
      fix = LocalizedText(id: "tulis tanggal yang sah", en: "write a real date")
    default:
      fix = LocalizedText(id: "", en: "")
    }
    return LocalizedText(
      id: row.message.id + (fix.id.isEmpty ? "" : "; " + fix.id),
      en: row.message.en + (fix.en.isEmpty ? "" : "; " + fix.en))
  }

  /// What one input says of itself beyond its rows: its header, its years, unrecognized
  /// words, and what CONTRACT §7 set aside.
  static func fileFindings(_ input: InputReport) -> [Finding] {
    var found: [Finding] = []
    let path = input.path
    func add(
      _ code: FindingCode, _ severity: FindingSeverity, column: String? = nil, number: Int? = nil,
      _ id: String,
      _ en: String
    ) {
      found.append(
        Finding(
          code: code, severity: severity, path: path, column: column, columnNumber: number,
          message: LocalizedText(id: id, en: en)))
    }
    if let original = input.sameAs {
      add(
        .copy, .warning,
        "salinan \(original) (isi sama persis): dibaca sekali; hapus salinannya dari folder.",
        "a copy of \(original) (the same bytes): read once; remove the copy from the folder.")
      return found
    }
    if let newer = input.supersededBy {
      add(
        .superseded, .warning,
        "tarikan lama: \(newer) dari dataset, cakupan dan tahun yang sama lebih baru dan dihitung; hapus yang lama.",
        "an older pull: \(newer), of the same dataset, scope and year, is newer and counts; remove the older one."
      )
    }
    found += headerFindings(input)
    if input.fiscalYears.count > 1 {
      let years = input.fiscalYears.map(String.init).joined(separator: ", ")
      add(
        .mixedFiscalYears, .warning,
        "berkas berisi beberapa tahun anggaran (\(years)); baris tahun lain dikecualikan sebagai other-year.",
        "the file holds several fiscal years (\(years)); rows of other years are excluded as other-year.")
    }
    found += wordFindings(input)
    found += cellFindings(input)
    found += setAsideFindings(input)
    return found
  }

  /// The first cells of each kind that read but look wrong.
  static func cellFindings(_ input: InputReport) -> [Finding] {
    input.cellFindings.examples.compactMap { example in
      guard let code = FindingCode(rawValue: example.code.rawValue) else { return nil }
      let column = example.column < input.header.count ? input.header[example.column] : nil
      let value = example.value
      let message: LocalizedText
      switch example.code {
      case .negativeAmount:
        message = LocalizedText(
          id:
            "nilai negatif (\(value)): mengurangi total; pastikan ini memang pengembalian, bukan salah tanda.",
          en: "a negative amount (\(value)): it lowers the total; make sure it is a refund, not a wrong sign."
        )
      case .malformedOPDCode:
        message = LocalizedText(
          id:
            "kode OPD \"\(value)\" tidak berbentuk kode bertitik (1.02.0.00.0.00.02.0000) atau id satker; perbaiki kodenya.",
          en:
            "OPD code \"\(value)\" is neither a dotted code (1.02.0.00.0.00.02.0000) nor a satker id; fix the code."
        )
      case .malformedAccount:
        message = LocalizedText(
          id:
            "kode rekening \"\(value)\" bukan angka bertitik (5.1.02.01.01.0024); cakupan dibaca dari awalnya, "
            + "jadi baris dapat dikecualikan sebagai out-of-scope-account; perbaiki kodenya.",
          en:
            "account \"\(value)\" is not dotted digits (5.1.02.01.01.0024); the scope is read from its beginning, "
            + "so the row may be excluded as out-of-scope-account; fix the code.")
      case .malformedNPWP:
        message = LocalizedText(
          id: "NPWP \"\(value)\" tidak 15 atau 16 angka; daftar penyedia tidak dapat mencocokkannya.",
          en: "NPWP \"\(value)\" is not 15 or 16 digits; a vendor list cannot match it.")
      case .mixedDelimiter:
        message = LocalizedText(
          id:
            "baris ini jatuh seluruhnya dalam satu kolom (\"\(value)\"): ditulis dengan pemisah lain; samakan pemisahnya.",
          en:
            "this row falls whole into one field (\"\(value)\"): written with another delimiter; use one delimiter."
        )
      case .totalMismatch:
        let total = value
        let lines = example.lines?.rupiahString ?? "-"
        message = LocalizedText(
          id:
            "baris jumlah menulis \(total), tetapi baris di atasnya (sejak baris jumlah sebelumnya, bila ada) berjumlah "
            + "\(lines), dan semua baris di atasnya juga tidak; periksa baris yang hilang, ganda, atau ditolak "
            + "(baris ditolak tidak ikut dijumlah).",
          en:
            "the total row says \(total), but the lines above it (since the previous total row, if any) sum to "
            + "\(lines), nor do all lines above; look for a missing, repeated or rejected line (rejected rows are "
            + "in no sum).")
      case .malformedRUPCode:
        message = LocalizedText(
          id: "kode RUP \"\(value)\" bukan angka; rencana dan realisasi tidak dapat dihubungkan.",
          en: "RUP code \"\(value)\" is not a number; plan and realization cannot be linked by it.")
      }
      return Finding(
        code: code, severity: code.defaultSeverity, path: input.path, line: example.line, column: column,
        columnNumber: example.column + 1, message: message)
    }
  }

  /// Blank and repeated column names.
  static func headerFindings(_ input: InputReport) -> [Finding] {
    guard input.header.count > 1 || input.header.first?.isEmpty == false else { return [] }
    var found: [Finding] = []
    var seen: Set<String> = []
    for (index, name) in input.header.enumerated() {
      if name.isEmpty {
        found.append(
          Finding(
            code: .blankColumnName, severity: .warning, path: input.path, columnNumber: index + 1,
            message: LocalizedText(
              id: "kolom ke-\(index + 1) tidak bernama; beri nama atau hapus kolomnya.",
              en: "column \(index + 1) has no name; name it or remove it.")))
      } else if !seen.insert(name).inserted {
        found.append(
          Finding(
            code: .duplicateColumnName, severity: .error, path: input.path, column: name,
            columnNumber: index + 1,
            message: LocalizedText(
              id: "nama kolom \(name) muncul dua kali; hanya yang pertama dibaca. Ganti nama salah satunya.",
              en: "the column name \(name) appears twice; only the first is read. Rename one of them.")))
      }
    }
    return found
  }

  /// Status words and flag values not recognized, value cells that do not parse.
  static func wordFindings(_ input: InputReport) -> [Finding] {
    var found: [Finding] = []
    let warnings = input.warnings
    for (column, words) in warnings.unknownStatuses.sorted(by: { $0.key < $1.key }) {
      for (word, count) in words.sorted(by: { $0.key < $1.key }) {
        found.append(
          Finding(
            code: .unknownStatus, severity: .warning, path: input.path, column: column,
            columnNumber: number(column, input),
            message: LocalizedText(
              id:
                "status \"\(word)\" tidak ada dalam daftar dataset ini (\(rows(count.rows).id), \(count.amount.rupiahString)): "
                + "baris itu dikecualikan sebagai unknown-status; perbaiki katanya atau petakan dengan --map [status].",
              en:
                "status \"\(word)\" is not in this dataset's list (\(rows(count.rows).en), \(count.amount.rupiahString)): "
                + "those rows are excluded as unknown-status; fix the word or assign it with --map [status].")
          ))
      }
    }
    for (column, words) in warnings.unrecognizedFlags.sorted(by: { $0.key < $1.key }) {
      for (word, count) in words.sorted(by: { $0.key < $1.key }) {
        found.append(
          Finding(
            code: .unrecognizedFlag, severity: .warning, path: input.path, column: column,
            columnNumber: number(column, input),
            message: LocalizedText(
              id:
                "nilai \"\(word)\" tidak dikenali (\(rows(count).id)): dianggap tidak diketahui; tulis ya atau tidak.",
              en:
                "value \"\(word)\" is not recognized (\(rows(count).en)): taken as unknown; write ya or tidak."
            )))
      }
    }
    let unreadable = warnings.unreadableValues.values.reduce(0, +) + warnings.unreadablePercentages
    if unreadable > 0 {
      found.append(
        Finding(
          code: .unreadableValue, severity: .warning, path: input.path,
          message: LocalizedText(
            id:
              "\(unreadable) sel nilai PDN/UMK-K atau TKDN/BMP tidak terbaca: metriknya tidak diketahui; tulis angkanya.",
            en:
              "\(unreadable) PDN/UMK-K value or TKDN/BMP cells cannot be read: the metric is unknown; write a number."
          )))
    }
    return found
  }

  /// What CONTRACT §7 set aside within the file: rows another file counts, rows repeated.
  static func setAsideFindings(_ input: InputReport) -> [Finding] {
    var found: [Finding] = []
    for (winner, count) in input.warnings.countedElsewhere.sorted(by: { $0.key < $1.key }) {
      found.append(
        Finding(
          code: .countedElsewhere, severity: .warning, path: input.path,
          message: LocalizedText(
            id:
              "\(count.rows) paket juga ada di \(winner), yang menghitungnya: \(count.amount.rupiahString) di sini disisihkan.",
            en:
              "\(count.rows) packages are also in \(winner), which counts them: \(count.amount.rupiahString) here set aside."
          )))
    }
    let copies = input.warnings.copiesWithin
    if copies.rows > 0 {
      found.append(
        Finding(
          code: .duplicateRows, severity: .warning, path: input.path,
          message: LocalizedText(
            id:
              "\(copies.rows) baris mengulang baris sebelumnya (\(copies.amount.rupiahString)): dihitung sekali; hapus ulangannya.",
            en: (copies.rows == 1
              ? "1 row repeats an earlier row" : "\(copies.rows) rows repeat earlier rows")
              + " (\(copies.amount.rupiahString)): counted once; remove the repeats."
          )))
    }
    return found
  }

  /// Realization outside the plan, and OPDs that realize without a plan.
  static func links(_ report: AuditReport) -> [Finding] {
    guard report.stages.contains(.plan) && report.stages.contains(.realization) else { return [] }
    var found: [Finding] = []
    for opd in report.opds {
      if let outside = opd.links?.realizedNotInPlan, outside.lines > 0 {
        found.append(
          Finding(
            code: .realizationNotInPlan, severity: .warning, path: nil,
            message: LocalizedText(
              id:
                "\(opd.code) \(opd.name): \(outside.lines) baris realisasi (\(outside.total.rupiahString)) menyebut kode RUP "
                + "yang tidak ada di rencana mana pun; periksa kode RUP-nya atau tambahkan paketnya ke RUP.",
              en: "\(opd.code) \(opd.name): \(outside.lines) realization "
                + (outside.lines == 1 ? "line" : "lines") + " (\(outside.total.rupiahString)) "
                + (outside.lines == 1 ? "names a RUP code" : "name RUP codes")
                + " no plan holds; check the codes or add the packages to the RUP.")))
      }
      if opd.realization != nil && opd.plan == nil {
        found.append(
          Finding(
            code: .opdNotInPlan, severity: .warning, path: nil,
            message: LocalizedText(
              id:
                "\(opd.code) \(opd.name) punya realisasi tetapi tidak punya rencana di masukan; tambahkan RUP-nya.",
              en: "\(opd.code) \(opd.name) has realization but no plan among the inputs; add its RUP.")))
      }
    }
    return found
  }

  /// A mandatory rule that fails the gate, for a group.
  static func rule(_ check: CheckResult, group: GroupReport) -> Finding {
    let who = group.code.isEmpty ? group.name : "\(group.code) \(group.name)"
    let stageID = Localizer(.id).stage(check.stage).lowercased()
    let stageEN = Localizer(.en).stage(check.stage).lowercased()
    let (shareID, shareEN) = (share(check, group, ","), share(check, group, "."))
    let minimum = check.rule.minimum.map { $0.description + "%" } ?? "-"
    let gap = check.gap.map { $0.rupiahString } ?? "-"
    let failed = check.status == .fail
    return Finding(
      code: failed ? .ruleFailed : .ruleUndetermined, severity: .error, path: nil,
      message: LocalizedText(
        id:
          "\(who), \(stageID): \(check.rule.id) \(failed ? "gagal" : "belum pasti") (\(shareID), minimal \(minimum)); "
          + (failed
            ? "kurang \(gap) belanja yang memenuhi. Dasar: \(check.rule.basis)."
            : "baris tanpa klasifikasi menentukan; lengkapi datanya (kurang \(gap) pada baris yang diketahui)."),
        en:
          "\(who), \(stageEN): \(check.rule.id) \(failed ? "fails" : "is undetermined") (\(shareEN), minimum \(minimum)); "
          + (failed
            ? "\(gap) more qualifying spending is needed. Basis: \(check.rule.basis)."
            : "the unclassified lines decide it; complete them (\(gap) short on the known lines).")),
      rule: check.rule.id)
  }

  /// The share of a check, with the decimals that keep it on its side of the minimum.
  static func share(_ check: CheckResult, _ group: GroupReport, _ separator: Character) -> String {
    guard let figures = group[check.stage] else { return "-" }
    return ShareText.text(
      amount: figures[check.metric].amount, total: figures.denominatorTotal, minimum: check.rule.minimum,
      separator: separator) + "%"
  }

  /// `1 baris` / `1 line`, `2 lines`.
  static func rows(_ count: Int) -> (id: String, en: String) {
    ("\(count) baris", count == 1 ? "1 line" : "\(count) lines")
  }

  private static func number(_ column: String, _ input: InputReport) -> Int? {
    input.header.firstIndex(of: HeaderNames.normalize(column)).map { $0 + 1 }
  }
}
