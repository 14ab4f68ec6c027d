extension Profile {
  /// The vendor list of `--vendors` (not an audit input): an identity — NPWP, vendor code
  /// or name — and at least one fact — business scale, koperasi, kab/kota. The e-Katalog
  /// vendor detail export (ISB 1023) is such a list.
  public static let vendorList = Profile(
    name: "daftar-penyedia",
    summary: LocalizedText(
      id:
        "Daftar penyedia (--vendors): NPWP/kode/nama dengan skala usaha, koperasi, kab/kota; juga ISB 1023.",
      en: "Vendor list (--vendors): NPWP/code/name with business scale, koperasi, kab/kota; also ISB 1023."),
    stage: nil,
    columns: [
      ColumnSpec(.vendorNPWP, VendorListColumns.npwp),
      ColumnSpec(.vendorCode, VendorListColumns.codes),
      ColumnSpec(.vendor, VendorListColumns.names),
      ColumnSpec(.umkFlag, VendorListColumns.scale),
      ColumnSpec(.koperasiFlag, VendorListColumns.koperasi),
      ColumnSpec(.vendorRegion, VendorListColumns.region),
    ],
    statusRules: [],
    opdRule: .codeOrFallback,
    zeroAmountIsNoContractValue: false,
    kind: .vendors,
    recognizes: { header in
      let identity = VendorListColumns.npwp + VendorListColumns.codes + VendorListColumns.names
      let facts = VendorListColumns.scale + VendorListColumns.koperasi + VendorListColumns.region
      return header.index(ofAny: identity) != nil && header.index(ofAny: facts) != nil
    }
  )
}

/// The header names a vendor list's columns go by.
enum VendorListColumns {
  static let npwp = ["npwp_16", "npwp16", "npwp16_penyedia", "npwp_penyedia", "npwp"]
  static let codes = [
    "kd_penyedia", "kode_penyedia", "kode_penyedia_sikap", "kd_penyedia_sikap", "kd_penyedia_v6",
    "kode_vendor", "vendor_code",
  ]
  static let names = ["nama_penyedia", "nama", "penyedia", "nama_vendor", "vendor", "merchant_name"]
  static let scale = [
    "skala_usaha", "skala", "penyedia_ukm", "status_ukm", "ukm", "umk", "umkm", "kualifikasi_usaha",
    "business_scale", "scale",
  ]
  static let koperasi = ["koperasi", "status_koperasi", "is_koperasi"]
  static let region = ["kab_kota", "kota_kab", "kabupaten_kota", "kab_kota_penyedia", "kota", "kabupaten"]
}
