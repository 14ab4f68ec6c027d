/// `p3dn profiles`: each export format, its stage and the columns it reads.
public struct ProfilesRenderer: Sendable {
  public let language: Language

  public init(language: Language) { self.language = language }

  public func render(_ profiles: [Profile] = ProfileRegistry.all) -> String {
    let text = Localizer(language)
    var lines: [String] = []
    for profile in profiles {
      lines.append(profile.name)
      lines.append("  " + profile.summary.text(language))
      let stage: String
      switch profile.kind {
      case .budget: stage = text.pick("tidak ada (anggaran, bukan belanja)", "none (a budget, not spending)")
      case .directory, .notSpending:
        stage = text.pick("tidak ada (\(text.use(profile.kind.use)))", "none (\(text.use(profile.kind.use)))")
      default:
        stage =
          profile.stage.map { text.stage($0).lowercased() }
          ?? text.pick("kolom tahap atau --plan/--realization", "tahap column or --plan/--realization")
      }
      lines.append("  " + text.pick("tahap: ", "stage: ") + stage)
      var table = TextTable(alignments: [.left, .left])
      for spec in profile.columns {
        let hasFallback = spec.field == .opdCode && profile.spec(for: .opdCodeFallback) != nil
        let requirement =
          hasFallback
          ? text.pick(" (wajib, atau baris berikut)", " (required, or the next)")
          : spec.required ? text.pick(" (wajib)", " (required)") : ""
        let label = fieldLabel(spec.field, text) + requirement
        table.rows.append([
          TextTable.Cell(text: label), TextTable.Cell(text: spec.names.joined(separator: ", ")),
        ])
      }
      lines.append(contentsOf: table.rendered(styler: PlainStyler(), indent: "    "))
      lines.append("")
    }
    lines.append(
      text.pick(
        "Deteksi: profil pertama dalam urutan di atas yang kolom nilai, kolom OPD dan penandanya ada di header (dalam 50 baris pertama). Nama kolom dicocokkan tanpa membedakan huruf besar, spasi dan garis bawah. Rincian: docs/formats.md.",
        "Detection: the first profile in the order above whose amount column, OPD column and marks the header holds (within the first 50 records). Column names match ignoring case, spaces and underscores. Details: docs/formats.md."
      ))
    lines.append("")
    lines.append(
      text.pick(
        "Bukan masukan audit: --vendors FILE (daftar penyedia: NPWP/kode/nama dengan skala usaha, koperasi, kab/kota; juga ISB 1023) dan --map FILE (pemetaan kolom TOML untuk lembar kerja lain, dicoba sebelum profil di atas).",
        "Not audit inputs: --vendors FILE (a vendor list: NPWP/code/name with business scale, koperasi, kab/kota; also ISB 1023) and --map FILE (a TOML column mapping for any other sheet, tried before the profiles above)."
      ))
    return lines.joined(separator: "\n") + "\n"
  }

  private func fieldLabel(_ field: Field, _ text: Localizer) -> String {
    switch field {
    case .opdCode: return text.pick("kode OPD", "OPD code")
    case .opdCodeFallback: return text.pick("kode OPD (cadangan)", "OPD code (fallback)")
    case .opdName: return text.pick("nama OPD", "OPD name")
    case .stage: return text.pick("tahap", "stage")
    case .fiscalYear: return text.pick("tahun anggaran", "fiscal year")
    case .date: return text.pick("tanggal", "date")
    case .lineID: return "id"
    case .rupCode: return text.pick("kode RUP", "RUP code")
    case .description: return text.pick("uraian", "description")
    case .account: return text.pick("kode rekening", "account code")
    case .mak: return "MAK"
    case .vendor: return text.pick("penyedia", "vendor")
    case .vendorNPWP: return text.pick("NPWP penyedia", "vendor NPWP")
    case .vendorRegion: return text.pick("kab/kota penyedia", "vendor kab/kota")
    case .vendorCode: return text.pick("kode penyedia", "vendor code")
    case .vendorCodeFallback: return text.pick("kode penyedia (cadangan)", "vendor code (fallback)")
    case .amount: return text.pick("nilai", "amount")
    case .reduction: return text.pick("pengurang (setoran)", "reduction (refund)")
    case .pdnFlag: return text.pick("tanda PDN", "PDN flag")
    case .umkFlag: return text.pick("tanda UMK", "UMK flag")
    case .koperasiFlag: return text.pick("tanda koperasi", "koperasi flag")
    case .localFlag: return text.pick("tanda lokal", "local flag")
    case .pdnValue: return text.pick("nilai PDN", "PDN value")
    case .umkValue: return text.pick("nilai UMK-K", "UMK-K value")
    case .tkdn: return "TKDN %"
    case .bmp: return "BMP %"
    case .deletedStatus: return text.pick("status hapus", "deleted status")
    case .activeStatus: return text.pick("status aktif", "active status")
    case .announcedStatus: return text.pick("status umumkan", "announcement status")
    case .legacyAnnouncedStatus: return text.pick("status umumkan (lama)", "announcement status (legacy)")
    case .completionStatus: return text.pick("status paket", "package status")
    case .lineStatus:
      return text.pick("status baris (batal/belum selesai)", "line status (cancelled/unfinished)")
    case .procurementMethod: return text.pick("cara pengadaan (swakelola)", "procurement method (swakelola)")
    case .cancellationStatus: return text.pick("status (batal/gagal)", "status (cancelled/failed)")
    case .secondaryStatus: return text.pick("status paket (kedua)", "package status (second)")
    }
  }
}
