extension Profile {
  /// `spse-ekontrak`: SPSE e-kontrak contracts of tenders and non-tenders (INAPROC
  /// `tender/tender-ekontrak-kontrak`, `tender/non-tender-ekontrak-kontrak`): one row per
  /// contract version (`versi_addendum` 0, 1, 2…). Only a package's highest version counts;
  /// earlier versions are `superseded`. A row with no contract value (a tender with no
  /// contract yet) is `no-contract-value`; `Pemutusan Kontrak` is `cancelled`.
  public static let spseEkontrak = Profile(
    name: "spse-ekontrak",
    summary: LocalizedText(
      id: "Kontrak e-kontrak SPSE (tender dan non-tender), versi addendum tertinggi; tahap realisasi.",
      en: "SPSE e-kontrak contracts (tender and non-tender), highest addendum version; stage realization."),
    stage: .realization,
    columns: ColumnSpec.isbSatker + [
      ColumnSpec(.date, ["tgl_kontrak"]),
      ColumnSpec(.lineID, ["kontrak_id", "no_kontrak"]),
    ] + ColumnSpec.spseContract + [
      ColumnSpec(.completionStatus, ["status_kontrak"])
    ],
    statusRules: [.closed(.completionStatus, StatusLists.contract)],
    opdRule: .codeOrKnownFallback(.sirup),
    zeroAmountIsNoContractValue: true,
    datasets: [
      DatasetRule(
        "tender/tender-ekontrak-kontrak", marker: "kd_tender", key: "kd_tender", space: "tender", rank: 1),
      DatasetRule(
        "tender/non-tender-ekontrak-kontrak", marker: "kd_nontender", key: "kd_nontender", space: "nontender",
        rank: 1),
    ],
    versionColumn: "versi_addendum",
    recognizes: { header in header.contains("nilai_kontrak") && header.contains("versi_addendum") }
  )
}
