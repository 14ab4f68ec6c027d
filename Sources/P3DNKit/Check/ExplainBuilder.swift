/// Builds a ``RowExplanation`` from the row's record (a read, or the ledger), the file it
/// is in, and — from a read — the row as read: the steps before the one that decided are
/// shown as passed, with what they read.
struct ExplainBuilder {
  let report: AuditReport
  let file: Settlement.File
  let row: RowEvidence
  /// The row as read (from a read; nil from the ledger).
  let read: ReadRow?
  let profile: Profile?

  /// A row's fields as read.
  struct ReadRow: Sendable, Equatable {
    let header: [String]
    let cells: [String]
    let raw: String?
  }

  private var record: RowRecord { row.record }

  /// The steps of §4.1 in their order, with the reasons each can give.
  static let pipeline: [(RowExplanation.Step, Set<ReasonCode>)] = [
    (.version, [.superseded]), (.fields, [.raggedRow]), (.total, [.totalRow]), (.stage, []),
    (.status, [.deleted, .inactive, .notAnnounced, .cancelled, .notCompleted, .unknownStatus, .swakelola]),
    (.amount, [.badAmount, .missingAmount]), (.opd, [.missingOPD]), (.date, [.badDate]),
    (.contractValue, [.noContractValue]), (.account, [.outOfScopeAccount]), (.copy, [.duplicate]),
  ]

  /// `path`: the file named, when it is a copy of the file its rows were read in (`readAs`).
  func build(rowsOnLine: Int, readAs: String?, fromLedger: Bool, path: String? = nil) -> RowExplanation {
    let (decisions, reason) = self.decisions()
    let bucket: RowExplanation.Bucket =
      reason == nil ? .included : (reason?.isRejection == true ? .rejected : .excluded)
    return RowExplanation(
      path: path ?? file.path, line: record.line, position: record.position, rowsOnLine: rowsOnLine,
      fromLedger: fromLedger, readAs: readAs, profile: file.profile, dataset: file.dataset, use: file.use,
      stage: record.stage, fiscalYear: report.fiscalYear, raw: read?.raw,
      fields: read.map { read in
        read.cells.enumerated().map { index, value in
          (index < read.header.count ? read.header[index] : "#\(index + 1)", value)
        }
      } ?? storedFields(),
      decisions: decisions, bucket: bucket, reason: reason, opdCode: record.opdCode,
      opdName: report.opds.first { $0.code == record.opdCode }?.name ?? record.opdName,
      amount: record.amount.map(MoneySum.init),
      classification: reason == nil ? classification() : nil)
  }

  /// Every decision up to the one that gave the row its reason (nil: included).
  func decisions() -> ([RowExplanation.Decision], ReasonCode?) {
    var steps: [RowExplanation.Decision] = []
    steps.append(
      .init(
        step: .file, reason: file.use == .notSpending || file.use == .directory ? .notSpending : nil,
        detail: fileDetail()))
    if file.use == .notSpending || file.use == .directory { return (steps, .notSpending) }
    if let newer = file.supersededBy {
      steps.append(
        .init(
          step: .snapshot, reason: .superseded,
          detail: LocalizedText(
            id: "tarikan lebih baru dataset yang sama dihitung: \(newer)",
            en: "a newer pull of the same dataset counts: \(newer)")))
      return (steps, .superseded)
    }
    for (step, reasons) in Self.pipeline {
      if let reason = record.reason, reasons.contains(reason) {
        steps.append(.init(step: step, reason: reason, detail: failed(step, reason)))
        return (steps, reason)
      }
      guard let detail = passed(step) else { continue }
      steps.append(.init(step: step, reason: nil, detail: detail))
    }
    if let reason = record.reason { return (steps, reason) }
    if record.isBudget {
      steps.append(
        .init(
          step: .year, reason: nil,
          detail: LocalizedText(
            id: "baris anggaran (pembagi), bukan belanja", en: "a budget row (a denominator), not spending")))
      return (steps, nil)
    }
    if let year = record.fiscalYear, year != report.fiscalYear {
      steps.append(
        .init(
          step: .year, reason: .otherYear,
          detail: LocalizedText(
            id: "tahun \(year), bukan tahun yang dilaporkan \(report.fiscalYear)",
            en: "year \(year), not the reported year \(report.fiscalYear)")))
      return (steps, .otherYear)
    }
    steps.append(
      .init(
        step: .year, reason: nil,
        detail: record.fiscalYear == nil
          ? LocalizedText(
            id: "tanpa tahun: termasuk tahun yang dilaporkan \(report.fiscalYear)",
            en: "no year: belongs to the reported year \(report.fiscalYear)")
          : LocalizedText(
            id: "tahun \(report.fiscalYear) = tahun yang dilaporkan",
            en: "year \(report.fiscalYear) = the reported year")
      ))
    if let key = record.packageKey {
      if let winner = file.lostPackages[key] {
        steps.append(
          .init(
            step: .package, reason: .duplicate,
            detail: LocalizedText(
              id: "paket \(key) dihitung di \(winner) (satu paket, satu hitungan)",
              en: "package \(key) is counted in \(winner) (one package, one count)")))
        return (steps, .duplicate)
      }
      steps.append(
        .init(
          step: .package, reason: nil,
          detail: LocalizedText(
            id: "paket \(key) dihitung di berkas ini", en: "package \(key) is counted in this file")))
    }
    return (steps, nil)
  }

