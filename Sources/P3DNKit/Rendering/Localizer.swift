/// One warning about an input file, ready to print.
public struct WarningItem: Equatable, Sendable {
  public let code: String
  public let column: String?
  public let value: String?
  public let count: Int
  public let message: String

  var json: JSONValue {
    var members: [(String, JSONValue)] = [("code", .string(code))]
    if let column { members.append(("column", .string(column))) }
    if let value { members.append(("value", .string(value))) }
    members.append(("count", .int(count)))
    members.append(("message", .string(message)))
    return .object(members)
  }
}

/// Human-facing text in Indonesian (default) or English.
public struct Localizer: Sendable {
  public let language: Language

  public init(_ language: Language) { self.language = language }

  func pick(_ id: String, _ en: String) -> String { language == .en ? en : id }

  public var denominator: String { denominator(.rup) }

  public func denominator(_ basis: Denominator) -> String {
    switch basis {
    case .rup:
      return pick(
        "Penyebut: jumlah nilai baris yang disertakan pada tahap itu (pagu RUP untuk rencana, nilai kontrak/realisasi untuk realisasi).",
        "Denominator: the sum of the included lines of that stage (RUP pagu for plan, contract/realized value for realization)."
      )
    case .budget:
      return pick(
        "Penyebut: belanja pengadaan OPD dari struktur anggaran (--denominator budget); OPD tanpa struktur anggaran memakai jumlah nilai baris.",
        "Denominator: the OPD's procurement budget from the budget structure (--denominator budget); an OPD without one uses the sum of its lines."
      )
    }
  }

  public func stage(_ stage: Stage) -> String {
    switch stage {
    case .plan: return pick("Rencana", "Plan")
    case .realization: return pick("Realisasi", "Realization")
    }
  }

  public func metric(_ metric: Metric) -> String {
    switch metric {
    case .pdn: return "PDN"
    case .umkk: return "UMK-K"
    case .local: return pick("Lokal", "Local")
    }
  }

  public func status(_ status: CheckStatus) -> String {
    switch status {
    case .pass: return pick("LULUS", "PASS")
    case .fail: return pick("GAGAL", "FAIL")
    case .undetermined: return pick("BELUM PASTI", "UNDETERMINED")
    case .noData: return pick("TANPA DATA", "NO DATA")
    case .info: return "INFO"
    }
  }

  public func severity(_ severity: Severity) -> String {
    switch severity {
    case .mandatory: return pick("wajib", "mandatory")
    case .target: return pick("target", "target")
    case .info: return pick("informasi", "information")
    }
  }

  /// The code and name cells of the report's total row: the district and its region, or
  /// the inputs when they cover one OPD (their total is not the district's).
  func totalLabel(_ scope: TotalScope, region: String) -> (code: String, name: String) {
    switch scope {
    case .district:
      return (pick("KABUPATEN", "DISTRICT"), region)
    case .inputs(let opds):
      return (
        pick("SEMUA MASUKAN (\(opds) OPD)", "ALL INPUTS (\(opds) \(opds == 1 ? "OPD" : "OPDs"))"),
        pick("bukan total kabupaten", "not the district's total")
      )
    case .otherRegion(let klpd):
      // The data's KLPDs; the policy's region is named in the report's heading.
      return (pick("LUAR WILAYAH KEBIJAKAN", "OUTSIDE POLICY REGION"), klpd.joined(separator: ", "))
    }
  }

  /// The lines under the share tables that explain what they show beyond two decimals.
  func shareLegend(_ legend: ShareColumns.Legend) -> [String] {
    var lines: [String] = []
    if legend.unknown {
      lines.append(
        pick(
          "?12,30: pangsa yang PDN, UMK-K atau lokalnya tidak diketahui, dari penyebut yang sama (tidak dihitung dalam pangsa di kirinya); tidak ditulis bila nol.",
          "?12.30: the share whose PDN, UMK-K or local status is unknown, of the same denominator (not counted in the share to its left); not written when zero."
        ))
    }
    if legend.exact {
      lines.append(
        pick(
          "39,9996 (bukan 40,00): desimal tambahan (hingga enam) bila dua desimal akan menampakkan pangsa di sisi lain minimum aturan; <40,00: di bawah minimum, lebih dekat dari yang dapat ditunjukkan enam desimal.",
          "39.9996 (not 40.00): more decimals (up to six) where two would show the share on the other side of a rule's minimum; <40.00: below the minimum by less than six decimals can show."
        ))
    }
    return lines
  }

  /// What a file is for the audit, as people read it.
  public func use(_ use: FileUse) -> String {
    switch use {
    case .spending: return pick("belanja", "spending")
    case .budget: return pick("anggaran", "budget")
    case .directory: return pick("direktori satker", "satker directory")
    case .notSpending: return pick("bukan belanja", "not spending")
    }
  }

