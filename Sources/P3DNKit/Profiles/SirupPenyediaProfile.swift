extension Profile {
  /// `sirup-penyedia`: SIRUP RUP paket penyedia (ISB dataset 1018), its budget lines (1028,
  /// told apart by `id_paket_anggaran_penyedia`), and the legacy scraper names for the
  /// same data. Every line is a plan line.
  public static let sirupPenyedia = Profile(
    name: "sirup-penyedia",
    summary: LocalizedText(
      id: "SIRUP RUP paket penyedia (ISB 1018, baris anggaran 1028, nama kolom lama); tahap rencana.",
      en: "SIRUP RUP provider packages (ISB 1018, budget lines 1028, legacy column names); stage plan."),
    stage: .plan,
    columns: [
      ColumnSpec(.opdCode, ["kd_satker_str"], required: true),
      ColumnSpec(.opdCodeFallback, ["kd_satker", "kodesatker"]),
      ColumnSpec(.opdName, ["nama_satker", "namasatker"]),
      ColumnSpec(.fiscalYear, ["tahun_anggaran", "tahunanggaran", "tahun"]),
      ColumnSpec(.lineID, ["kd_rup", "idrup"]),
      ColumnSpec(.rupCode, ["kd_rup", "idrup"]),
      ColumnSpec(.description, ["nama_paket", "namapaket"]),
      ColumnSpec(.amount, ["pagu", "jumlahpagu"], required: true),
      ColumnSpec(.pdnFlag, ["status_pdn", "statuspdn", "statustkdn"]),
      ColumnSpec(.umkFlag, ["status_ukm", "statususahakecil"]),
      ColumnSpec(.account, ["kode_rekening", "kd_rekening"]),
      ColumnSpec(.mak, ["mak"]),
      ColumnSpec(.deletedStatus, ["status_delete_rup"]),
      ColumnSpec(.activeStatus, ["status_aktif_rup"]),
      ColumnSpec(.announcedStatus, ["status_umumkan_rup"]),
      ColumnSpec(.legacyAnnouncedStatus, ["statusumumkan"]),
    ],
    statusRules: [
      .deletedWhenTrue(.deletedStatus),
      .inactiveWhenFalse(.activeStatus),
      .closed(.announcedStatus, StatusLists.rupAnnouncement),
      .closed(.legacyAnnouncedStatus, StatusLists.rupLegacyAnnouncement),
    ],
    opdRule: .codeOrFallback,
    zeroAmountIsNoContractValue: false,
    datasets: [
      DatasetRule(
        "rup/paket-anggaran-penyedia", marker: "id_paket_anggaran_penyedia", key: "kd_rup", space: "rup",
        rank: 1),
      // ISB 1028 has no such id: its budget-line columns mark it.
      DatasetRule("rup/paket-anggaran-penyedia", marker: "kd_komponen", key: "kd_rup", space: "rup", rank: 1),
      DatasetRule("rup/paket-penyedia-terumumkan", marker: "kd_rup", key: "kd_rup", space: "rup"),
      DatasetRule("rup/paket-penyedia-terumumkan", key: "idrup", space: "rup"),
    ],
    recognizes: { header in
      header.index(ofAny: ["pagu", "jumlahpagu"]) != nil
        && header.index(ofAny: ["kd_satker", "kd_satker_str", "kodesatker"]) != nil
    }
  )
}
