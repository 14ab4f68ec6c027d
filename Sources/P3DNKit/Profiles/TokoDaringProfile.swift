extension Profile {
  /// `tokodaring`: Toko Daring (marketplace) orders (ISB 1061). Stage realization; an order
  /// the marketplace reports as failed (`status_konfirmasi_ppmse` `gagal`) is `cancelled`.
  /// Local comes from the merchant's `kota_kab`.
  public static let tokoDaring = Profile(
    name: "tokodaring",
    summary: LocalizedText(
      id: "Transaksi Toko Daring (ISB 1061); tahap realisasi; pesanan gagal/batal dikecualikan.",
      en: "Toko Daring marketplace orders (ISB 1061); stage realization; failed/cancelled orders excluded."),
    stage: .realization,
    columns: [
      ColumnSpec(.opdCode, ["kd_satker_str"], required: true),
      ColumnSpec(.opdCodeFallback, ["kd_satker"]),
      ColumnSpec(.opdName, ["nama_satker"]),
      ColumnSpec(.fiscalYear, ["tahun", "tahun_anggaran"]),
      ColumnSpec(.date, ["tanggal_transaksi"]),
      ColumnSpec(.lineID, ["order_id"]),
      ColumnSpec(.rupCode, ["kd_rup"]),
      ColumnSpec(.description, ["order_desc"]),
      ColumnSpec(.vendor, ["merchant_name"]),
      ColumnSpec(.vendorNPWP, ["npwp_merchant", "npwp_penyedia"]),
      ColumnSpec(.vendorRegion, ["kota_kab"]),
      ColumnSpec(.amount, ["valuasi"], required: true),
      ColumnSpec(.cancellationStatus, ["status_konfirmasi_ppmse"]),
    ],
    statusRules: [.closed(.cancellationStatus, StatusLists.tokoDaring)],
    opdRule: .codeOrKnownFallback(.sirup),
    zeroAmountIsNoContractValue: false,
    datasets: [DatasetRule("bela/toko-daring-realisasi", key: "order_id", space: "tokodaring")],
    recognizes: { header in
      header.contains("valuasi") && (header.contains("order_id") || header.contains("marketplace"))
    }
  )
}
