/// The sentences of a `check` report, in Indonesian or English, shared by its table and
/// markdown forms.
struct CheckText {
  let language: Language
  let text: Localizer
  let format: NumberFormat

  init(language: Language) {
    self.language = language
    text = Localizer(language)
    format = NumberFormat(language: language)
  }

  func pick(_ id: String, _ en: String) -> String { language == .en ? en : id }

  func title(_ report: CheckReport) -> String {
    pick("Periksa OPD", "OPD check") + ": \(report.opd.code) \(report.opd.name)"
  }

  func subtitle(_ report: CheckReport) -> String {
    let policy = report.audit.policy
    return pick(
      "Tahun anggaran \(report.audit.fiscalYear), kebijakan \(policy.id) (\(policy.regionName))",
      "Fiscal year \(report.audit.fiscalYear), policy \(policy.id) (\(policy.regionName))")
  }

  /// `RENCANA: 8 baris, Rp 602.630.500`.
  func stageHeading(_ stage: StageCheck) -> String {
    let name = text.stage(stage.stage).uppercased()
    guard let figures = stage.figures else {
      return name + ": " + pick("tidak ada baris yang disertakan", "no included line")
    }
    return "\(name): \(lines(figures.lines)), \(format.rupiah(figures.total))"
  }

  /// `PDN 100,00%  UMK-K 28,04%  Lokal 0,00% (tidak diketahui 100,00%)`.
  func shares(_ figures: StageFigures) -> String {
    Metric.allCases.map { metric in
      let metricFigures = figures[metric]
      return "\(text.metric(metric)) \(format.share(metricFigures.share))%"
        + unknownShare(metricFigures, figures)
    }.joined(separator: "; ")
  }

  /// ` (tidak diketahui 12,50%)`, or nothing when no line leaves it unknown.
  func unknownShare(_ metric: MetricFigures, _ figures: StageFigures) -> String {
    guard metric.unknown.sen != 0 else { return "" }
    let share = Share(amount: metric.unknown, total: figures.denominatorTotal)
    return " (" + pick("tidak diketahui", "unknown") + " \(format.share(share))%)"
  }

  /// `UMK-K ≥ 40% (wajib): GAGAL, 28,04%`.
  func ruleHeading(_ check: CheckResult, figures: StageFigures?) -> String {
    let metric = text.metric(check.metric)
    let threshold = check.rule.minimum.map { " ≥ \(format.percentage($0))%" } ?? ""
    let share = check.share == nil ? "" : ", " + shareText(check, figures: figures) + "%"
    return
      "\(metric)\(threshold) (\(text.severity(check.rule.severity))): \(text.status(check.status))\(share)"
  }

  /// The share, with enough decimals that a failing share never reads as the minimum.
  func shareText(_ check: CheckResult, figures: StageFigures?) -> String {
    guard let figures else { return format.share(check.share) }
    let metric = figures[check.metric]
    return ShareText.text(
      amount: metric.amount, total: figures.denominatorTotal, minimum: check.rule.minimum,
      separator: format.separator)
  }

  /// What the gap means: `Rp 72.493.000 lagi belanja UMK-K mencapai 40%.`
  func gap(_ check: CheckResult, figures: StageFigures?) -> String? {
    guard let gap = check.gap, let minimum = check.rule.minimum else { return nil }
    let metric = text.metric(check.metric)
    let threshold = "\(format.percentage(minimum))%"
    if gap.sen <= 0 {
      return check.status == .pass
        ? nil : pick("Tidak ada kekurangan pada baris yang diketahui.", "Nothing short on the known lines.")
    }
    var sentence = pick(
      "\(format.rupiah(gap)) lagi belanja \(metric) mencapai \(threshold).",
      "\(format.rupiah(gap)) more \(metric) spending reaches \(threshold).")
    if check.status == .undetermined, let unknown = figures?[check.metric].unknown {
      sentence += pick(
        " Baris tanpa keterangan \(metric) (\(format.rupiah(unknown))) menentukan statusnya.",
        " The lines with no \(metric) information (\(format.rupiah(unknown))) decide the status.")
    }
    return sentence
  }

