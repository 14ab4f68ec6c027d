extension Profile {
  /// `sirup-swakelola`: SIRUP RUP paket swakelola (ISB 1030). Plan lines with no PDN or
  /// UMK flags; every line is swakelola (excluded as `swakelola` under the default policy,
  /// its pagu reported apart).
  public static let sirupSwakelola = Profile(
    name: "sirup-swakelola",
    summary: LocalizedText(
      id: "SIRUP RUP paket swakelola (ISB 1030); tahap rencana; dikecualikan sebagai swakelola.",
      en: "SIRUP RUP swakelola packages (ISB 1030); stage plan; excluded as swakelola."),
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
      .notAnnouncedUnless(.announcedStatus, "Terumumkan"),
    ],
    opdRule: .codeOrFallback,
    zeroAmountIsNoContractValue: false,
    isSwakelola: true,
    recognizes: { header in
      header.index(ofAny: ["pagu", "jumlahpagu"]) != nil
        && header.index(ofAny: ["tipe_swakelola", "tipeswakelola", "jenis_swakelola"]) != nil
    }
  )
}
