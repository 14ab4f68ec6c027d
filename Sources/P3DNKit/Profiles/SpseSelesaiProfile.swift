extension ColumnSpec {
  /// The package, vendor and contract value columns that SPSE results and e-kontrak
  /// contracts share.
  static let spseContract = [
    ColumnSpec(.description, ["nama_paket"]),
    ColumnSpec(.vendor, ["nama_penyedia"]),
    ColumnSpec(.vendorNPWP, ["npwp_penyedia", "npwp16_penyedia", "npwp_16_penyedia"]),
    ColumnSpec(.vendorCode, ["kd_penyedia"]),
    ColumnSpec(.amount, ["nilai_kontrak"], required: true),
    ColumnSpec(.pdnValue, ["nilai_pdn_kontrak"]),
    ColumnSpec(.umkValue, ["nilai_umk_kontrak"]),
  ]
}

extension Profile {
  /// `spse-selesai`: SPSE tender and non-tender results (ISB 1015, 1017). Every line is a
  /// realization line; a missing or zero contract value is `no-contract-value`.
  public static let spseSelesai = Profile(
    name: "spse-selesai",
    summary: LocalizedText(
      id: "Hasil tender/non-tender SPSE (ISB 1015, 1017); tahap realisasi.",
      en: "SPSE tender/non-tender results (ISB 1015, 1017); stage realization."),
    stage: .realization,
    columns: ColumnSpec.isbSatker + [
      ColumnSpec(.lineID, ["kd_tender", "kd_nontender"]),
      ColumnSpec(.rupCode, ["kd_rup", "kd_rup_paket"]),
    ] + ColumnSpec.spseContract + [
      ColumnSpec(.account, ["kode_rekening", "kd_rekening"]),
      ColumnSpec(.mak, ["mak"]),
      ColumnSpec(.completionStatus, ["status_nontender"]),
    ],
    statusRules: [.closed(.completionStatus, StatusLists.nonTenderResult)],
    opdRule: .codeOrKnownFallback(.sirup),
    zeroAmountIsNoContractValue: true,
    datasets: [
      DatasetRule("tender/tender-selesai-nilai", marker: "kd_tender", key: "kd_tender", space: "tender"),
      DatasetRule(
        "tender/non-tender-selesai", marker: "kd_nontender", key: "kd_nontender", space: "nontender"),
    ],
    recognizes: { header in header.contains("nilai_kontrak") }
  )
}