  private func fileDetail() -> LocalizedText {
    let dataset = file.dataset.map { ", dataset \($0)" } ?? ""
    let use = Localizer(.id).use(file.use)
    let useEN = Localizer(.en).use(file.use)
    return LocalizedText(
      id: "profil \(file.profile)\(dataset); dipakai sebagai \(use)",
      en: "profile \(file.profile)\(dataset); used as \(useEN)")
  }

  /// What a step read on a row it let pass (nil: nothing to say for this row).
  private func passed(_ step: RowExplanation.Step) -> LocalizedText? {
    switch step {
    case .version, .total, .contractValue:
      return nil
    case .fields:
      // From the ledger: a row that was not ragged has the header's number of fields.
      let count = read?.cells.count ?? file.header.count
      return LocalizedText(id: "\(count) kolom, sesuai header", en: "\(count) fields, as the header")
    case .stage:
      guard let stage = record.stage else { return nil }
      return LocalizedText(
        id: Localizer(.id).stage(stage).lowercased(), en: Localizer(.en).stage(stage).lowercased())
    case .status:
      let cells = self.cells(Self.statusFields)
      if cells.isEmpty { return nil }
      return LocalizedText(
        id: cells.joined(separator: ", ") + ": dihitung", en: cells.joined(separator: ", ") + ": counts")
    case .amount:
      guard let amount = record.amount else { return nil }
      let cell = cells([.amount]).first.map { $0 + " → " } ?? ""
      return LocalizedText(id: cell + MoneySum(amount).rupiahString, en: cell + MoneySum(amount).rupiahString)
    case .opd:
      guard let code = record.opdCode else { return nil }
      let cell = cells([.opdCode, .opdCodeFallback]).joined(separator: ", ")
      let name = record.opdName.map { " (\($0))" } ?? ""
      let rolled = read != nil && !cell.contains("\"\(code)\"")
      return LocalizedText(
        id: "\(cell)\(name) → OPD \(code)" + (rolled ? ", dipetakan atau digulung dari sub-unit" : ""),
        en: "\(cell)\(name) → OPD \(code)" + (rolled ? ", mapped or rolled up from a sub-unit" : ""))
    case .date:
      let cell = cells([.fiscalYear, .date]).joined(separator: ", ")
      guard let year = record.fiscalYear else {
        return cell.isEmpty ? nil : LocalizedText(id: "\(cell): tanpa tahun", en: "\(cell): no year")
      }
      return LocalizedText(id: "\(cell) → \(year)", en: "\(cell) → \(year)")
    case .account:
      // An empty cell is no account; from the ledger, the account it keeps.
      let cell = read == nil ? row.account : cells([.account, .mak]).first { !$0.hasSuffix("=\"\"") }
      guard let cell else {
        return LocalizedText(id: "tanpa kode rekening: dalam cakupan", en: "no account: in scope")
      }
      return LocalizedText(id: "\(cell): dalam cakupan", en: "\(cell): in scope")
    case .copy:
      return LocalizedText(id: "tidak mengulang baris sebelumnya", en: "repeats no earlier row")
    case .year, .package, .file, .snapshot:
      return nil
    }
  }

  /// What a step read on the row it excluded or rejected.
  private func failed(_ step: RowExplanation.Step, _ reason: ReasonCode) -> LocalizedText {
    if let message = record.message {
      guard let column = record.column else { return message }
      return LocalizedText(id: "kolom \(column): " + message.id, en: "column \(column): " + message.en)
    }
    let id = Localizer(.id).reason(reason)
    let en = Localizer(.en).reason(reason)
    let read: [String]
    switch step {
    case .status: read = cells(Self.statusFields)
    case .total: read = cells([.opdCode, .opdName, .description])
    case .account: read = cells([.account, .mak])
    case .amount, .contractValue: read = cells([.amount])
    default: read = []
    }
    var extra = read.isEmpty ? "" : " (" + read.joined(separator: ", ") + ")"
    if step == .version {
      extra = " (versi_addendum)"
    }
    if step == .copy {
      return LocalizedText(
        id:
          "mengulang baris sebelumnya di berkas ini (setiap sel sama, atau pembayaran yang sama di bawah kode RUP lain)",
        en:
          "repeats an earlier row of this file (every cell the same, or the same payment under another RUP code)"
      )
    }
    return LocalizedText(id: id + extra, en: en + extra)
  }

