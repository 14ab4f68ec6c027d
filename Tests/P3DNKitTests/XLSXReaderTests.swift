import Foundation
import Testing

@testable import P3DNKit

/// The test workbooks, committed in `Fixtures/xlsx/reader/`: `scripts/make-xlsx-fixtures.py`
/// writes them with `scripts/make-test-workbooks.py` and `scripts/make-large-workbook.py`.
private enum Workbooks {
  static let folder = Support.fixture("xlsx/reader")

  /// Every workbook the tests read.
  static let names = [
    "values.xlsx", "values-inline.xlsx", "hand.xlsx", "hand-1904.xlsx", "sipd.xlsx", "two-sheets.xlsx",
    "date1904.xlsx", "not-a-zip.xlsx", "no-workbook.xlsx", "bad-shared-index.xlsx", "bad-xml.xlsx",
    "many-inline.xlsx", "many-shared.xlsx",
  ]

  static func path(_ name: String) -> String { folder + "/" + name }

  /// Every record of a sheet: its line and its cells, as written (not trimmed).
  static func records(_ reader: XLSXSheetReader) throws -> [Record] {
    var records: [Record] = []
    while try reader.next() {
      records.append(
        Record(
          line: reader.line,
          cells: (0..<reader.fieldCount).map { String(decoding: reader.cell($0), as: UTF8.self) }))
    }
    return records
  }

  static func records(_ name: String, sheet: String? = nil) throws -> [Record] {
    try records(try XLSXWorkbook(path: path(name)).openSheet(named: sheet))
  }

  /// The error thrown by `body`, if it throws a ``ReadError``.
  static func readError(_ body: () throws -> Void) -> ReadError? {
    do {
      try body()
      return nil
    } catch let error as ReadError {
      return error
    } catch {
      return nil
    }
  }
}

private struct Record: Equatable, CustomStringConvertible {
  let line: Int
  let cells: [String]

  var description: String { "\(line): \(cells)" }
}

/// Bytes handed to a tokenizer a few at a time, to cross every token boundary.
private final class ChunkedBytes: XMLByteSource {
  private let bytes: [UInt8]
  private let chunk: Int
  private var offset = 0

  init(_ text: String, chunk: Int) {
    bytes = Array(text.utf8)
    self.chunk = chunk
  }

  func read(into buffer: GrowableBytes) throws(ReadError) -> Bool {
    guard offset < bytes.count else { return false }
    let end = min(offset + chunk, bytes.count)
    bytes[offset..<end].withUnsafeBufferPointer { buffer.append($0) }
    offset = end
    return true
  }

  func cancel() {}
}

@Suite("XLSX reader")
struct XLSXReaderTests {
  @Test func theWorkbooksAreCommitted() {
    for name in Workbooks.names {
      #expect(FileManager.default.fileExists(atPath: Workbooks.path(name)), "\(name)")
    }
    #expect(!FileManager.default.fileExists(atPath: Workbooks.path("absent.xlsx")))
  }

  // MARK: Values written by openpyxl

