extension Profile {
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
      ColumnSpec(.date, ["tgl_order"]),
      ColumnSpec(.lineID, ["kd_paket"]),
      ColumnSpec(.rupCode, ["kd_rup"]),
      ColumnSpec(.description, ["rup_nama_pkt", "nama_paket"]),
      ColumnSpec(.vendorCode, ["kd_penyedia_sikap"]),
      ColumnSpec(.vendorCodeFallback, ["kd_penyedia_v6", "kd_penyedia"]),
      ColumnSpec(.amount, ["total_harga"], required: true),
      ColumnSpec(.mak, ["mak"]),
      ColumnSpec(.cancellationStatus, ["status_pkt"]),
    ],
    statusRules: [.closed(.cancellationStatus, StatusLists.ekatalogV6Order)],
    opdRule: .codeOrKnownFallback(.sirup),
    zeroAmountIsNoContractValue: false,
    datasets: [DatasetRule("ekatalog/paket-e-purchasing", key: "kd_paket", space: "ekatalog-v6")],
    recognizes: { header in
      header.contains("total_harga") && (header.contains("kd_penyedia_v6") || header.contains("status_pkt"))
    }
  )

  /// `ekatalog-v6-inaproc`: the same e-Katalog version 6 orders in INAPROC's shape
  /// (`ekatalog/paket-e-purchasing`): amount `total`, OPD `kode_satker` (the SIRUP code),
  /// year `fiscal_year`, RUP `rup_code`, vendor `kode_penyedia`, status `status`.
  public static let ekatalogV6Inaproc = Profile(
    name: "ekatalog-v6-inaproc",
    summary: LocalizedText(
      id: "Pesanan e-Katalog versi 6, bentuk INAPROC (order_id, total, status); tahap realisasi.",
      en: "e-Katalog version 6 orders, INAPROC shape (order_id, total, status); stage realization."),
    stage: .realization,
    columns: [
      ColumnSpec(.opdCode, ["kode_satker"], required: true),
      ColumnSpec(.opdName, ["nama_satker"]),
      ColumnSpec(.fiscalYear, ["fiscal_year", "tahun_anggaran"]),
      ColumnSpec(.date, ["order_date"]),
      ColumnSpec(.lineID, ["order_id"]),
      ColumnSpec(.rupCode, ["rup_code"]),
      ColumnSpec(.description, ["rup_name", "rup_desc"]),
      ColumnSpec(.vendorCode, ["kode_penyedia"]),
      ColumnSpec(.amount, ["total"], required: true),
      ColumnSpec(.mak, ["mak"]),
      ColumnSpec(.cancellationStatus, ["status"]),
    ],
    statusRules: [.closed(.cancellationStatus, StatusLists.ekatalogV6Order)],
    opdRule: .codeOrFallback,
    zeroAmountIsNoContractValue: false,
    datasets: [DatasetRule("ekatalog/paket-e-purchasing", key: "order_id", space: "ekatalog-v6-order")],
    recognizes: { header in
      header.contains("order_id") && header.contains("total") && header.contains("kode_satker")
    }
  )

  /// `ekatalog-v5`: e-Katalog version 5 orders (ISB 1020, INAPROC
  /// `ekatalog-archive/paket-e-purchasing`). Stage realization. The OPD is the e-Katalog
  /// `satker_id`, mapped to its code by the instansi-satker directory; UMK-K and local
  /// come from the vendor list by `kd_penyedia`.
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
      ColumnSpec(.date, ["tanggal_buat_paket"]),
      ColumnSpec(.lineID, ["kd_paket", "no_paket"]),
      ColumnSpec(.rupCode, ["kd_rup"]),
      ColumnSpec(.description, ["nama_paket", "deskripsi"]),
      ColumnSpec(.vendorCode, ["kd_penyedia"]),
      ColumnSpec(.amount, ["total_harga"], required: true),
      ColumnSpec(.mak, ["kode_anggaran", "mak"]),
      ColumnSpec(.completionStatus, ["status_paket"]),
      ColumnSpec(.secondaryStatus, ["paket_status_str"]),
    ],
    statusRules: [
      .words([
        (.completionStatus, StatusLists.ekatalogV5Package),
        (.secondaryStatus, StatusLists.ekatalogV5PackageText),
      ])
    ],
    opdRule: .codeOrKnownFallback(.ekatalog),
    zeroAmountIsNoContractValue: false,
    datasets: [DatasetRule("ekatalog-archive/paket-e-purchasing", key: "kd_paket", space: "ekatalog-v5")],
    recognizes: { header in
      header.contains("total_harga") && (header.contains("satker_id") || header.contains("paket_status_str"))
    }
  )
}
