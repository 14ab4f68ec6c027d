extension Profile {
  /// `p3dn`: the canonical layout for hand-made sheets (bendahara books, OPD recaps).
  /// The stage comes from a `tahap` column or from `--plan` / `--realization`.
  public static let canonical = Profile(
    name: "p3dn",
    summary: LocalizedText(
      id: "Format kanonik untuk lembar kerja buatan sendiri (buku bendahara, rekap OPD); "
        + "tahap dari kolom `tahap` atau dari --plan/--realization.",
      en: "Canonical layout for hand-made sheets (treasurer books, OPD recaps); "
        + "stage from a `tahap` column or from --plan/--realization."),
    stage: nil,
    columns: [
      ColumnSpec(
        .opdCode, ["kode_opd", "kd_opd", "kode_skpd", "kd_skpd", "kode_unit", "kode_satker"],
        required: true),
      ColumnSpec(.opdName, ["nama_opd", "nama_skpd", "nama_unit", "nama_satker", "opd", "skpd"]),
      ColumnSpec(.stage, ["tahap", "stage"]),
      ColumnSpec(.fiscalYear, ["tahun_anggaran", "tahun", "ta", "fiscal_year"]),
      ColumnSpec(.date, ["tanggal", "tgl", "tanggal_bukti", "tanggal_transaksi", "date"]),
      ColumnSpec(.lineID, ["id", "no_bukti", "nomor_bukti", "nomor", "no"]),
      ColumnSpec(.rupCode, ["kode_rup", "kd_rup"]),
      ColumnSpec(.description, ["uraian", "keterangan", "nama_paket", "deskripsi", "description"]),
      ColumnSpec(.account, ["kode_rekening", "kd_rekening", "rekening", "kode_akun", "akun"]),
      ColumnSpec(.mak, ["mak"]),
      ColumnSpec(.vendor, ["penyedia", "nama_penyedia", "rekanan", "vendor"]),
      ColumnSpec(.vendorNPWP, ["npwp_penyedia", "npwp"]),
      ColumnSpec(.vendorCode, ["kode_penyedia", "kd_penyedia"]),
      ColumnSpec(
        .vendorRegion,
        ["kab_kota_penyedia", "kab_kota", "kota_kab", "kabupaten_kota", "asal_penyedia"]),
      ColumnSpec(
        .amount,
        [
          "nilai", "nilai_realisasi", "jumlah", "jumlah_rp", "nilai_rp", "nominal", "realisasi",
          "total", "pagu", "amount",
        ], required: true),
      ColumnSpec(.pdnFlag, ["pdn", "status_pdn", "produk_dalam_negeri"]),
      ColumnSpec(.umkFlag, ["umk", "ukm", "umkm", "status_umk", "status_ukm", "usaha_kecil"]),
      ColumnSpec(.koperasiFlag, ["koperasi", "status_koperasi"]),
      ColumnSpec(.localFlag, ["lokal", "produk_lokal", "produk_daerah", "local"]),
      ColumnSpec(.pdnValue, ["nilai_pdn"]),
      ColumnSpec(.umkValue, ["nilai_umk", "nilai_umkk"]),
      ColumnSpec(.tkdn, ["tkdn", "nilai_tkdn", "persen_tkdn"]),
      ColumnSpec(.bmp, ["bmp", "nilai_bmp", "persen_bmp"]),
      ColumnSpec(.lineStatus, ["status", "status_paket"]),
      ColumnSpec(.procurementMethod, ["cara_pengadaan", "tipe_paket", "jenis_paket"]),
    ],
    statusRules: [.closed(.lineStatus, StatusLists.handMadeLine), .swakelolaMethod(.procurementMethod)],
    opdRule: .codeOrFallback,
    zeroAmountIsNoContractValue: false,
    yearFromDate: true,
    recognizes: { _ in true }
  )
}
