/// The status words of each dataset: closed lists (CONTRACT §7.6, FORMATS "INAPROC").
/// A word that is not listed is `unknown-status`, and the file's warning names it.
public enum StatusLists {
  /// SIRUP `status_umumkan_rup`: an announced package is planned; a draft is not yet.
  public static let rupAnnouncement = StatusWords(
    counts: ["Terumumkan"],
    [(.notAnnounced, ["Terinisiasi", "Draf", "Draft", "Final Draft", "Belum Diumumkan", "Belum Terumumkan"])])

  /// Legacy scraper `statusumumkan`: `Terumumkan` in scope, `Terdelete` deleted, drafts
  /// not announced.
  public static let rupLegacyAnnouncement = StatusWords(
    counts: ["Terumumkan"],
    [
      (.deleted, ["Terdelete"]),
      (
        .notAnnounced, ["Terinisiasi", "Draf", "Draft", "Final Draft", "Belum Diumumkan", "Belum Terumumkan"]
      ),
    ])

  /// SPSE non-tender results `status_nontender`: only a finished selection counts; the
  /// others are `not-completed` (FORMATS `spse-selesai`).
  public static let nonTenderResult = StatusWords(
    counts: ["Selesai"],
    [
      (
        .notCompleted,
        [
          "Berlangsung", "Sedang Berjalan", "Aktif", "Tender Sedang Berjalan", "Batal", "Gagal",
          "Gagal/Batal",
          "Dibatalkan", "Ditutup",
        ]
      )
    ])

  /// SPSE e-kontrak `status_kontrak`.
  public static let contract = StatusWords(
    counts: ["Kontrak Sedang Berjalan", "Kontrak Selesai"],
    [(.cancelled, ["Pemutusan Kontrak"])])

  /// SPSE pencatatan (1057, 1059) `status_*_pct_ket`: a running package counts with what it
  /// has realized so far.
  public static let recordedPackage = StatusWords(
    counts: ["Paket Selesai", "Paket Sedang Berjalan"],
    [(.cancelled, ["Paket Dibatalkan"])])

  /// e-Katalog v6 order `status` (INAPROC) and `status_pkt` (ISB 1213).
  public static let ekatalogV6Order = StatusWords(
    counts: ["COMPLETED", "ON_PROCESS", "PAYMENT_OUTSIDE_SYSTEM"],
    [
      (.notCompleted, ["ON_NEGOTIATION", "WAITING_SELLER_CONFIRMATION"]),
      (.cancelled, ["CANCELLED", "CANCELLED_ON_NEGOTIATION", "CANCELLED_ON_REVIEW"]),
    ])

  /// e-Katalog v5 `status_paket`, which decides where present.
  public static let ekatalogV5Package = StatusWords(
    counts: ["paket_selesai", "melakukan_pengiriman_dan_penerimaan", "verifikasi_penyelesaian_paket"],
    [(.notCompleted, ["proses_kontrak_ppk"])])

  /// e-Katalog v5 `paket_status_str`, where `status_paket` is empty or absent.
  public static let ekatalogV5PackageText = StatusWords(
    counts: ["Paket Selesai", "Paket Proses"],
    [(.cancelled, ["Paket Batal", "Paket Dibatalkan"])])

  /// Toko Daring `status_konfirmasi_ppmse`: `gagal` is an order that did not happen.
  public static let tokoDaring = StatusWords(
    counts: ["berhasil", "sukses", "selesai"],
    [(.cancelled, ["gagal", "batal", "dibatalkan"])])

  /// The `status` column of hand-made sheets (the canonical profile, a `--map` mapping):
  /// paid or finished lines count; cancelled and unfinished ones do not.
  public static let handMadeLine = StatusWords(
    counts: [
      "selesai", "lunas", "dibayar", "sudah dibayar", "terbayar", "terealisasi", "realisasi", "sp2d", "done",
      "completed", "complete", "paid", "finished", "paket selesai", "kontrak selesai",
    ],
    [
      (.cancelled, ["batal", "dibatalkan", "cancelled", "canceled", "gagal", "paket dibatalkan", "ditolak"]),
      (
        .notCompleted,
        [
          "belum selesai", "berjalan", "sedang berjalan", "berlangsung", "proses", "dalam proses",
          "paket sedang berjalan", "not completed", "in progress", "belum dibayar",
        ]
      ),
    ])
}