  static let statusFields: [Field] = [
    .deletedStatus, .activeStatus, .announcedStatus, .legacyAnnouncedStatus, .completionStatus, .lineStatus,
    .procurementMethod, .cancellationStatus, .secondaryStatus,
  ]

  /// `column=cell` for each of the fields the file has, from the row as read; from the
  /// ledger (which keeps no row text, and the header's names only as compared), the
  /// column's name as the profile writes it.
  private func cells(_ fields: [Field]) -> [String] {
    guard let profile else { return [] }
    guard let read else {
      let bound = BoundColumns(profile: profile, header: HeaderNames(file.header))
      return fields.compactMap { field in
        guard let index = bound[field], index < file.header.count else { return nil }
        let name = HeaderNames.normalize(file.header[index])
        return profile.spec(for: field)?.names.first { HeaderNames.normalize($0) == name }
          ?? file.header[index]
      }
    }
    let bound = BoundColumns(profile: profile, header: HeaderNames(read.header))
    return fields.compactMap { field in
      guard let index = bound[field], index < read.cells.count else { return nil }
      return "\(read.header[index])=\"\(read.cells[index])\""
    }
  }

  /// The fields the ledger keeps of a row.
  private func storedFields() -> [(name: String, value: String)] {
    let stored: [(String, String?)] = [
      ("opd_code", record.opdCode), ("opd_name", record.opdName), ("stage", record.stage?.rawValue),
      ("fiscal_year", record.fiscalYear.map(String.init)), ("amount", record.amount?.decimalString),
      ("line_id", row.lineID), ("description", row.description), ("account", row.account),
      ("vendor", row.vendor), ("vendor_npwp", row.vendorNPWP), ("vendor_code", row.vendorCode),
      ("vendor_region", row.vendorRegion),
      ("rup_codes", record.rupCodes.isEmpty ? nil : record.rupCodes.joined(separator: ";")),
      ("package_key", record.packageKey), ("date", record.date),
    ]
    return stored.compactMap { name, value in value.map { (name, $0) } }
  }

  /// For each metric: yes/no/unknown, the source that decided it, and what it read.
  private func classification() -> [Metric: RowExplanation.MetricDecision]? {
    guard let classification = record.classification, let amount = record.amount else { return nil }
    var decisions: [Metric: RowExplanation.MetricDecision] = [:]
    for metric in Metric.allCases {
      let known = classification[metric]
      let source = classification.source(metric)
      let value = known == nil ? "unknown" : (known?.sen == 0 && amount.sen != 0 ? "no" : "yes")
      decisions[metric] = RowExplanation.MetricDecision(
        value: value, amount: known.map(MoneySum.init), decidedBy: source.code,
        evidence: evidence(metric, source: source))
    }
    return decisions
  }

  /// What a metric's source read: its columns and cells, or the vendor list's key.
  private func evidence(_ metric: Metric, source: ClassificationSource) -> [String] {
    let fields: [Field]
    switch source {
    case .valueColumn: fields = metric == .pdn ? [.pdnValue] : [.umkValue]
    case .flag:
      fields = metric == .pdn ? [.pdnFlag] : (metric == .umkk ? [.umkFlag, .koperasiFlag] : [.localFlag])
    case .tkdn: fields = [.tkdn, .bmp]
    case .cooperativeName: fields = [.vendor]
    case .vendorRegion: fields = [.vendorRegion]
    case .vendorListNPWP: return ["NPWP " + (row.vendorNPWP ?? "")]
    case .vendorListCode: return ["kode " + (row.vendorCode ?? "")]
    case .vendorListName: return [row.vendor ?? ""]
    case .unknown: fields = MissingFields.fields[metric] ?? []
    }
    // From the ledger: the source's columns, with the cells the ledger keeps.
    let kept = source == .cooperativeName ? row.vendor : (source == .vendorRegion ? row.vendorRegion : nil)
    if read == nil, let kept {
      return cells(fields).map { "\($0)=\"\(kept)\"" }
    }
    return cells(fields)
  }
}