  @Test func sharedStringsRichTextAndEntities() throws {
    let records = try Workbooks.records("values.xlsx")
    #expect(
      records.first
        == Record(
          line: 1, cells: ["Kode", "Belanja Alat Tulis Kantor", "A & B <c> \"d\"", "  spasi  ", "Kode"]))
  }

  @Test func numbersAreExactDecimalText() throws {
    let records = try Workbooks.records("values.xlsx")
    #expect(
      records.count > 1
        && records[1]
          == Record(line: 2, cells: ["42", "-7", "0", "1336777027.98", "0.1", "-12.5", "1500000"])
    )
  }

  @Test func datesWithADateFormat() throws {
    let records = try Workbooks.records("values.xlsx")
    // A3 a date; B3 and C3 datetimes; D3 1900-03-01 (serial 61); E3 `[$-421]dd mmmm yyyy`
    // is a date; F3 `[h]:mm:ss` a duration, G3 quoted "days" and H3 `[Red]` are numbers.
    #expect(
      records.count > 2
        && records[2]
          == Record(
            line: 3,
            cells: [
              "2025-03-12", "2025-03-12 12:00:00", "2024-12-31 08:30:15", "1900-03-01", "2025-03-12", "45728",
              "45728", "45728.25",
            ])
    )
  }

  @Test func booleansGapsAndMissingRows() throws {
    let records = try Workbooks.records("values.xlsx")
    #expect(records.count == 6)
    guard records.count == 6 else { return }
    #expect(records[3] == Record(line: 4, cells: ["TRUE", "FALSE"]))
    // A5, C5 and F5: B5, D5 and E5 are empty.
    #expect(records[4] == Record(line: 5, cells: ["a", "", "c", "", "", "5"]))
    // Row 6 is absent; D7 is a formula without a cached value.
    #expect(records[5] == Record(line: 7, cells: ["", "", "", "", "", "", "", "", "", "j"]))
  }

  @Test func inlineStringsFromOpenpyxlReadTheSame() throws {
    let shared = try Workbooks.records("values.xlsx")
    let inline = try Workbooks.records("values-inline.xlsx")
    #expect(!shared.isEmpty)
    #expect(inline == shared)
  }

  // MARK: A hand-written workbook

  @Test func handWrittenSheet() throws {
    let records = try Workbooks.records("hand.xlsx")
    let expected = [
      Record(
        line: 1,
        cells: [
          "Teks sebaris", "Belanja Modal", "A & B <> \"' éé \r A", "Dua Tiga", "baris\rbaru &#233; é_x000D_",
          "",
        ]),
      Record(line: 2, cells: ["1500", "0.0025", "0", "100000000000000000000", "7.5", "1336777027.98"]),
      Record(line: 3, cells: ["ab\r", "#N/A", "2025-03-12T00:00:00", "TRUE", "FALSE", "1500.0025"]),
      Record(
        line: 4, cells: ["2025-03-12", "2025-03-12 12:00:00", "1900-02-29", "1900-03-01", "45728", "45728"]),
      Record(line: 5, cells: ["tanpa r", "2", "", "", "5", "6"]),
      Record(line: 7, cells: []),
      Record(line: 8, cells: ["", "", ""]),
      Record(line: 9, cells: ["<tidak & diurai>"]),
    ]
    #expect(records == expected)
  }

  @Test func recordSourceProperties() throws {
    let reader = try XLSXWorkbook(path: Workbooks.path("hand.xlsx")).openSheet(named: nil)
    #expect(reader.encoding == .utf8)
    #expect(!reader.checksFieldCount)
    #expect(reader.sheetName == "Tangan")
    #expect(try reader.next())
    #expect(reader.cell(-1).isEmpty && reader.cell(6).isEmpty && reader.cell(100).isEmpty)
    #expect(reader.text(0) == "Teks sebaris")
    for _ in 0..<5 { _ = try reader.next() }
    // Row 7 has no cells and row 8 only empty ones: both are blank records.
    #expect(reader.line == 7 && reader.fieldCount == 0 && reader.isBlank)
    #expect(try reader.next())
    #expect(reader.line == 8 && reader.fieldCount == 3 && reader.isBlank)
    #expect(try reader.next())
    #expect(try !reader.next())
    #expect(try !reader.next())
  }

  // MARK: A SIPD realisation export

  @Test func sipdExport() throws {
    let records = try Workbooks.records("sipd.xlsx")
    #expect(records.map(\.line) == [1, 2, 4, 5, 6, 7])
    guard records.count == 6 else { return }
    #expect(records[0].cells == ["LAPORAN REALISASI PER DOKUMEN"])
    #expect(records[1].cells == ["PEMERINTAH KABUPATEN BANDUNG"])
    #expect(
      records[2].cells == [
        "Kode SKPD", "Nama SKPD", "Kode Sub SKPD", "Nama Sub SKPD", "Kode Rekening", "Nama Rekening",
        "Nomor Dokumen", "Jenis Dokumen", "Jenis Transaksi", "Tanggal Dokumen", "Keterangan Dokumen",
        "Nilai Realisasi", "Nilai Setoran", "Tanggal Transfer", "Nilai SP2D",
      ])
    #expect(
      records[3].cells == [
        "1.01.2.19.0.00.01.0000", "Dinas Pendidikan", "1.01.2.19.0.00.01.0001", "Dinas Pendidikan",
        "5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", "00012/SPM-LS/1.01/2025", "SPM", "LS", "2025-03-12",
        "Pembelian kertas & tinta", "1500000", "0", "2025-03-14", "1500000",
      ])
    #expect(
      records[4].cells == [
        "1.02.0.00.0.00.01.0000", "Dinas Kesehatan", "1.02.0.00.0.00.01.0001", "Dinas Kesehatan",
        "5.1.02.02.01.0003", "Belanja Jasa Pendukung Pelayanan Administrasi", "00013/SPM-LS/1.02/2025", "SPM",
        "LS", "2025-04-01", "Honor tenaga administrasi", "2750000.5", "137500.25", "2025-04-03", "2612500.25",
      ])
    // K7, M7 and N7 are empty; the last cell is O7.
    #expect(
      records[5].cells == [
        "4.01.0.00.0.00.01.0000", "Sekretariat Daerah", "4.01.0.00.0.00.01.0001", "Bagian Umum",
        "5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", "00014/SPM-GU/4.01/2025", "SPM", "GU", "2025-04-30",
        "",
        "1336777027.98", "", "", "1336777027.98",
      ])
  }

  // MARK: Sheets

  @Test func twoSheets() throws {
    let workbook = try XLSXWorkbook(path: Workbooks.path("two-sheets.xlsx"))
    #expect(workbook.sheetNames == ["Ringkasan", "Data Rinci"])
    #expect(
      try Workbooks.records(workbook.openSheet(named: nil)) == [Record(line: 1, cells: ["Ringkasan", "1"])])
    #expect(
      try Workbooks.records(workbook.openSheet(named: "Data Rinci"))
        == [Record(line: 1, cells: ["Rinci"]), Record(line: 2, cells: ["2", "dua"])])
    // Two readers of one workbook at once, one of them left unfinished.
    let first = try workbook.openSheet(named: "Ringkasan")
    let second = try workbook.openSheet(named: "Data Rinci")
    #expect(try first.next() && second.next())
    #expect(first.text(0) == "Ringkasan" && second.text(0) == "Rinci")
  }

  @Test func anUnknownSheetNamesTheSheets() throws {
    let path = Workbooks.path("two-sheets.xlsx")
    let workbook = try XLSXWorkbook(path: path)
    let error = Workbooks.readError { _ = try workbook.openSheet(named: "Rekap") }
    #expect(error == .noSuchSheet(path: path, name: "Rekap", sheets: ["Ringkasan", "Data Rinci"]))
    #expect(
      error?.message(.en)
        == "\(path): there is no sheet named \"Rekap\"; the sheets are: \"Ringkasan\", \"Data Rinci\"."
        + " Choose one with --sheet.")
    #expect(
      error?.message(.id)
        == "\(path): tidak ada lembar bernama \"Rekap\"; lembar yang ada: \"Ringkasan\", \"Data Rinci\"."
        + " Pilih salah satu dengan --sheet.")
  }

  // MARK: The 1904 date system

  @Test func dates1904FromOpenpyxl() throws {
    let workbook = try XLSXWorkbook(path: Workbooks.path("date1904.xlsx"))
    #expect(workbook.uses1904Dates)
    // 2025-03-12 is serial 44266 from 1904-01-01; 1904-01-02 06:00 is 1.25.
    #expect(
      try Workbooks.records(workbook.openSheet(named: nil))
        == [Record(line: 1, cells: ["2025-03-12", "1904-01-02 06:00:00"])])
  }

  @Test func dates1904WrittenAsTrue() throws {
    #expect(
      try Workbooks.records("hand-1904.xlsx") == [
        Record(line: 1, cells: ["1904-01-01", "2025-03-12 18:00:00"])
      ])
  }

  // MARK: Files that cannot be read

  @Test func notAZipArchive() {
    let path = Workbooks.path("not-a-zip.xlsx")
    #expect(
      Workbooks.readError { _ = try XLSXWorkbook(path: path) }
        == .badXLSX(
          path: path,
          detail: LocalizedText(
            id: "berkas ini bukan arsip ZIP (berkas .xlsx adalah arsip ZIP)",
            en: "the file is not a ZIP archive (an .xlsx file is one)")))
  }

  @Test func aZipArchiveWithoutAWorkbook() {
    let path = Workbooks.path("no-workbook.xlsx")
    #expect(
      Workbooks.readError { _ = try XLSXWorkbook(path: path) }
        == .badXLSX(
          path: path,
          detail: LocalizedText(
            id: "arsip tidak memuat xl/workbook.xml, jadi bukan buku kerja Excel",
            en: "the archive holds no xl/workbook.xml, so it is not an Excel workbook")))
  }

  @Test func aMissingFile() {
    let path = Workbooks.path("absent.xlsx")
    guard case .cannotOpen(let errorPath, _) = Workbooks.readError({ _ = try XLSXWorkbook(path: path) })
    else {
      Issue.record("expected cannotOpen")
      return
    }
    #expect(errorPath == path)
  }

  @Test func aSharedStringIndexOutOfRange() throws {
    let path = Workbooks.path("bad-shared-index.xlsx")
    let reader = try XLSXWorkbook(path: path).openSheet(named: nil)
    #expect(try reader.next())
    #expect(reader.text(0) == "Satu")
    #expect(
      Workbooks.readError { _ = try reader.next() }
        == .badXLSX(
          path: path,
          detail: LocalizedText(
            id: "sel C2 merujuk teks bersama nomor 4, padahal hanya ada 4 (nomor 0 sampai 3)",
            en: "cell C2 refers to shared string 4, but there are only 4 (numbers 0 to 3)")))
    #expect(try !reader.next())
  }

  @Test func malformedSheetXMLNamesThePartAndLine() throws {
    let path = Workbooks.path("bad-xml.xlsx")
    let reader = try XLSXWorkbook(path: path).openSheet(named: nil)
    #expect(try reader.next())
    #expect(reader.text(0) == "1")
    #expect(
      Workbooks.readError { _ = try reader.next() }
        == .badXLSX(
          path: path,
          detail: LocalizedText(
            id: "XML bagian xl/worksheets/sheet1.xml tidak sah di baris 4: </row> tidak menutup <c>",
            en: "the XML of part xl/worksheets/sheet1.xml is malformed at line 4: </row> does not close <c>"))
    )
  }

  // MARK: Streaming through the inflating thread

  @Test func aWorkbookOfManyChunks() throws {
    // 3000 rows, as inline strings and as shared strings: 2.2 MB and 1.3 MB of sheet XML,
    // so the part arrives in several chunks of 256 KiB.
    for name in ["many-inline.xlsx", "many-shared.xlsx"] {
      let path = Workbooks.path(name)
      #expect(FileManager.default.fileExists(atPath: path))
      let reader = try XLSXWorkbook(path: path).openSheet(named: nil)
      var lines: [Int] = []
      var amounts = 0
      var dates = 0
      while try reader.next() {
        lines.append(reader.line)
        #expect(reader.fieldCount == 12)
        if reader.line == 1 {
          #expect(reader.text(0) == "Kode SKPD" && reader.text(11) == "Nilai SP2D")
          continue
        }
        if case .value = AmountParser.parse(reader.text(8)) { amounts += 1 }
        let date = Array(reader.text(6).utf8)
        if date.count == 10 && date[4] == UInt8(ascii: "-") && date[7] == UInt8(ascii: "-") { dates += 1 }
        #expect(reader.text(5).count == 2)
      }
      #expect(lines == Array(1...3001))
      #expect(amounts == 3000 && dates == 3000)
    }
  }

  @Test func aReaderLeftUnfinishedStopsItsThread() throws {
    let workbook = try XLSXWorkbook(path: Workbooks.path("sipd.xlsx"))
    for _ in 0..<50 {
      let reader = try workbook.openSheet(named: nil)
      #expect(try reader.next())
    }
    #expect(try Workbooks.records(workbook.openSheet(named: nil)).count == 6)
  }

  // MARK: The tokenizer across chunk boundaries

  @Test(arguments: [1, 2, 3, 5, 8, 13, 64, 1 << 20])
  func tokensDoNotDependOnChunks(chunk: Int) throws {
    let xml = """
      \u{FEFF}<?xml version="1.0"?>
      <!DOCTYPE x [ <!ELEMENT x ANY> ]>
      <x:root xmlns:x="urn:x" a='1' b = "&lt;2&gt;">
        <!-- a comment -- with dashes -->
        <x:row r="1"><c r="A1"><v>1&amp;2</v></c><c/><?pi data?></x:row>
        <t><![CDATA[<&>]]>&#x1F600;&#233;</t>
      </x:root>

      """
    let tokenizer = XMLTokenizer(source: ChunkedBytes(xml, chunk: chunk), path: "test", part: "part.xml")
    var trace: [String] = []
    while true {
      let token = try tokenizer.next()
      switch token {
      case .start:
        var item = "<" + String(decoding: tokenizer.name, as: UTF8.self)
        for name in ["a", "b", "r"] as [StaticString] {
          if let value = tokenizer.attributeString(name) { item += " \(name)=\(value)" }
        }
        trace.append(item + (tokenizer.selfClosing ? "/>" : ">"))
      case .end:
        trace.append("</" + String(decoding: tokenizer.name, as: UTF8.self) + ">")
      case .text:
        let text = GrowableBytes()
        tokenizer.appendText(to: text)
        let decoded = String(decoding: text.bytes(0, text.count), as: UTF8.self)
        if !decoded.allSatisfy(\.isWhitespace) { trace.append(decoded) }
      case .endOfDocument:
        trace.append("end")
      }
      if token == .endOfDocument { break }
    }
    #expect(
      trace == [
        "<root a=1 b=<2>>", "<row r=1>", "<c r=A1>", "<v>", "1&2", "</v>", "</c>", "<c/>", "</row>", "<t>",
        "<&>", "😀é", "</t>", "</root>", "end",
      ])
  }

  @Test(arguments: [
    ("<a><b></a>", 1, "</a> does not close <b>"),
    ("<a>\n<b>\n</b>\n", 4, "the part ends before <a> is closed"),
    ("<a x=1/>", 1, "an attribute value without quotes"),
    ("<a x='1'y='2'/>", 1, "attributes not separated by white space"),
    ("<a/>\n<b/>", 2, "an element follows the root element"),
    ("text<a/>", 1, "there is text outside the root element"),
    ("<a><b c=\"1\"", 1, "the part ends inside a tag"),
    ("", 1, "the part holds no XML element"),
    ("<a x='<'/>", 1, "`<` inside an attribute value"),
  ])
  func malformedXML(xml: String, line: Int, problem: String) {
    let tokenizer = XMLTokenizer(source: ChunkedBytes(xml, chunk: 3), path: "f.xlsx", part: "p.xml")
    let error = Workbooks.readError {
      while try tokenizer.next() != .endOfDocument {}
    }
    guard case .badXLSX(let path, let detail) = error else {
      Issue.record("expected badXLSX for \(xml)")
      return
    }
    #expect(path == "f.xlsx")
    #expect(detail.en == "the XML of part p.xml is malformed at line \(line): \(problem)")
  }

  // MARK: Conversions

  @Test(arguments: [
    ("1336777027.98", "1336777027.98"), ("1.5E+3", "1500"), ("2.5e-3", "0.0025"), ("-0", "0"),
    ("1E+20", "100000000000000000000"), ("42", "42"), ("-7", "-7"), ("0", "0"), ("0.1", "0.1"),
    ("007.50", "7.5"), ("-0.0", "0"), (".5", "0.5"), ("5.", "5"), ("1.23E-5", "0.0000123"),
    ("-1.5E+3", "-1500"), ("1.2345E+2", "123.45"), ("+3", "3"), ("12E-1", "1.2"), ("1E0", "1"),
    ("9.999999999999999E+22", "99999999999999990000000"), ("0.30000000000000004", "0.3"),
    ("-0.5", "-0.5"), ("1.0", "1"), ("100", "100"), ("4.35E-2", "0.0435"), ("1.5E+0003", "1500"),
    ("-2.5E-1", "-0.25"), (" 12 ", "12"), ("0E+5", "0"),
    // Beyond 15 significant digits with a fraction: the noise of a binary double, rounded.
    ("9668105.039999999", "9668105.04"), ("8934815.710000001", "8934815.71"),
    ("-9191439.689999999", "-9191439.69"),
    ("0.9999999999999999", "1"), ("123456789012345678.5", "123456789012345679"), ("1.00000000000000001", "1"),
    ("0.000012345678901234567", "0.0000123456789012346"), ("1234567.125", "1234567.125"),
    ("3201234567890123", "3201234567890123"), ("12345678901234.56", "12345678901234.6"),
    // Not numbers: kept as they are.
    ("abc", "abc"), ("", ""), ("1e", "1e"), ("1E+99999", "1E+99999"), ("--1", "--1"), ("1.2.3", "1.2.3"),
    ("NaN", "NaN"), ("1,5", "1,5"),
  ])
  func numberLiterals(literal: String, plain: String) {
    #expect(XLSXNumberText.plain(literal) == plain)
  }

  @Test(arguments: [
    ("45728", "2025-03-12"), ("60", "1900-02-29"), ("61", "1900-03-01"), ("1", "1900-01-01"),
    ("59", "1900-02-28"), ("45728.5", "2025-03-12 12:00:00"), ("45657.35434027778", "2024-12-31 08:30:15"),
    ("25569", "1970-01-01"), ("36526", "2000-01-01"), ("2958465", "9999-12-31"), ("4.5728E+4", "2025-03-12"),
    ("45728.99999999", "2025-03-13"), ("45728.000005", "2025-03-12"),
    ("45728.00000579", "2025-03-12 00:00:01"),
    ("45728.75", "2025-03-12 18:00:00"), ("0", "1899-12-31"), ("0.5", "1899-12-31 12:00:00"),
    ("59.999999999", "1900-02-29"),
  ])
  func serialDates1900(serial: String, text: String) {
    #expect(XLSXSerialDate.text(serial) == text)
  }

  @Test(arguments: [
    ("0", "1904-01-01"), ("44266", "2025-03-12"), ("1.25", "1904-01-02 06:00:00"), ("1462", "1908-01-02"),
  ])
  func serialDates1904(serial: String, text: String) {
    #expect(XLSXSerialDate.text(serial, date1904: true) == text)
  }

  @Test(arguments: ["2958466", "-1", "-0.5", "abc", "", "1E+9"])
  func serialsThatAreNoDates(serial: String) {
    #expect(XLSXSerialDate.text(serial) == nil)
  }

  @Test(arguments: [
    ("yyyy-mm-dd", true), ("dd/mm/yyyy", true), ("[$-421]dd mmmm yyyy", true), ("h:mm AM/PM", true),
    ("mm:ss", true), ("[$-F800]dddd, mmmm dd, yyyy", true), ("DD-MM-YYYY", true), ("d-mmm", true),
    ("[h]:mm:ss", false), ("[mm]:ss", false), ("[SS]", false), ("#,##0 \"days\"", false),
    ("[Red]#,##0.00", false), ("General", false), ("0.00", false), ("\"Rp\"#,##0.00", false),
    ("0.00_);[Red]\\(0.00\\)", false), ("#,##0\\ \\d", false), ("[$Rp-421]#,##0", false), ("@", false),
    ("0.00E+00", false), ("#,##0_s", false), ("* #,##0", false),
    ("_-* #,##0_-;-* #,##0_-;_-* \"-\"_-;_-@_-", false), ("_-[$Rp-421]* #,##0.00_-", false),
  ])
  func dateFormatCodes(code: String, isDate: Bool) {
    #expect(XLSXNumberFormat.isDate(formatCode: code) == isDate)
  }

  @Test(arguments: [
    (14, true), (22, true), (27, true), (36, true), (45, true), (46, false), (47, true), (50, true),
    (58, true),
    (0, false), (2, false), (23, false), (37, false), (49, false), (59, false), (164, false),
  ])
  func builtInDateFormats(id: Int, isDate: Bool) {
    #expect(XLSXNumberFormat.isBuiltInDate(id) == isDate)
  }

  @Test(arguments: [
    ("_x000D_", "\r"), ("a_x0041_b", "aAb"), ("_x005F_x000D_", "_x000D_"), ("_xD83D__xDE00_", "😀"),
    ("_xD83D_", "\u{FFFD}"), ("_x00e9_", "é"), ("_x00G9_", "_x00G9_"), ("_x41_", "_x41_"), ("plain", "plain"),
  ])
  func stringEscapes(escaped: String, text: String) {
    let bytes = GrowableBytes()
    bytes.append("[")
    var escaped = escaped
    escaped.withUTF8 { bytes.append($0) }
    XMLText.decodeEscapes(in: bytes, from: 1)
    #expect(String(decoding: bytes.bytes(1, bytes.count), as: UTF8.self) == text)
  }

  @Test(arguments: [
    ("A1", 0), ("C7", 2), ("Z9", 25), ("AA1", 26), ("XFD1048576", 16_383), ("c3", 2),
  ])
  func cellColumns(reference: String, column: Int) {
    var reference = reference
    #expect(reference.withUTF8 { XLSXSheetReader.column(of: $0) } == column)
  }

  @Test func packagePaths() {
    #expect(
      XLSXRelationships.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml")
        == "xl/worksheets/sheet1.xml")
    #expect(
      XLSXRelationships.resolve("/xl/worksheets/sheet1.xml", from: "xl/workbook.xml")
        == "xl/worksheets/sheet1.xml")
    #expect(XLSXRelationships.resolve("../xl/./styles.xml", from: "xl/workbook.xml") == "xl/styles.xml")
    #expect(XLSXRelationships.resolve("xl/workbook.xml", from: "") == "xl/workbook.xml")
    #expect(XLSXRelationships.relationshipsPart(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
    #expect(XLSXRelationships.relationshipsPart(of: "workbook.xml") == "_rels/workbook.xml.rels")
  }
}