  public func reason(_ code: ReasonCode) -> String {
    switch code {
    case .notSpending: return pick("bukan belanja", "not spending")
    case .superseded: return pick("digantikan data lebih baru", "superseded by newer data")
    case .raggedRow: return pick("jumlah kolom salah", "wrong number of fields")
    case .totalRow: return pick("baris jumlah/total", "total row")
    case .deleted: return pick("dihapus", "deleted")
    case .inactive: return pick("tidak aktif", "inactive")
    case .notAnnounced: return pick("belum diumumkan", "not announced")
    case .cancelled: return pick("dibatalkan", "cancelled")
    case .notCompleted: return pick("belum selesai", "not completed")
    case .unknownStatus: return pick("status tidak dikenal", "unknown status")
    case .swakelola: return "swakelola"
    case .badAmount: return pick("nilai tidak terbaca", "unreadable amount")
    case .missingAmount: return pick("nilai kosong", "missing amount")
    case .missingOPD: return pick("kode OPD kosong", "missing OPD code")
    case .badDate: return pick("tanggal tidak sah", "invalid date")
    case .noContractValue: return pick("tanpa nilai kontrak", "no contract value")
    case .outOfScopeAccount: return pick("rekening di luar cakupan", "account out of scope")
    case .duplicate:
      return pick("sudah dihitung (salinan)", "already counted (a copy)")
    case .otherYear: return pick("tahun anggaran lain", "another fiscal year")
    }
  }

  /// What decided a metric of a line, as people read it.
  func source(_ source: ClassificationSource) -> String {
    switch source {
    case .valueColumn: return pick("kolom nilai", "value column")
    case .flag: return pick("tanda", "flag")
    case .tkdn: return "TKDN + BMP"
    case .cooperativeName: return pick("nama koperasi", "cooperative name")
    case .vendorRegion: return pick("kab/kota penyedia", "vendor kab/kota")
    case .vendorListNPWP: return pick("daftar penyedia (NPWP)", "vendor list (NPWP)")
    case .vendorListCode: return pick("daftar penyedia (kode)", "vendor list (code)")
    case .vendorListName: return pick("daftar penyedia (nama)", "vendor list (name)")
    case .unknown: return pick("tidak diketahui", "unknown")
    }
  }

  /// `1 line`, `2 lines` (English); Indonesian has no plural.
  func lines(_ count: Int) -> String { count == 1 ? "1 line" : "\(count) lines" }

  /// Every warning of one input: what the audit set aside of it (CONTRACT §7), then what
  /// reading it found.
  public func inputWarnings(_ input: InputReport) -> [WarningItem] {
    var items: [WarningItem] = []
    if let original = input.sameAs {
      items.append(
        WarningItem(
          code: "same-as", column: nil, value: original, count: 1,
          message: pick(
            "salinan identik dari \(original) (SHA-256 sama): dibaca sekali, sebagai berkas itu",
            "an identical copy of \(original) (same SHA-256): read once, as that file")))
    }
    if let newer = input.supersededBy {
      let amount = input.setAside.first { $0.0 == .superseded }?.1 ?? .zero
      items.append(
        WarningItem(
          code: "superseded", column: nil, value: newer, count: input.rows,
          message: pick(
            "tarikan lama dari dataset, cakupan dan tahun yang sama (per \(input.asOf ?? "-")); yang dihitung: \(newer); disisihkan \(amount.rupiahString)",
            "an older pull of the same dataset, scope and year (as of \(input.asOf ?? "-")); counted instead: \(newer); set aside \(amount.rupiahString)"
          )))
    } else if let amount = input.setAside.first(where: { $0.0 == .superseded })?.1 {
      let count = input.excludedByReason.first { $0.0 == .superseded }?.1 ?? 0
      items.append(
        WarningItem(
          code: "earlier-contract-version", column: nil, value: nil, count: count,
          message: pick(
            "\(count) baris versi kontrak yang lebih awal (versi addendum tertinggi yang dihitung): disisihkan \(amount.rupiahString)",
            "\(lines(count)) of earlier contract versions (the highest addendum version counts): set aside \(amount.rupiahString)"
          )))
    }
    // Copies within the file (the packages another input counts have their own warning).
    let copies = input.warnings.copiesWithin
    if copies.rows > 0 {
      let (count, amount) = (copies.rows, copies.amount)
      items.append(
        WarningItem(
          code: "duplicate-rows", column: nil, value: nil, count: count,
          message: pick(
            "\(count) baris sudah dihitung (baris identik, atau pembayaran yang sama di kode RUP lain): disisihkan \(amount.rupiahString)",
            "\(lines(count)) already counted (identical rows, or the same payment under another RUP code): set aside \(amount.rupiahString)"
          )))
    }
    return items + warnings(input.warnings)
  }

