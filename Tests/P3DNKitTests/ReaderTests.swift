import Foundation
import Testing

@testable import P3DNKit

@Suite("Reader: the traps of FORMATS.md")
struct ReaderTests {
  static let bufferSizes = [16, 17, 64, 1 << 20]

  @Test("RFC 4180 quotes, delimiters and newlines inside quotes", arguments: bufferSizes)
  func rfcQuoting(bufferSize: Int) throws {
    let path = Support.temporaryFile("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n")
    let rows = try Support.records(path: path, dialect: CSVDialect(), bufferSize: bufferSize)
    #expect(rows == [["a", "b", "c"], ["x,1", "say \"hi\"", "two\nlines"], ["", "", ""]])
  }

  @Test("backslash-escaped quotes and literal \\r\\n text", arguments: bufferSizes)
  func backslashQuoting(bufferSize: Int) throws {
    let text = #"a,b,c"# + "\n" + #"1,"bedas \"tertib, adminduk\" ok","x\r\ny\""# + "\"\n"
    let path = Support.temporaryFile(text)
    let sample = Array(text.utf8)
    let escape = sample.withUnsafeBufferPointer {
      DialectSniffer.escape(in: $0, delimiter: UInt8(ascii: ","))
    }
    #expect(escape == .backslash)
    let rows = try Support.records(
      path: path, dialect: CSVDialect(escape: .backslash), bufferSize: bufferSize)
    #expect(rows == [["a", "b", "c"], ["1", "bedas \"tertib, adminduk\" ok", #"x\r\ny""#]])
  }

  @Test("a file of doubled quotes with literal \\r\\n text is not taken for backslash style")
  func literalBackslashIsNotEvidence() {
    let text = "a,b\n1,\"<p>satu\\r\\n</p>\"\n2,\"kata \"\"kutip\"\" di sini\\r\\n\"\n"
    let escape = Array(text.utf8).withUnsafeBufferPointer {
      DialectSniffer.escape(in: $0, delimiter: UInt8(ascii: ","))
    }
    #expect(escape == .doubled)
  }

  @Test("CRLF, lone CR and LF line ends; the physical line of each record", arguments: bufferSizes)
  func lineEnds(bufferSize: Int) throws {
    let path = Support.temporaryFile("h1;h2\r\n1;\"a\r\nb\"\r\n2;c\r3;d\n")
    let reader = CSVFileReader(
      input: try FileBytes(path: path), dialect: CSVDialect(delimiter: UInt8(ascii: ";")),
      bufferSize: bufferSize)
    var lines: [Int] = []
    var second: [String] = []
    while try reader.next() {
      lines.append(reader.line)
      if reader.line == 2 { second = [reader.text(0), reader.text(1)] }
    }
    #expect(lines == [1, 2, 4, 5])
    #expect(second == ["1", "a\r\nb"])
  }