  /// How the closing lines close the gap.
  func closing(_ advice: RuleAdvice) -> String? {
    guard !advice.closingLines.isEmpty else {
      if let gap = advice.check.gap, gap.sen > 0 {
        return pick(
          "Tidak ada baris yang tidak memenuhi untuk dialihkan: kekurangan hanya tertutup oleh belanja baru atau baris yang belum diketahui.",
          "No non-qualifying line to switch: only new spending or the unknown lines can close the gap.")
      }
      return nil
    }
    let vendor = vendorKind(advice.check.metric)
    let count = advice.closingLines.count
    if advice.closesGap {
      return pick(
        "Mengalihkan \(lines(count)) ini ke penyedia \(vendor) menutupnya (\(format.rupiah(advice.closingAmount))):",
        (count == 1 ? "Switching this line" : "Switching these \(count) lines")
          + " to \(vendor) vendors closes it (\(format.rupiah(advice.closingAmount))):")
    }
    return pick(
      "Mengalihkan semua \(lines(count)) yang tidak memenuhi hanya menambah \(format.rupiah(advice.closingAmount)); belum cukup:",
      "Switching all \(lines(count)) non-qualifying lines adds only \(format.rupiah(advice.closingAmount)); not enough:"
    )
  }

  func vendorKind(_ metric: Metric) -> String {
    switch metric {
    case .pdn: return pick("produk dalam negeri", "domestic-product")
    case .umkk: return "UMK-K"
    case .local: return pick("lokal", "local")
    }
  }

  func unknownHeading(_ count: Int) -> String {
    pick(
      "Klasifikasi tidak diketahui: \(lines(count)), terbesar dulu",
      "Classification unknown: \(lines(count)), largest first")
  }

  func nonQualifyingHeading(_ count: Int) -> String {
    pick("Tidak memenuhi: \(lines(count)), terbesar dulu", "Not qualifying: \(lines(count)), largest first")
  }

  func rejectedHeading(_ count: Int) -> String {
    pick("Ditolak: \(lines(count))", "Rejected: \(lines(count))")
  }

  func setAsideHeading(_ count: Int) -> String {
    pick(
      "Disisihkan (satu belanja, satu hitungan): \(lines(count))",
      "Set aside (one spending, one count): \(lines(count))")
  }

  func excluded(_ entries: [(code: ReasonCode, rows: Int, amount: MoneySum)]) -> String {
    pick("Dikecualikan lainnya: ", "Other exclusions: ")
      + entries.map { entry in
        "\(entry.code.rawValue) \(entry.rows)"
          + (entry.amount.sen != 0 ? " (\(format.rupiah(entry.amount)))" : "")
      }.joined(separator: ", ")
  }

  func more(_ count: Int) -> String {
    pick(
      "… dan \(count) lagi (semua ada di --format json; --limit N)",
      "… and \(count) more (all in --format json; --limit N)")
  }

  /// Why a line's metrics are unknown: the columns that were empty or not recognized, the
  /// metrics whose columns the file lacks, and whether a vendor list can tell.
  func missing(_ line: CheckLine, vendorList: Bool) -> String {
    var parts: [String] = []
    let absent = line.metrics.filter { (line.missing[$0] ?? []).isEmpty }
    for metric in line.metrics where !(line.missing[metric] ?? []).isEmpty {
      let columns = (line.missing[metric] ?? []).joined(separator: "/")
      parts.append(
        "\(text.metric(metric)): " + columns + pick(" kosong atau tidak dikenali", " empty or not recognized")
      )
    }
    if !absent.isEmpty {
      let names = absent.map { text.metric($0) }.joined(separator: ", ")
      parts.append(names + ": " + pick("berkas tanpa kolomnya", "the file has no such column"))
    }
    let listed = line.metrics.filter { $0 != .pdn }.map { text.metric($0) }.joined(
      separator: pick(" dan ", " and "))
    if !listed.isEmpty {
      parts.append(
        vendorList
          ? pick("penyedia tidak ada di daftar penyedia", "the vendor is not in the vendor list")
          : pick(
            "daftar penyedia (--vendors) dapat menentukan \(listed)",
            "a vendor list (--vendors) can tell \(listed)"))
    }
    return parts.joined(separator: "; ")
  }

