/// `--map FILE`: a profile written in TOML for a one-off sheet, so that it needs no code
/// change. It is tried before the built-in profiles.
///
/// ```toml
/// name = "rekap-dinkes"          # the profile's name in the report (default "map")
/// stage = "realization"          # plan | realization; else a stage column or --plan/--realization
/// [columns]                      # field = "header" or ["header", "alternative", …]
/// opd_code = "Kode Unit"         # required
/// amount = "Jumlah (Rp)"         # required
/// umk = "Skala Usaha"
/// [words]                        # words added to the yes- and no-words of every flag
/// yes = ["Ada"]
/// no = ["Luar Daerah"]
/// [status]                       # words of the `status` column, beside the built-in list
/// counts = ["Terkirim"]
/// cancelled = ["CANCELLED_ON_REVIEW"]
/// not_completed = ["Menunggu"]
/// ```
public enum MappingLoader {
  /// The `[columns]` keys and the field each names.
  public static let fieldKeys: [(key: String, field: Field)] = [
    ("opd_code", .opdCode), ("opd_code_fallback", .opdCodeFallback), ("opd_name", .opdName),
    ("stage", .stage), ("fiscal_year", .fiscalYear), ("date", .date), ("id", .lineID),
    ("rup_code", .rupCode), ("description", .description), ("account", .account), ("mak", .mak),
    ("vendor", .vendor), ("vendor_npwp", .vendorNPWP), ("vendor_code", .vendorCode),
    ("vendor_region", .vendorRegion), ("amount", .amount), ("reduction", .reduction),
    ("pdn", .pdnFlag), ("umk", .umkFlag), ("koperasi", .koperasiFlag), ("local", .localFlag),
    ("pdn_value", .pdnValue), ("umk_value", .umkValue), ("tkdn", .tkdn), ("bmp", .bmp),
    ("status", .lineStatus), ("procurement_method", .procurementMethod),
  ]

  public static func load(contentsOf path: String) throws(PolicyError) -> Profile {
    try load(text: try PolicyLoader.text(of: path), path: path)
  }

  public static func load(text: String, path: String) throws(PolicyError) -> Profile {
    let table = try PolicyLoader.table(text: text, path: path)
    let reader = TableReader(table: table, path: path, prefix: "")
    try reader.allowOnly(["name", "stage", "zero_is_no_value", "columns", "words", "status"])
    let name = try reader.optionalString("name") ?? "map"
    var stage: Stage? = nil
    if let word = try reader.optionalString("stage") {
      guard let parsed = Stage(word: word) else {
        throw .badValue(
          path: path, key: "stage",
          expected: LocalizedText(id: "\"plan\" atau \"realization\"", en: "\"plan\" or \"realization\""))
      }
      stage = parsed
    }
    let zeroIsNoValue = try reader.optionalBool("zero_is_no_value") ?? false
    guard let columnTable = try reader.optionalTable("columns") else {
      throw .missingKey(path: path, key: "columns")
    }
    try columnTable.allowOnly(Set(fieldKeys.map(\.key)))
    var columns: [ColumnSpec] = []
    for (key, field) in fieldKeys {
      let names: [String]
      if columnTable.table[key]?.string != nil {
        names = [try columnTable.string(key)]
      } else {
        names = try columnTable.optionalStrings(key) ?? []
      }
      if names.isEmpty { continue }
      columns.append(ColumnSpec(field, names, required: field == .opdCode || field == .amount))
    }
    for (key, field) in [("opd_code", Field.opdCode), ("amount", .amount)]
    where !columns.contains(where: { $0.field == field }) {
      throw .missingKey(path: path, key: "columns." + key)
    }
    var words = ExtraFlagWords()
    if let wordTable = try reader.optionalTable("words") {
      try wordTable.allowOnly(["yes", "no"])
      words = ExtraFlagWords(
        yes: try wordTable.optionalStrings("yes") ?? [], no: try wordTable.optionalStrings("no") ?? [])
    }
    var statusWords = StatusLists.handMadeLine
    if let statusTable = try reader.optionalTable("status") {
      let keys: [(String, StatusOutcome)] = [
        ("counts", .counts), ("cancelled", .excluded(.cancelled)),
        ("not_completed", .excluded(.notCompleted)),
        ("deleted", .excluded(.deleted)), ("inactive", .excluded(.inactive)),
        ("not_announced", .excluded(.notAnnounced)),
      ]
      try statusTable.allowOnly(Set(keys.map(\.0)))
      var added: [String: StatusOutcome] = [:]
      for (key, outcome) in keys {
        for word in try statusTable.optionalStrings(key) ?? [] { added[FlagWords.normalize(word)] = outcome }
      }
      statusWords = statusWords.adding(added)
    }
    var statusRules: [StatusRule] = []
    if columns.contains(where: { $0.field == .lineStatus }) {
      statusRules.append(.closed(.lineStatus, statusWords))
    }
    if columns.contains(where: { $0.field == .procurementMethod }) {
      statusRules.append(.swakelolaMethod(.procurementMethod))
    }
    return Profile(
      name: name,
      summary: LocalizedText(id: "Pemetaan kolom dari \(path).", en: "Column mapping from \(path)."),
      stage: stage, columns: columns, statusRules: statusRules, opdRule: .codeOrFallback,
      zeroAmountIsNoContractValue: zeroIsNoValue, yearFromDate: true, extraWords: words,
      recognizes: { _ in true })
  }
}