  /// The warnings of one input file, in a stable order.
  public func warnings(_ warnings: FileWarnings) -> [WarningItem] {
    var items: [WarningItem] = []
    for column in warnings.unknownStatuses.keys.sorted() {
      guard let words = warnings.unknownStatuses[column] else { continue }
      for word in words.keys.sorted() {
        let count = words[word] ?? FileWarnings.WordCount()
        items.append(
          WarningItem(
            code: "unknown-status", column: column, value: word, count: count.rows,
            message: pick(
              "kolom \(column): status \"\(word)\" tidak ada dalam daftar status dataset (\(count.rows) baris, \(count.amount.rupiahString)); dikecualikan sebagai unknown-status; tetapkan artinya dengan --map [status]",
              "column \(column): status \"\(word)\" is not in the dataset's list of statuses (\(lines(count.rows)), \(count.amount.rupiahString)); excluded as unknown-status; give its meaning with a --map [status] table"
            )))
      }
    }
    if warnings.unknownOPDIDs > 0 {
      let count = warnings.unknownOPDIDs
      let examples =
        warnings.unknownOPDIDExamples.prefix(3).joined(separator: ", ")
        + (warnings.unknownOPDIDExamples.count > 3 ? ", …" : "")
      items.append(
        WarningItem(
          code: "unknown-opd-id", column: nil, value: examples, count: count,
          message: pick(
            "\(count) baris memakai id satker (\(examples)) yang tidak dikenal direktori satker mana pun di masukan: ditolak sebagai missing-opd; tambahkan direktori satker (master-satker, instansi-satker) ke folder",
            "\(lines(count)) \(count == 1 ? "carries a satker id" : "carry satker ids") (\(examples)) that no satker directory among the inputs knows: rejected as missing-opd; add the satker directory (master-satker, instansi-satker) to the folder"
          )))
    }
    if let given = warnings.ignoredStageFlag {
      let flag = given == .plan ? "--plan" : "--realization"
      items.append(
        WarningItem(
          code: "stage-flag-ignored", column: nil, value: flag, count: 1,
          message: pick(
            "berkas diberikan dengan \(flag), tetapi tahapnya ditentukan profilnya; \(flag) diabaikan",
            "the file is given with \(flag), but its profile decides its stage; \(flag) is ignored")))
    }
    for winner in warnings.countedElsewhere.keys.sorted() {
      guard let counted = warnings.countedElsewhere[winner] else { continue }
      items.append(
        WarningItem(
          code: "counted-elsewhere", column: nil, value: winner, count: counted.rows,
          message: pick(
            "\(counted.rows) paket juga ada di \(winner), yang menghitungnya: baris paket itu di sini disisihkan sebagai duplicate (\(counted.amount.rupiahString))",
            "\(counted.rows == 1 ? "1 package is" : "\(counted.rows) packages are") also in \(winner), which counts \(counted.rows == 1 ? "it" : "them"): \(counted.rows == 1 ? "its" : "their") rows here are set aside as duplicate (\(counted.amount.rupiahString))"
          )))
    }
    if warnings.roundedAmounts > 0 {
      items.append(
        WarningItem(
          code: "rounded-amount", column: nil, value: nil, count: warnings.roundedAmounts,
          message: pick(
            "\(warnings.roundedAmounts) nilai memiliki lebih dari 2 desimal dan dibulatkan ke sen",
            "\(warnings.roundedAmounts) amounts had more than 2 decimals and were rounded to the sen")))
    }
    for metric in Metric.allCases {
      if let count = warnings.clampedValues[metric] {
        items.append(
          WarningItem(
            code: "value-out-of-range", column: metric.rawValue, value: nil, count: count,
            message: pick(
              "\(count) baris: nilai \(self.metric(metric)) di luar 0 sampai nilai baris (mis. di atas nilai), dibatasi",
              "\(lines(count)): the \(self.metric(metric)) value lies outside 0 to the line amount (e.g. above it) and was clamped"
            )))
      }
    }
    for metric in Metric.allCases {
      if let count = warnings.unreadableValues[metric] {
        items.append(
          WarningItem(
            code: "unreadable-value", column: metric.rawValue, value: nil, count: count,
            message: pick(
              "\(count) baris: nilai \(self.metric(metric)) tidak terbaca; \(self.metric(metric)) dianggap tidak diketahui",
              "\(lines(count)): the \(self.metric(metric)) value cannot be read; \(self.metric(metric)) is unknown"
            )))
      }
    }
    if warnings.unreadablePercentages > 0 {
      let count = warnings.unreadablePercentages
      items.append(
        WarningItem(
          code: "unreadable-tkdn", column: nil, value: nil, count: count,
          message: pick(
            "\(count) baris: TKDN atau BMP tidak terbaca; PDN dianggap tidak diketahui",
            "\(lines(count)): TKDN or BMP cannot be read; PDN is unknown")))
    }
    for column in warnings.unrecognizedFlags.keys.sorted() {
      guard let values = warnings.unrecognizedFlags[column] else { continue }
      for value in values.keys.sorted() {
        let count = values[value] ?? 0
        items.append(
          WarningItem(
            code: "unrecognized-flag", column: column, value: value, count: count,
            message: pick(
              "kolom \(column): nilai \"\(value)\" tidak dikenali (\(count) baris); dianggap tidak diketahui",
              "column \(column): value \"\(value)\" is not recognized (\(lines(count))); treated as unknown"))
        )
      }
    }
    return items
  }
}
