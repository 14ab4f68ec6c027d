extension Profile {
  /// `sipd-realisasi`: SIPD "Laporan Realisasi Per Dokumen" (title rows, then the header).
  /// Stage realization. The amount is `Nilai Realisasi` less `Nilai Setoran` (money paid
  /// back); the account scope comes from `Kode Rekening`; the year from `Tanggal Dokumen`
  /// (`12 Maret 2025`) where the sheet has no year column.
  public static let sipdRealisasi = Profile(
    name: "sipd-realisasi",
    summary: LocalizedText(
      id: "SIPD Laporan Realisasi Per Dokumen; tahap realisasi; nilai = realisasi − setoran.",
      en: "SIPD realization report per document; stage realization; amount = realization − refund."),
    stage: .realization,
    columns: [
      ColumnSpec(.opdCode, ["kode_skpd"], required: true),
      ColumnSpec(.opdCodeFallback, ["kode_sub_skpd", "kode_unit_skpd"]),
      ColumnSpec(.opdName, ["nama_skpd"]),
      ColumnSpec(.fiscalYear, ["tahun_anggaran", "tahun"]),
      ColumnSpec(.date, ["tanggal_dokumen", "tanggal_sp2d", "tanggal_transfer"]),
      ColumnSpec(.lineID, ["nomor_dokumen", "nomor_sp2d"]),
      ColumnSpec(.description, ["keterangan_dokumen", "nama_rekening"]),
      ColumnSpec(.account, ["kode_rekening"]),
      ColumnSpec(.vendor, ["nama_penerima", "penerima", "nama_pihak_ketiga"]),
      ColumnSpec(.vendorNPWP, ["npwp_penerima", "npwp"]),
      ColumnSpec(.amount, ["nilai_realisasi"], required: true),
      ColumnSpec(.reduction, ["nilai_setoran"]),
    ],
    statusRules: [],
    opdRule: .codeOrFallback,
    zeroAmountIsNoContractValue: false,
    yearFromDate: true,
    recognizes: { header in
      header.contains("nilai_realisasi") && header.contains("kode_skpd")
        && header.index(ofAny: ["nomor_dokumen", "jenis_dokumen", "nilai_setoran"]) != nil
    }
  )
}
