extension Profile {
  /// `sirup-swakelola`: SIRUP RUP paket swakelola (ISB 1030) and its budget lines (1033,
  /// told apart by `id_paket_anggaran_swakelola`). Plan lines with no PDN or UMK flags;
  /// every line is swakelola (excluded as `swakelola` under the default policy,
  /// its pagu reported apart).
  public static let sirupSwakelola = Profile(
    name: "sirup-swakelola",
    summary: LocalizedText(
      id:
        "SIRUP RUP paket swakelola (ISB 1030, baris anggaran 1033); tahap rencana; dikecualikan sebagai swakelola.",
      en: "SIRUP RUP swakelola packages (ISB 1030, budget lines 1033); stage plan; excluded as swakelola."),
    stage: .plan,
    columns: [
      ColumnSpec(.opdCode, ["kd_satker_str"], required: true),
      ColumnSpec(.opdCodeFallback, ["kd_satker", "kodesatker"]),
      ColumnSpec(.opdName, ["nama_satker", "namasatker"]),
      ColumnSpec(.fiscalYear, ["tahun_anggaran"]),
      ColumnSpec(.lineID, ["kd_rup", "idrup"]),
      ColumnSpec(.rupCode, ["kd_rup", "idrup"]),
      ColumnSpec(.description, ["nama_paket", "namapaket"]),
      ColumnSpec(.amount, ["pagu", "jumlahpagu"], required: true),
      ColumnSpec(.mak, ["mak"]),
      ColumnSpec(.deletedStatus, ["status_delete_rup"]),
      ColumnSpec(.activeStatus, ["status_aktif_rup"]),
      ColumnSpec(.announcedStatus, ["status_umumkan_rup"]),
    ],
    statusRules: [
      .deletedWhenTrue(.deletedStatus),
      .inactiveWhenFalse(.activeStatus),
      .closed(.announcedStatus, StatusLists.rupAnnouncement),
    ],
    opdRule: .codeOrFallback,
    zeroAmountIsNoContractValue: false,
    isSwakelola: true,
    datasets: [
      DatasetRule(
        "rup/paket-anggaran-swakelola", marker: "id_paket_anggaran_swakelola", key: "kd_rup", space: "rup",
        rank: 1),
      // ISB 1033, named as such: the columns of 1028 (see `ProfileRegistry.refined`).
      DatasetRule(
        "rup/paket-anggaran-swakelola", marker: "kd_komponen", key: "kd_rup", space: "rup", rank: 1),
      DatasetRule("rup/paket-swakelola-terumumkan", key: "kd_rup", space: "rup"),
    ],
    recognizes: { header in
      header.index(ofAny: ["pagu", "jumlahpagu"]) != nil
        && header.index(ofAny: [
          "tipe_swakelola", "tipeswakelola", "jenis_swakelola", "id_paket_anggaran_swakelola",
        ]) != nil
    }
  )
}
