/// The catalogue of `validate`'s checks: for each code, its default severity, a short name
/// and what it means and how to fix it, in Indonesian and English, and its section of
/// docs/validation.md. The renderers (text, JSON, JUnit, SARIF, GitHub, markdown) read
/// their rule descriptions from here.
extension FindingCode {
  /// The severity of its findings unless the finding says otherwise: an error when the
  /// rows cannot be used (or a rule fails), a warning when they are read with a doubt.
  public var defaultSeverity: FindingSeverity { entry.severity }

  /// A short name (`Nilai tidak terbaca`, `Bad amount`).
  public func title(_ language: Language) -> String { entry.title.text(language) }

  /// What the finding means and how to fix it, in one or two sentences.
  public func help(_ language: Language) -> String { entry.help.text(language) }

  /// The anchor of its section in docs/validation.md: the code itself.
  public var docsAnchor: String { rawValue }

  private struct Entry {
    let severity: FindingSeverity
    let title: LocalizedText
    let help: LocalizedText

    init(
      _ severity: FindingSeverity, _ titleID: String, _ titleEN: String, _ helpID: String, _ helpEN: String
    ) {
      self.severity = severity
      self.title = LocalizedText(id: titleID, en: titleEN)
      self.help = LocalizedText(id: helpID, en: helpEN)
    }
  }

