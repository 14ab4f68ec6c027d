extension Profile {
  /// `pencatatan-swakelola`: SPSE swakelola records (ISB 1059). Every line is swakelola
  /// (excluded as `swakelola` under the default policy, its amount reported apart); stage
  /// realization.
  public static let pencatatanSwakelola = Profile(
    name: "pencatatan-swakelola",
    summary: LocalizedText(
      id: "Pencatatan swakelola SPSE (ISB 1059); tahap realisasi; dikecualikan sebagai swakelola.",
      en: "SPSE swakelola records (ISB 1059); stage realization; excluded as swakelola."),
    stage: .realization,
    columns: ColumnSpec.isbSatker + [
      ColumnSpec(.lineID, ["kd_swakelola_pct"]),
      ColumnSpec(.rupCode, ["kd_rup"]),
      ColumnSpec(.description, ["nama_paket"]),
      ColumnSpec(.amount, ["total_realisasi"], required: true),
      ColumnSpec(.pdnValue, ["nilai_pdn_pct"]),
      ColumnSpec(.umkValue, ["nilai_umk_pct"]),
      ColumnSpec(.cancellationStatus, ["status_swakelola_pct_ket"]),
    ],
    statusRules: [.closed(.cancellationStatus, StatusLists.recordedPackage)],
    opdRule: .codeOrKnownFallback(.sirup),
    zeroAmountIsNoContractValue: true,
    isSwakelola: true,
    datasets: [DatasetRule("tender/pencatatan-swakelola", key: "kd_swakelola_pct", space: "swakelola-pct")],
    recognizes: { header in header.contains("kd_swakelola_pct") && header.contains("total_realisasi") }
  )

  /// `pencatatan-swakelola-realisasi`: the realization lines of SPSE swakelola records
  /// (ISB 1060). Every line is swakelola; stage realization.
  public static let pencatatanSwakelolaRealisasi = Profile(
    name: "pencatatan-swakelola-realisasi",
    summary: LocalizedText(
      id:
        "Baris realisasi pencatatan swakelola SPSE (ISB 1060); tahap realisasi; dikecualikan sebagai swakelola.",
      en: "Realization lines of SPSE swakelola records (ISB 1060); stage realization; excluded as swakelola."),
    stage: .realization,
    columns: ColumnSpec.isbSatker + [
      ColumnSpec(.date, ["tgl_realisasi"]),
      ColumnSpec(.lineID, ["no_realisasi"]),
      ColumnSpec(.description, ["ket_realisasi"]),
      ColumnSpec(.vendor, ["nama_pelaksana"]),
      ColumnSpec(.vendorNPWP, ["npwp_pelaksana"]),
      ColumnSpec(.amount, ["nilai_realisasi"], required: true),
    ],
    statusRules: [],
    opdRule: .codeOrKnownFallback(.sirup),
    zeroAmountIsNoContractValue: false,
    isSwakelola: true,
    datasets: [
      DatasetRule(
        "tender/pencatatan-swakelola-realisasi", key: "kd_swakelola_pct", space: "swakelola-pct", rank: 1)
    ],
    recognizes: { header in header.contains("kd_swakelola_pct") && header.contains("nilai_realisasi") }
  )
}