  @Test("an unclosed quote is an error naming its line")
  func unterminatedQuote() throws {
    let path = Support.temporaryFile("a,b\n1,2\n3,\"open\n4,5\n")
    #expect(throws: ReadError.unterminatedQuote(path: path, line: 3)) {
      _ = try Support.records(path: path, dialect: CSVDialect(), bufferSize: 32)
    }
  }

  @Test("Windows-1252 is detected and decoded losslessly")
  func windows1252() throws {
    // "Café – 45°" in Windows-1252, plus the undefined byte 0x81.
    let bytes: [UInt8] =
      Array("kode_opd;uraian;nilai\r\n1;Caf".utf8) + [0xE9, 0x20, 0x96, 0x20]
      + Array("45".utf8) + [0xB0, 0x81] + Array(";1.000\r\n".utf8)
    let detected = bytes.withUnsafeBufferPointer {
      DialectSniffer.encoding(of: $0, isWholeFile: true)
    }
    #expect(detected?.0 == .windows1252)
    let path = Support.temporaryFile(bytes)
    let rows = try Support.records(
      path: path,
      dialect: CSVDialect(delimiter: UInt8(ascii: ";"), encoding: .windows1252), bufferSize: 64)
    #expect(rows[1][1] == "Café – 45°\u{81}")
  }

  @Test("a UTF-8 byte order mark is skipped; UTF-16 is refused")
  func byteOrderMarks() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let path = Support.temporaryFile(bom + Array("kode_opd,tahap,nilai\n1.01,rencana,5\n".utf8))
    let report = try Support.audit([path], year: 2022)
    #expect(report.district.plan?.total == m("5"))
    let utf16 = Support.temporaryFile([0xFF, 0xFE] + Array("k\0".utf8))
    #expect(throws: AuditError.read(.utf16(path: utf16))) { try Support.audit([utf16], year: 2022) }
  }

  @Test("UTF-8 sample cut in the middle of a character is still UTF-8")
  func truncatedSample() {
    let bytes = Array("nilai é".utf8).dropLast()
    let valid = Array(bytes).withUnsafeBufferPointer {
      TextDecoding.isValidUTF8($0, mayBeTruncated: true)
    }
    #expect(valid)
  }

  @Test("delimiter detection: comma, semicolon, tab", arguments: [",", ";", "\t"])
  func delimiters(_ delimiter: String) throws {
    let text =
      ["kode_opd", "tahap", "uraian", "nilai"].joined(separator: delimiter) + "\n"
      + ["1.01.0.00.0.00.01.0000", "rencana", "\"ATK, kertas; map\"", "\"1.500\""].joined(
        separator: delimiter) + "\n"
    let report = try Support.audit([Support.temporaryFile(text)], year: 2022)
    #expect(report.district.plan?.total == m("1500"))
    #expect(report.inputs[0].rows == 1)
  }

  @Test("title rows above the header, blank lines and `;;;;` rows are not rows")
  func titleRowsAndBlanks() throws {
    let text = """
      LAPORAN BELANJA;;;
      DINAS KESEHATAN TA 2022;;;

      kode_opd;tahap;uraian;nilai
      1.02.0.00.0.00.02.0000;realisasi;ATK;1.000
      ;;;

         ;  ; ;
      1.02.0.00.0.00.02.0000;realisasi;Makan minum;2.000

      """
    let report = try Support.audit([Support.temporaryFile(text)], year: 2022)
    let input = try #require(report.inputs.first)
    #expect(input.rows == 2)
    #expect(input.included == 2)
    #expect(report.district.realization?.total == m("3000"))
  }

  @Test("a row with the wrong number of fields is rejected ragged-row with its line")
  func raggedRow() throws {
    let text = "kode_opd,tahap,nilai\n1.01,rencana,5\n1.01,rencana,5,extra\n1.01,rencana\n"
    let path = Support.temporaryFile(text)
    let report = try Support.audit([path], year: 2022)
    #expect(report.inputs[0].count(.raggedRow) == 2)
    #expect(report.rejected.map(\.line) == [3, 4])
    #expect(report.rejected.allSatisfy { $0.code == .raggedRow && $0.column == nil })
  }

  @Test("JSON arrays: numbers as literal text, escapes, null, booleans, nested values")
  func jsonArrays() throws {
    let text = """
      [
       {"kd_satker_str": "1.02.0.00.0.00.02.0000", "pagu": 1336777027.98, "nama_paket": "A \\"B\\" \\u00e9\\ud83d\\ude00",
        "status_delete_rup": false, "extra": {"a": [1, "]"]}, "nilai_null": null},
       {"pagu": 0.1, "kd_satker_str": "x", "nama_paket": null}
      ]
      """
    let path = Support.temporaryFile(text, name: "x.json")
    for size in [16, 1 << 20] {
      let reader = JSONArrayReader(
        input: try FileBytes(path: path), bufferSize: size,
        columns: ["kd_satker_str", "pagu", "nama_paket", "status_delete_rup", "extra", "nilai_null"])
      var rows: [[String]] = []
      var lines: [Int] = []
      while try reader.next() {
        rows.append((0..<reader.fieldCount).map { reader.text($0) })
        lines.append(reader.line)
      }
      #expect(
        rows[0] == [
          "1.02.0.00.0.00.02.0000", "1336777027.98", "A \"B\" é😀", "false", #"{"a": [1, "]"]}"#, "",
        ])
      #expect(rows[1] == ["x", "0.1", "", "", "", ""])
      #expect(lines == [2, 4])
    }
  }

  @Test("an empty file and a JSON object that is not an array are clear errors")
  func emptyAndObject() throws {
    let empty = Support.temporaryFile(" \n\n")
    #expect(throws: AuditError.emptyFile(path: empty)) { try Support.audit([empty], year: 2022) }
    let object = Support.temporaryFile("{\"data\": []}", name: "o.json")
    #expect(
      throws: AuditError.read(
        .badJSON(
          path: object, line: 1, column: 1,
          detail: LocalizedText(
            id: "ekspor JSON harus berupa array objek", en: "a JSON export must be an array of objects")))
    ) { try Support.audit([object], year: 2022) }
  }

  @Test("malformed JSON names its line and column")
  func badJSON() throws {
    let path = Support.temporaryFile("[\n {\"a\": 1,\n  \"b\" 2}\n]", name: "bad.json")
    let reader = JSONArrayReader(input: try FileBytes(path: path))
    #expect(
      throws: ReadError.badJSON(
        path: path, line: 3, column: 7,
        detail: LocalizedText(id: "seharusnya `:` setelah kunci", en: "expected `:` after a key"))
    ) {
      _ = try reader.next()
    }
  }

  @Test("JSON columns are the union of the keys of the first objects")
  func jsonKeyUnion() throws {
    let text = """
      [{"pagu": 5, "tahun_anggaran": 2022, "nama_paket": "A"},
       {"kd_satker_str": "1.01.0.00.0.00.01.0000", "pagu": 7, "tahun_anggaran": 2022, "status_pdn": "PDN"},
       {"kd_satker_str": "1.01.0.00.0.00.01.0000", "pagu": 11, "tahun_anggaran": 2022, "status_pdn": "Non PDN"}]
      """
    let path = Support.temporaryFile(text, name: "irregular.json")
    let scout = JSONArrayReader(input: try FileBytes(path: path), bufferSize: 16)
    while try scout.next() {}
    #expect(scout.columns == ["pagu", "tahun_anggaran", "nama_paket", "kd_satker_str", "status_pdn"])
    let report = try Support.audit([path])
    let input = try #require(report.inputs.first)
    #expect(input.profile == "sirup-penyedia")
    // The first object has no OPD code: rejected; the others count, with their PDN flags.
    #expect(input.count(.missingOPD) == 1)
    #expect(report.district.plan?.total == m("18"))
    #expect(report.district.plan?.pdn.amount == m("7"))
    #expect(report.district.plan?.pdn.unknown == m("0"))
  }

  @Test("an empty JSON array is a clear error")
  func emptyJSONArray() throws {
    let path = Support.temporaryFile("[ ]", name: "empty.json")
    #expect(throws: AuditError.emptyJSONArray(path: path)) { try Support.audit([path], year: 2022) }
  }

  /// Record counts of the real ISB CSVs, as Python's csv module reads them
  /// (`escapechar='\\', doublequote=False` for the backslash files).
  @Test(
    "real ISB CSV exports split into the right records",
    arguments: [
      ("SPSE-PencatatanNonTender_1057.csv", 428, QuoteEscape.doubled),
      ("SPSE-PencatatanSwakelola_1059.csv", 209, QuoteEscape.backslash),
      ("SPSE-PencatatanSwakelolaRealisasi_1060.csv", 733, QuoteEscape.backslash),
      ("Ecat-PaketEPurchasingV6_1213.csv", 639, QuoteEscape.doubled),
    ])
  func realCSV(_ name: String, _ expectedRows: Int, _ escape: QuoteEscape) throws {
    let path = Support.sharedData(name)
    let sample = try FileBytes(path: path).peek(limit: 1 << 20)
    let sniffed = sample.withUnsafeBufferPointer {
      DialectSniffer.escape(in: $0, delimiter: UInt8(ascii: ","))
    }
    #expect(sniffed == escape)
    let rows = try Support.records(path: path, dialect: CSVDialect(escape: sniffed), bufferSize: 4096)
    let header = try #require(rows.first)
    #expect(rows.count - 1 == expectedRows)
    #expect(rows.allSatisfy { $0.count == header.count })
  }
}