  private var entry: Entry {
    switch self {
    // Structure: the file cannot be read as a table.
    case .emptyFile:
      return Entry(
        .error, "Berkas kosong", "Empty file",
        "Berkas tidak berisi data (atau hanya spasi dan baris kosong). Unduh atau ekspor ulang datanya dari sumbernya.",
        "The file holds no data (or only blanks and empty lines). Download or export the data again from its source."
      )
    case .undecodableBytes:
      return Entry(
        .error, "Isi tidak terbaca sebagai teks", "Undecodable bytes",
        "Isi berkas tidak dapat dibaca sebagai teks (misalnya UTF-16, atau berkas biner). Simpan ulang sebagai CSV UTF-8.",
        "The file's bytes cannot be read as text (UTF-16, or a binary file). Save it again as CSV UTF-8.")
    case .unterminatedQuote:
      return Entry(
        .error, "Tanda kutip tidak ditutup", "Unterminated quote",
        "Tanda kutip yang dibuka pada satu sel tidak ditutup sampai akhir berkas, sehingga sisa berkas tidak terbaca. "
          + "Tutup kutipnya, atau hapus kutip yang berlebih.",
        "A quote opened in a cell is not closed before the end of the file, so the rest of the file cannot be read. "
          + "Close it, or remove the stray quote.")
    case .unknownDelimiter:
      return Entry(
        .error, "Pemisah tidak dikenali", "Unknown delimiter",
        "Header berkas hanya satu kolom: tidak ada pemisah (koma, titik koma, tab atau |) yang membaginya. "
          + "Simpan ulang sebagai CSV dengan pemisah koma atau titik koma.",
        "The file's header is one column: no delimiter (comma, semicolon, tab or |) splits it. "
          + "Save it again as CSV with a comma or semicolon delimiter.")
    case .mixedDelimiter:
      return Entry(
        .warning, "Pemisah bercampur", "Mixed delimiter",
        "Baris yang seluruhnya jatuh dalam satu kolom padahal header punya banyak kolom: baris itu ditulis dengan "
          + "pemisah lain (mis. titik koma di berkas berpemisah koma) dan ditolak sebagai ragged-row. Samakan pemisahnya.",
        "Rows that fall whole into one field while the header has several: they were written with another delimiter "
          + "(a semicolon in a comma file) and are rejected as ragged-row. Use one delimiter throughout.")
    case .unreadableFile:
      return Entry(
        .error, "Berkas tidak terbaca", "Unreadable file",
        "Berkas bukan format yang disebut nama atau isinya (JSON atau XLSX yang rusak, atau satu rekaman melebihi batas "
          + "ukuran). Unduh ulang, atau simpan ulang dari aplikasinya.",
        "The file is not the format its name or first bytes say (a broken JSON or XLSX, or a record beyond the size "
          + "limit). Download it again, or save it again from its application.")
    case .missingHeader:
      return Entry(
        .error, "Baris judul tidak ditemukan", "Missing header",
        "Tidak ada baris judul dalam 50 rekaman pertama yang memuat kolom nilai dan kolom kode OPD sebuah profil "
          + "(p3dn profiles). Tambahkan nama kolomnya, atau baca berkas dengan pemetaan kolom (--map).",
        "None of the first 50 records is a header holding a profile's amount and OPD code columns (p3dn profiles). "
          + "Add the column names, or read the file through a column mapping (--map).")
    case .unknownStage:
      return Entry(
        .error, "Tahap tidak diketahui", "Unknown stage",
        "Tahap lembar p3dn (rencana atau realisasi) tidak dapat diketahui. Sebut berkasnya dengan --plan atau "
          + "--realization, atau isi kolom tahap dengan rencana atau realisasi.",
        "The stage of a p3dn sheet (plan or realization) cannot be known. Name the file with --plan or "
          + "--realization, or fill the tahap column with rencana or realisasi.")
    case .blankColumnName:
      return Entry(
        .warning, "Kolom tanpa nama", "Blank column name",
        "Satu sel baris judul kosong, sehingga kolomnya tidak dibaca. Beri nama kolom itu, atau hapus kolomnya.",
        "A header cell is empty, so its column is not read. Name the column, or remove it.")
    case .duplicateColumnName:
      return Entry(
        .error, "Nama kolom ganda", "Duplicate column name",
        "Dua kolom bernama sama; hanya yang pertama dibaca, dan isi yang kedua diabaikan. Ganti nama salah satunya.",
        "Two columns have the same name; only the first is read and the second is ignored. Rename one of them."
      )
    case .raggedRow:
      return Entry(
        .error, "Jumlah sel tidak sama dengan judul", "Ragged row",
        "Baris punya jumlah sel yang berbeda dari baris judul dan ditolak (rejected). Periksa pemisah dan tanda kutip "
          + "baris itu.",
        "The row has a different number of fields than the header and is rejected. Check the row's delimiters and "
          + "quotes.")
    // Cells.
    case .badAmount:
      return Entry(
        .error, "Nilai tidak terbaca", "Bad amount",
        "Sel nilai bukan jumlah rupiah yang sah, sehingga baris ditolak (rejected). Tulis nilainya seperti "
          + "1.234.567,89 atau 1234567.89.",
        "The amount cell is not a valid rupiah amount, so the row is rejected. Write it as 1.234.567,89 or "
          + "1234567.89.")
    case .missingAmount:
      return Entry(
        .error, "Nilai kosong", "Missing amount",
        "Sel nilai kosong (atau null, -, NaN), sehingga baris ditolak (rejected). Isi nilainya (0 pun sah), atau "
          + "hapus barisnya.",
        "The amount cell is empty (or null, -, NaN), so the row is rejected. Fill in the amount (0 is valid), or "
          + "remove the row.")
    case .missingOPD:
      return Entry(
        .error, "Kode OPD kosong", "Missing OPD code",
        "Sel kode OPD kosong, sehingga baris tidak dapat dihitung ke OPD mana pun dan ditolak (rejected). Isi kode "
          + "OPD-nya.",
        "The OPD code cell is empty, so the row counts for no OPD and is rejected. Fill in the OPD code.")
    case .badDate:
      return Entry(
        .error, "Tanggal tidak sah", "Bad date",
        "Tanggal bukan tanggal kalender yang sah, sehingga tahun anggarannya tidak diketahui dan baris ditolak "
          + "(rejected). Tulis yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy atau 12 Maret 2025.",
        "The date is not a real calendar date, so its fiscal year is unknown and the row is rejected. Write "
          + "yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy or 12 Maret 2025.")
    case .unknownStatus:
      return Entry(
        .warning, "Status tidak dikenal", "Unknown status",
        "Kata status tidak ada dalam daftar dataset ini, sehingga barisnya dikecualikan (excluded) sebagai "
          + "unknown-status. Perbaiki katanya, atau petakan dengan --map [status].",
        "The status word is not in this dataset's list, so its rows are excluded as unknown-status. Fix the word, or "
          + "assign it with --map [status].")
    case .unrecognizedFlag:
      return Entry(
        .warning, "Penanda tidak dikenali", "Unrecognized flag",
        "Sel penanda PDN, UMK, koperasi atau lokal berisi kata yang tidak dikenali, sehingga klasifikasi baris itu "
          + "tidak diketahui. Tulis ya atau tidak.",
        "A PDN, UMK, cooperative or local flag cell holds a word that is not recognized, so the line's "
          + "classification is unknown. Write ya or tidak.")
    case .unreadableValue:
      return Entry(
        .warning, "Nilai PDN, UMK-K atau TKDN tidak terbaca", "Unreadable value",
        "Sel nilai PDN/UMK-K atau TKDN/BMP tidak terbaca sebagai angka, sehingga metriknya tidak diketahui untuk baris "
          + "itu. Tulis angkanya (45 atau 45,5).",
        "A PDN/UMK-K value or TKDN/BMP cell cannot be read as a number, so the metric is unknown for that line. "
          + "Write a number (45 or 45.5).")
    case .malformedOPDCode:
      return Entry(
        .warning, "Kode OPD tidak berbentuk kode", "Malformed OPD code",
        "Kode OPD bukan segmen angka bertitik (1.02.0.00.0.00.02.0000) atau id satker; baris tetap dihitung dengan "
          + "kode apa adanya. Tulis kodenya dengan benar agar OPD tidak terpecah.",
        "The OPD code is neither dotted digit segments (1.02.0.00.0.00.02.0000) nor a satker id; the row still "
          + "counts under the code as written. Correct it so the OPD is not split.")
    case .malformedNPWP:
      return Entry(
        .warning, "NPWP tidak sah", "Malformed NPWP",
        "NPWP penyedia bukan 15 atau 16 angka, sehingga penyedia tidak dapat dicocokkan dengan daftar penyedia "
          + "(--vendors). Perbaiki NPWP-nya.",
        "The vendor's NPWP is not 15 or 16 digits, so the vendor cannot be matched with the vendor list "
          + "(--vendors). Correct the NPWP.")
    case .malformedAccount:
      return Entry(
        .warning, "Kode rekening tidak berbentuk kode", "Malformed account",
        "Kode rekening bukan segmen angka bertitik (5.1.02.01.01.0024), sehingga cakupan belanjanya tidak dapat "
          + "diperiksa. Tulis kode rekening lengkapnya.",
        "The kode rekening is not dotted digit segments (5.1.02.01.01.0024), so its spending scope cannot be "
          + "checked. Write the full account code.")
    case .malformedRUPCode:
      return Entry(
        .warning, "Kode RUP tidak berbentuk kode", "Malformed RUP code",
        "Kode RUP bukan angka (beberapa kode dipisah ;), sehingga baris realisasi tidak dapat dikaitkan dengan "
          + "rencananya. Tulis kode RUP dari SIRUP.",
        "The RUP code is not digits (several codes separated by ;), so the realization line cannot be linked to "
          + "its plan. Write the RUP code from SIRUP.")
    // The file as a whole.
    case .duplicateLineID:
      return Entry(
        .warning, "Nomor baris ganda", "Duplicate line ID",
        "Dua baris berbeda dalam satu berkas memakai nomor yang sama (paket, pesanan, kontrak atau dokumen); "
          + "keduanya dihitung. Periksa apakah salah satunya ganda atau salah nomor.",
        "Two different rows of one file carry the same identifier (package, order, contract or document number); "
          + "both count. Check whether one of them is a repeat or has a wrong number.")
    case .mixedFiscalYears:
      return Entry(
        .warning, "Beberapa tahun anggaran", "Mixed fiscal years",
        "Data berisi baris dari beberapa tahun anggaran; baris tahun lain dikecualikan (excluded) sebagai other-year. "
          + "Pilih tahunnya dengan --year, atau pisahkan berkas per tahun.",
        "The data holds rows of several fiscal years; rows of other years are excluded as other-year. Pick the year "
          + "with --year, or keep one year per file.")
    case .totalMismatch:
      return Entry(
        .error, "Baris jumlah tidak cocok", "Total mismatch",
        "Baris jumlah (JUMLAH, TOTAL) berkas tidak sama dengan jumlah baris-barisnya: ada baris yang hilang, ganda atau "
          + "salah nilai. Cocokkan dengan sumbernya, lalu ekspor ulang.",
        "The file's total row (JUMLAH, TOTAL) does not equal the sum of its rows: a row is missing, repeated or has a "
          + "wrong amount. Compare with the source and export again.")
    case .negativeAmount:
      return Entry(
        .warning, "Nilai negatif", "Negative amount",
        "Nilai baris negatif (koreksi atau pengembalian) dan mengurangi jumlahnya. Pastikan memang koreksi, bukan salah "
          + "tanda.",
        "The row's amount is negative (a correction or refund) and lowers the total. Make sure it is a correction, "
          + "not a wrong sign.")
    // Across files (CONTRACT §7, plan against realization).
    case .copy:
      return Entry(
        .warning, "Salinan berkas", "Copy",
        "Berkas ini salinan persis berkas lain (sha256 sama) dan hanya dibaca sekali. Hapus salinannya dari folder.",
        "The file is an exact copy of another (the same sha256) and is read once. Remove the copy from the folder."
      )
    case .superseded:
      return Entry(
        .warning, "Tarikan lama", "Superseded",
        "Ada tarikan yang lebih baru dari dataset, cakupan dan tahun yang sama; baris berkas ini dikecualikan (excluded) "
          + "sebagai superseded. Hapus tarikan lamanya.",
        "A newer pull of the same dataset, scope and year counts; this file's rows are excluded as superseded. "
          + "Remove the older pull.")
    case .countedElsewhere:
      return Entry(
        .warning, "Dihitung di berkas lain", "Counted elsewhere",
        "Paket berkas ini juga ada di berkas yang didahulukan (hasil sebelum kontrak, tarikan lebih baru), yang "
          + "menghitungnya; barisnya di sini dikecualikan sebagai duplicate.",
        "Packages of this file are also in a file that ranks first (results before contracts, the newer pull), which "
          + "counts them; their rows here are excluded as duplicate.")
    case .duplicateRows:
      return Entry(
        .warning, "Baris berulang", "Duplicate rows",
        "Baris yang sama persis dengan baris sebelumnya dikecualikan (excluded) sebagai duplicate dan dihitung sekali. "
          + "Hapus ulangannya.",
        "Rows identical to an earlier row are excluded as duplicate and counted once. Remove the repeats.")
    case .realizationNotInPlan:
      return Entry(
        .warning, "Realisasi di luar rencana", "Realization not in plan",
        "Baris realisasi menyebut kode RUP yang tidak ada di rencana mana pun. Periksa kode RUP-nya, atau tambahkan "
          + "paketnya ke RUP.",
        "Realization lines name RUP codes that no plan holds. Check the codes, or add the packages to the RUP."
      )
    case .opdNotInPlan:
      return Entry(
        .warning, "OPD tanpa rencana", "OPD not in plan",
        "OPD punya realisasi tetapi tidak punya rencana di antara masukan. Tambahkan RUP OPD itu.",
        "The OPD has realization but no plan among the inputs. Add its RUP.")
    // The policy.
    case .ruleFailed:
      return Entry(
        .error, "Aturan wajib gagal", "Mandatory rule failed",
        "Pangsa PDN, UMK-K atau lokal sebuah OPD atau kabupaten di bawah minimum aturan wajib kebijakan. Lihat "
          + "p3dn check --opd untuk kekurangannya dan baris yang menutupnya.",
        "The PDN, UMK-K or local share of an OPD or the district is below the minimum of a mandatory rule of the "
          + "policy. See p3dn check --opd for the gap and the lines that close it.")
    case .ruleUndetermined:
      return Entry(
        .error, "Aturan wajib belum pasti", "Mandatory rule undetermined",
        "Baris yang klasifikasinya tidak diketahui menentukan apakah aturan wajib terpenuhi. Lengkapi penanda PDN, "
          + "UMK atau daftar penyedia (--vendors) untuk baris itu.",
        "The lines whose classification is unknown decide whether a mandatory rule is met. Complete their PDN or UMK "
          + "flags or the vendor list (--vendors).")
    }
  }
}
