/// The details of ``ReadError/badXLSX(path:detail:)``: why a workbook cannot be read.
enum XLSXProblem {
  static let notZip = LocalizedText(
    id: "berkas ini bukan arsip ZIP (berkas .xlsx adalah arsip ZIP)",
    en: "the file is not a ZIP archive (an .xlsx file is one)")

  static let noSheets = LocalizedText(
    id: "buku kerja tidak memiliki lembar", en: "the workbook has no sheets")

  static func noWorkbook(_ part: String) -> LocalizedText {
    LocalizedText(
      id: "arsip tidak memuat \(part), jadi bukan buku kerja Excel",
      en: "the archive holds no \(part), so it is not an Excel workbook")
  }

  static func missingPart(_ part: String) -> LocalizedText {
    LocalizedText(id: "bagian \(part) tidak ada di dalam arsip", en: "the archive has no part \(part)")
  }

  static func sheetWithoutPart(_ name: String) -> LocalizedText {
    LocalizedText(
      id: "buku kerja tidak menyebut bagian mana yang memuat lembar \"\(name)\"",
      en: "the workbook does not say which part holds sheet \"\(name)\"")
  }

  static func damagedPart(_ part: String, _ reason: String) -> LocalizedText {
    LocalizedText(
      id: "data terkompresi bagian \(part) rusak (\(reason))",
      en: "the compressed data of part \(part) is damaged (\(reason))")
  }

  static func malformed(_ part: String, line: Int, _ what: LocalizedText) -> LocalizedText {
    LocalizedText(
      id: "XML bagian \(part) tidak sah di baris \(line): \(what.id)",
      en: "the XML of part \(part) is malformed at line \(line): \(what.en)")
  }

  static func sharedStringIndex(cell: String, index: String, count: Int) -> LocalizedText {
    LocalizedText(
      id:
        "sel \(cell) merujuk teks bersama nomor \(index), padahal hanya ada \(count) (nomor 0 sampai \(count - 1))",
      en:
        "cell \(cell) refers to shared string \(index), but there are only \(count) (numbers 0 to \(count - 1))"
    )
  }

  static func badCellReference(_ reference: String, part: String) -> LocalizedText {
    LocalizedText(
      id: "referensi sel \"\(reference)\" di bagian \(part) berada di luar lembar (kolom terakhir XFD)",
      en:
        "the cell reference \"\(reference)\" in part \(part) lies outside the sheet (the last column is XFD)")
  }

  static func utf16Part(_ part: String) -> LocalizedText {
    LocalizedText(
      id: "bagian \(part) berenkode UTF-16, yang tidak didukung",
      en: "part \(part) is UTF-16 encoded, which is not supported")
  }
}
