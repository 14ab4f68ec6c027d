/// Datasets that hold no spending (CONTRACT §7.2): recognized by their columns, so that a
/// whole download folder audits in one command; every row is `not-spending`. The satker
/// directories among them map the OPD ids of other datasets to codes.
extension Profile {
  /// Amount columns of the spending datasets: a header with one of them is not a
  /// directory.
  static let spendingAmounts = [
    "pagu", "jumlahpagu", "nilai_kontrak", "total", "total_harga", "valuasi", "total_realisasi",
    "nilai_realisasi", "belanja_pengadaan", "nilai", "jumlah",
  ]

  /// `satker-sirup`: SIRUP's satker master (ISB 1008, INAPROC `rup/master-satker`):
  /// `kd_satker` (SIRUP's numeric id) → `kd_satker_str` (the code).
  public static let satkerSirup = nonSpending(
    "satker-sirup", kind: .directory(.sirup), dataset: "rup/master-satker",
    id: "Direktori satker SIRUP (ISB 1008, master-satker): kd_satker → kd_satker_str; bukan belanja.",
    en: "SIRUP satker directory (ISB 1008, master-satker): kd_satker → kd_satker_str; not spending."
  ) { header in
    header.contains("kd_satker") && header.contains("kd_satker_str") && header.contains("nama_satker")
      && header.index(ofAny: ["jenis_satker", "status_satker", "ket_satker", "kode_eselon", "alamat"]) != nil
      && header.index(ofAny: spendingAmounts) == nil
  }

  /// `satker-ekatalog`: e-Katalog's satker directory (INAPROC
  /// `ekatalog-archive/instansi-satker`): `kd_satker` (the v5 orders' `satker_id`) →
  /// `kd_satker_str`.
  public static let satkerEkatalog = nonSpending(
    "satker-ekatalog", kind: .directory(.ekatalog), dataset: "ekatalog-archive/instansi-satker",
    id: "Direktori satker e-Katalog (instansi-satker): satker_id → kd_satker_str; bukan belanja.",
    en: "e-Katalog satker directory (instansi-satker): satker_id → kd_satker_str; not spending."
  ) { header in
    let known: Set<String> = [
      "jenisklpd", "kdklpd", "kdsatker", "kdsatkerstr", "lastupdateref", "namaklpd",
      "namasatker", "eventdate",
    ]
    return header.contains("kd_satker") && header.contains("kd_satker_str")
      && header.original.allSatisfy { known.contains(HeaderNames.normalize($0)) }
  }

  /// Tender and non-tender announcements (`tender/pengumuman`, `tender/non-tender-pengumuman`):
  /// they carry `pagu` but describe selections being announced, `Gagal/Batal` ones too.
  public static let announcements = nonSpending(
    "pengumuman", kind: .notSpending, dataset: "tender/pengumuman", nonTender: "tender/non-tender-pengumuman",
    id: "Pengumuman tender dan non-tender; bukan belanja (rencana ada di RUP).",
    en: "Tender and non-tender announcements; not spending (the plan is the RUP)."
  ) { header in
    header.index(ofAny: ["kd_tender", "kd_nontender"]) != nil
      && header.index(ofAny: [
        "versi_tender", "versi_nontender", "ket_ditutup", "ket_diulang", "status_tender",
      ])
        != nil
      && !header.contains("nilai_kontrak")
  }

  /// Selection schedules (`tender/jadwal-tahapan-tender`, `…-non-tender`).
  public static let schedules = nonSpending(
    "jadwal-tahapan", kind: .notSpending, dataset: "tender/jadwal-tahapan-tender",
    nonTender: "tender/jadwal-tahapan-non-tender",
    id: "Jadwal tahapan tender dan non-tender; bukan belanja.",
    en: "Tender and non-tender schedules; not spending."
  ) { header in
    header.index(ofAny: ["kd_tahapan", "nama_tahapan", "dtj_id"]) != nil && !header.contains("pagu")
  }

  /// Bidders (`tender/peserta-tender`).
  public static let bidders = nonSpending(
    "peserta-tender", kind: .notSpending, dataset: "tender/peserta-tender",
    id: "Peserta tender; bukan belanja.", en: "Tender bidders; not spending."
  ) { header in
    header.index(ofAny: ["kd_peserta", "pemenang_terverifikasi"]) != nil && !header.contains("nilai_kontrak")
  }

  /// Programs (`rup/program-master`).
  public static let programs = nonSpending(
    "program", kind: .notSpending, dataset: "rup/program-master",
    id: "Daftar program RUP; bukan belanja.", en: "RUP programs; not spending."
  ) { header in header.contains("kd_program") && header.index(ofAny: ["pagu_program", "nama_program"]) != nil
  }

  /// RUP revision history (`rup/history-kaji-ulang`).
  public static let revisions = nonSpending(
    "kaji-ulang", kind: .notSpending, dataset: "rup/history-kaji-ulang",
    id: "Riwayat kaji ulang RUP; bukan belanja.", en: "RUP revision history; not spending."
  ) { header in header.contains("kd_rup_lama") && header.contains("kd_rup_baru") }

  /// Package locations (ISB 1029).
  public static let locations = nonSpending(
    "lokasi-paket", kind: .notSpending, dataset: "rup/paket-penyedia-lokasi",
    id: "Lokasi paket RUP (ISB 1029); bukan belanja.", en: "RUP package locations (ISB 1029); not spending."
  ) { header in
    header.contains("kd_rup") && header.index(ofAny: ["detail_lokasi", "kd_kab_kota"]) != nil
      && header.index(ofAny: spendingAmounts) == nil
  }

  /// e-Katalog vendor detail (ISB 1023) given as an input rather than as `--vendors`.
  public static let vendorDetail = nonSpending(
    "penyedia-detail", kind: .notSpending, dataset: "ekatalog/penyedia-detail",
    id: "Daftar atau detail penyedia (ISB 1023) sebagai masukan; bukan belanja (berikan dengan --vendors).",
    en: "A vendor list or vendor detail (ISB 1023) given as an input; not spending (give it with --vendors)."
  ) { header in
    header.index(ofAny: spendingAmounts) == nil && Profile.vendorList.recognizes(header)
  }

  /// The non-spending datasets, in detection order (before every spending profile).
  public static let nonSpendingProfiles = [
    satkerSirup, satkerEkatalog, announcements, schedules, bidders, programs, revisions, locations,
    vendorDetail,
  ]

  private static func nonSpending(
    _ name: String, kind: ProfileKind, dataset: String, nonTender: String? = nil, id: String, en: String,
    recognizes: @escaping @Sendable (HeaderNames) -> Bool
  ) -> Profile {
    // A non-tender twin of the dataset is told apart by its `kd_nontender`.
    let datasets =
      (nonTender.map { [DatasetRule($0, marker: "kd_nontender")] } ?? []) + [DatasetRule(dataset)]
    return Profile(
      name: name, summary: LocalizedText(id: id, en: en), stage: nil,
      columns: [
        ColumnSpec(.opdCode, ["kd_satker_str"]), ColumnSpec(.opdCodeFallback, ["kd_satker"]),
        ColumnSpec(.opdName, ["nama_satker"]), ColumnSpec(.fiscalYear, ["tahun_anggaran"]),
      ],
      statusRules: [], opdRule: .codeOrFallback, zeroAmountIsNoContractValue: false, kind: kind,
      datasets: datasets, recognizes: recognizes)
  }
}