  /// `Tidak diketahui: Rp 65.621.800 (0,38%)`, or nil when nothing is unknown.
  func unknownNote(_ metric: MetricFigures, _ figures: StageFigures) -> String? {
    guard metric.unknown.sen != 0 else { return nil }
    let share = Share(amount: metric.unknown, total: figures.denominatorTotal)
    return pick("Tidak diketahui", "Unknown") + ": \(format.rupiah(metric.unknown)) (\(format.share(share))%)"
  }

  /// The non-qualifying part of each metric of a line.
  func shortfall(_ line: CheckLine) -> String {
    line.metrics.map { metric in
      let part = line.parts[metric] ?? .zero
      let label = text.metric(metric)
      return part == line.amount
        ? pick("bukan \(label)", "not \(label)")
        : pick(
          "\(label) \(format.rupiah(part)) tidak memenuhi", "\(label) \(format.rupiah(part)) not qualifying")
    }.joined(separator: ", ")
  }

  func setAside(_ note: RowNote) -> String {
    var text = note.code.rawValue
    if let other = note.countedBy {
      text +=
        note.code == .superseded
        ? pick(", diganti \(other)", ", superseded by \(other)")
        : pick(", dihitung di \(other)", ", counted in \(other)")
    } else {
      text +=
        note.code == .superseded
        ? pick(", versi kontrak sebelumnya", ", an earlier contract version")
        : pick(", mengulang baris sebelumnya", ", repeats an earlier row")
    }
    return text
  }

  func linksHeading() -> String {
    pick("RENCANA DAN REALISASI (kode RUP)", "PLAN AND REALIZATION (RUP code)")
  }

  func plannedNotRealized(_ count: Int) -> String {
    pick("Paket RUP tanpa realisasi: \(count)", "Planned packages not realized: \(count)")
  }

  func realizedOutsidePlan(_ count: Int) -> String {
    pick("Realisasi di luar RUP: \(lines(count))", "Realization outside the plan: \(lines(count))")
  }

  func realizedWithoutCode(_ total: LineTotal) -> String {
    pick(
      "Realisasi tanpa kode RUP: \(lines(total.lines)) (\(format.rupiah(total.total)))",
      "Realization without a RUP code: \(lines(total.lines)) (\(format.rupiah(total.total)))")
  }

  func setAsideFilesHeading() -> String {
    pick("Berkas yang tidak dihitung", "Files not counted")
  }

  func setAsideFile(_ file: SetAsideFile) -> String {
    switch file.reason {
    case .copy: return pick("salinan \(file.other ?? "")", "a copy of \(file.other ?? "")")
    case .superseded:
      return pick(
        "diganti tarikan yang lebih baru \(file.other ?? "")",
        "superseded by the newer pull \(file.other ?? "")")
    case .directory: return pick("direktori satker", "a satker directory")
    case .notSpending: return pick("bukan data belanja", "not spending data")
    }
  }

  func verdict(_ report: CheckReport) -> String {
    let failed = report.opd.checks.filter { $0.status == .fail && $0.rule.severity == .mandatory }
    let open = report.opd.checks.filter { $0.status == .undetermined && $0.rule.severity == .mandatory }
    if !failed.isEmpty {
      return pick(
        "Kesimpulan: GAGAL pada \(failed.count) pemeriksaan wajib.",
        "Verdict: FAIL on \(checks(failed.count)).")
    }
    if !open.isEmpty {
      return pick(
        "Kesimpulan: BELUM PASTI pada \(open.count) pemeriksaan wajib; lengkapi klasifikasi baris yang tidak diketahui.",
        "Verdict: UNDETERMINED on \(checks(open.count)); complete the unknown lines' classification."
      )
    }
    return pick("Kesimpulan: semua pemeriksaan wajib LULUS.", "Verdict: every mandatory check PASSES.")
  }

  private func checks(_ count: Int) -> String {
    count == 1 ? "1 mandatory check" : "\(count) mandatory checks"
  }

  func lines(_ count: Int) -> String {
    language == .en ? (count == 1 ? "1 line" : "\(count) lines") : "\(count) baris"
  }
}
