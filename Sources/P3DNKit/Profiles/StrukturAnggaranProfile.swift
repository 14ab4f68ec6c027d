extension Profile {
  /// `struktur-anggaran`: the per-OPD budget structure of SIRUP (ISB 1084). Not spending:
  /// its `belanja_pengadaan` is the denominator of "% input RUP" (RUP penyedia pagu over
  /// the procurement budget) and, with `--denominator budget`, of every share.
  public static let strukturAnggaran = Profile(
    name: "struktur-anggaran",
    summary: LocalizedText(
      id:
        "Struktur anggaran per OPD (ISB 1084): belanja pengadaan untuk \"% input RUP\" dan --denominator budget.",
      en:
        "Per-OPD budget structure (ISB 1084): procurement budget for \"% RUP input\" and --denominator budget."
    ),
    stage: .plan,
    columns: ColumnSpec.isbSatker + [
      ColumnSpec(.amount, ["belanja_pengadaan"], required: true)
    ],
    statusRules: [],
    opdRule: .codeOrKnownFallback(.sirup),
    zeroAmountIsNoContractValue: false,
    kind: .budget,
    datasets: [DatasetRule("rup/struktur-anggaran-pd")],
    recognizes: { header in header.contains("belanja_pengadaan") }
  )
}
