extension Profile {
  /// `pencatatan-nontender`: SPSE non-tender records (ISB 1057), one line per package with
  /// its realized total and the PDN and UMK-K parts of it. Stage realization; a cancelled
  /// package (`Paket Dibatalkan`) is `cancelled`; a package with no realized value yet is
  /// `no-contract-value`.
  public static let pencatatanNonTender = Profile(
    name: "pencatatan-nontender",
    summary: LocalizedText(
      id: "Pencatatan non-tender SPSE (ISB 1057): nilai realisasi per paket; tahap realisasi.",
      en: "SPSE non-tender records (ISB 1057): realized value per package; stage realization."),
    stage: .realization,
    columns: ColumnSpec.isbSatker + [
      ColumnSpec(.lineID, ["kd_nontender_pct"]),
      ColumnSpec(.rupCode, ["kd_rup"]),
      ColumnSpec(.description, ["nama_paket"]),
      ColumnSpec(.amount, ["total_realisasi"], required: true),
      ColumnSpec(.pdnValue, ["nilai_pdn_pct"]),
      ColumnSpec(.umkValue, ["nilai_umk_pct"]),
      ColumnSpec(.account, ["kode_rekening", "kd_rekening"]),
      ColumnSpec(.mak, ["mak"]),
      ColumnSpec(.cancellationStatus, ["status_nontender_pct_ket"]),
    ],
    statusRules: [.closed(.cancellationStatus, StatusLists.recordedPackage)],
    opdRule: .codeOrKnownFallback(.sirup),
    zeroAmountIsNoContractValue: true,
    datasets: [
      DatasetRule("tender/pencatatan-non-tender", key: "kd_nontender_pct", space: "nontender-pct")
    ],
    recognizes: { header in header.contains("kd_nontender_pct") && header.contains("total_realisasi") }
  )

  /// `pencatatan-nontender-realisasi`: the realization lines of SPSE non-tender records
  /// (ISB 1058): one payment (kwitansi, bukti) per line, with its vendor. Stage realization.
  public static let pencatatanNonTenderRealisasi = Profile(
    name: "pencatatan-nontender-realisasi",
    summary: LocalizedText(
      id:
        "Baris realisasi pencatatan non-tender SPSE (ISB 1058): satu pembayaran per baris; tahap realisasi.",
      en: "Realization lines of SPSE non-tender records (ISB 1058): one payment per line; stage realization."),
    stage: .realization,
    columns: ColumnSpec.isbSatker + [
      ColumnSpec(.date, ["tgl_realisasi"]),
      ColumnSpec(.lineID, ["no_realisasi"]),
      ColumnSpec(.rupCode, ["kd_rup_paket", "kd_rup"]),
      ColumnSpec(.description, ["ket_realisasi", "nama_paket"]),
      ColumnSpec(.vendor, ["nama_penyedia"]),
      ColumnSpec(.vendorNPWP, ["npwp_penyedia", "npwp16_penyedia"]),
      ColumnSpec(.vendorCode, ["kd_penyedia"]),
      ColumnSpec(.amount, ["nilai_realisasi"], required: true),
    ],
    statusRules: [],
    opdRule: .codeOrKnownFallback(.sirup),
    zeroAmountIsNoContractValue: false,
    paymentKey: ["kd_nontender_pct", "jenis_realisasi", "no_realisasi", "tgl_realisasi", "nilai_realisasi"],
    datasets: [
      DatasetRule(
        "tender/pencatatan-non-tender-realisasi", key: "kd_nontender_pct", space: "nontender-pct", rank: 1)
    ],
    recognizes: { header in header.contains("kd_nontender_pct") && header.contains("nilai_realisasi") }
  )
}