/// Generated text full of delimiters, quotes, line ends and backslashes reads into the same
/// records (and the same errors) whatever the buffer size and however the stop index is cut
/// into pieces, as the scanner alone reads it from one buffer: no record boundary depends
/// on where a read or an index piece happens to stop.
@Suite("Scanner: buffer boundaries")
struct ScannerBoundaryTests {
  static func records(
    _ path: String, _ dialect: CSVDialect, bufferSize: Int, piece: Int = StopIndex.defaultPieceSize
  ) throws -> [[String]] {
    let reader = CSVFileReader(
      input: try FileBytes(path: path), dialect: dialect, bufferSize: bufferSize, startOffset: 0,
      endOffset: .max, indexPieceSize: piece)
    var rows: [[String]] = []
    do {
      while try reader.next() {
        rows.append(
          ["@\(reader.line)"]
            + (0..<reader.fieldCount).map { TextDecoding.decode(reader.cell($0), as: .utf8) })
      }
    } catch {
      rows.append(["error"])
    }
    return rows
  }

  /// The records of `text` by the scanner alone, searching the whole text field by field
  /// (no stop index, no read window): the reference for the reader.
  static func directRecords(_ text: String, _ dialect: CSVDialect) -> [[String]] {
    var bytes = Array(text.utf8)
    let scanner = CSVScanner(dialect: dialect)
    var fields = FieldList()
    defer { fields.deallocate() }
    var rows: [[String]] = []
    bytes.withUnsafeMutableBufferPointer { buffer in
      var position = 0
      var line = 1
      while position < buffer.count {
        switch scanner.scan(buffer, from: position, end: buffer.count, atEOF: true, fields: &fields) {
        case .record(let next, let lineBreaks):
          var row = ["@\(line)"]
          for index in 0..<fields.count {
            var field = fields[index]
            if field.needsUnescape { field.end = scanner.unescape(buffer, field) }
            row.append(String(decoding: buffer[field.start..<field.end], as: UTF8.self))
          }
          rows.append(row)
          line += lineBreaks
          position = next
        case .needMore, .unterminatedQuote:
          rows.append(["error"])
          return
        }
      }
    }
    return rows
  }

  @Test(
    "same records",
    arguments: [(",", QuoteEscape.doubled), (";", .doubled), (",", .backslash), ("\t", .doubled)])
  func sameRecords(_ delimiter: String, _ escape: QuoteEscape) throws {
    var seed: UInt64 = 7
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    let pieces = [
      delimiter, delimiter, delimiter, "\n", "\r\n", "\r", "\"", "\\", "ab", "Rp 1.000", "x", " ",
      "1234567890",
    ]
    let dialect = CSVDialect(delimiter: UInt8(ascii: Unicode.Scalar(delimiter)!), escape: escape)
    for _ in 0..<150 {
      var text = ""
      for _ in 0..<(1 + next(120)) { text += pieces[next(pieces.count)] }
      let path = Support.temporaryFile(text)
      let expected = Self.directRecords(text, dialect)
      for size in [16, 23, 64, 1 << 20] {
        for piece in [1, 5, 64, 100, StopIndex.defaultPieceSize] {
          let read = try Self.records(path, dialect, bufferSize: size, piece: piece)
          #expect(read == expected, "buffer \(size), piece \(piece): \(text.debugDescription)")
          if read != expected { return }
        }
      }
    }
  }
}
