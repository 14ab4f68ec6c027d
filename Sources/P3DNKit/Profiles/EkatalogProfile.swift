extension Profile {
  /// Word stems of e-Katalog and Toko Daring statuses that mean the order was not realized
  /// (`CANCELLED`, `Order Cancelled`, `Paket Dibatalkan`, `Paket Batal`, `gagal`, `Ditolak`,
  /// `REJECTED`, `FAILED`, `EXPIRED`, `Kadaluarsa`).
  static let failedOrderWords = [
    "cancel", "batal", "gagal", "tolak", "reject", "fail", "expire", "kadaluarsa", "kedaluwarsa",
  ]

  /// `ekatalog-v6`: e-Katalog version 6 orders (ISB 1213). Stage realization. The export
  /// says nothing of the vendor's size: UMK-K and local come from the vendor list
  /// (`--vendors`, e.g. the e-Katalog vendor detail 1023) by the SIKaP vendor code.
  public static let ekatalogV6 = Profile(
    name: "ekatalog-v6",
    summary: LocalizedText(
      id: "Pesanan e-Katalog versi 6 (ISB 1213); tahap realisasi; UMK-K dari daftar penyedia.",
      en: "e-Katalog version 6 orders (ISB 1213); stage realization; UMK-K from the vendor list."),
    stage: .realization,
    columns: ColumnSpec.isbSatker + [
      ColumnSpec(.lineID, ["kd_paket"]),
      ColumnSpec(.rupCode, ["kd_rup"]),
      ColumnSpec(.description, ["rup_nama_pkt", "nama_paket"]),
      ColumnSpec(.vendorCode, ["kd_penyedia_sikap"]),
      ColumnSpec(.vendorCodeFallback, ["kd_penyedia_v6", "kd_penyedia"]),
      ColumnSpec(.amount, ["total_harga"], required: true),
      ColumnSpec(.mak, ["mak"]),
      ColumnSpec(.cancellationStatus, ["status_pkt"]),
    ],
    statusRules: [.cancelledWhen(.cancellationStatus, failedOrderWords)],
    opdRule: .codeOrDottedFallback,
    zeroAmountIsNoContractValue: false,
    recognizes: { header in
      header.contains("total_harga") && (header.contains("kd_penyedia_v6") || header.contains("status_pkt"))
    }
  )

  /// `ekatalog-v5`: e-Katalog version 5 orders (ISB 1020, `Ecat-PaketEPurchasing`). Stage
  /// realization. The OPD is the e-Katalog `satker_id`; UMK-K and local come from the
  /// vendor list by `kd_penyedia`.
  public static let ekatalogV5 = Profile(
    name: "ekatalog-v5",
    summary: LocalizedText(
      id: "Pesanan e-Katalog versi 5 (ISB 1020); tahap realisasi; UMK-K dari daftar penyedia.",
      en: "e-Katalog version 5 orders (ISB 1020); stage realization; UMK-K from the vendor list."),
    stage: .realization,
    columns: [
      ColumnSpec(.opdCode, ["kd_satker_str"], required: true),
      ColumnSpec(.opdCodeFallback, ["satker_id", "kd_satker"]),
      ColumnSpec(.opdName, ["nama_satker"]),
      ColumnSpec(.fiscalYear, ["tahun_anggaran"]),
      ColumnSpec(.lineID, ["kd_paket", "no_paket"]),
      ColumnSpec(.rupCode, ["kd_rup"]),
      ColumnSpec(.description, ["nama_paket", "deskripsi"]),
      ColumnSpec(.vendorCode, ["kd_penyedia"]),
      ColumnSpec(.amount, ["total_harga"], required: true),
      ColumnSpec(.mak, ["kode_anggaran", "mak"]),
      ColumnSpec(.cancellationStatus, ["paket_status_str", "status_paket"]),
    ],
    statusRules: [.cancelledWhen(.cancellationStatus, failedOrderWords)],
    opdRule: .codeOrFallback,
    zeroAmountIsNoContractValue: false,
    recognizes: { header in
      header.contains("total_harga") && (header.contains("satker_id") || header.contains("paket_status_str"))
    }
  )
}
