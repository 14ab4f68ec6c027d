import CP3DNScan
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

  @Test("an empty file, a JSON object without a data array and a bare value are clear errors")
  func emptyAndObject() throws {
    let empty = Support.temporaryFile(" \n\n")
    #expect(throws: AuditError.emptyFile(path: empty)) { try Support.audit([empty], year: 2022) }
    let object = Support.temporaryFile("{\"rows\": []}", name: "o.json")
    #expect(
      throws: AuditError.read(
        .badJSON(
          path: object, line: 1, column: 12,
          detail: LocalizedText(
            id: "halaman tersimpan harus berisi array `data`", en: "a saved page must hold a `data` array")))
    ) { try Support.audit([object], year: 2022) }
    let page = Support.temporaryFile("{\"data\": []}", name: "p.json")
    #expect(throws: AuditError.emptyJSONArray(path: page)) { try Support.audit([page], year: 2022) }
    let number = Support.temporaryFile(" 5", name: "n.json")
    #expect(
      throws: ReadError.badJSON(
        path: number, line: 1, column: 2,
        detail: LocalizedText(
          id: "ekspor JSON harus berupa array objek", en: "a JSON export must be an array of objects"))
    ) { _ = try JSONArrayReader(input: try FileBytes(path: number)).next() }
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
/// records (and the same errors) whatever the buffer size, as the general scanner alone
/// reads it from one buffer: no record boundary depends on where a read stops, and the
/// vector record scanner reads every record it takes exactly as the general one does.
@Suite("Scanner: buffer boundaries")
struct ScannerBoundaryTests {
  static func records(_ path: String, _ dialect: CSVDialect, bufferSize: Int) throws -> (
    rows: [[String]], fast: Int
  ) {
    let reader = CSVFileReader(
      input: try FileBytes(path: path), dialect: dialect, bufferSize: bufferSize, startOffset: 0,
      endOffset: .max)
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
    return (rows, reader.fastRecords)
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

  static let dialects: [(String, QuoteEscape)] = [
    (",", .doubled), (";", .doubled), (",", .backslash), ("\t", .doubled),
  ]

  @Test("same records", arguments: dialects)
  func sameRecords(_ delimiter: String, _ escape: QuoteEscape) throws {
    var numbers = SeededNumbers(seed: 7)
    func next(_ bound: Int) -> Int { numbers.next(bound) }
    let pieces = [
      delimiter, delimiter, delimiter, "\n", "\r\n", "\r", "\"", "\\", "ab", "Rp 1.000", "x", " ",
      "1234567890",
    ]
    let dialect = CSVDialect(delimiter: UInt8(ascii: Unicode.Scalar(delimiter)!), escape: escape)
    var fast = 0
    for _ in 0..<150 {
      var text = ""
      for _ in 0..<(1 + next(120)) { text += pieces[next(pieces.count)] }
      let path = Support.temporaryFile(text)
      let expected = Self.directRecords(text, dialect)
      for size in [16, 23, 64, 100, 1 << 20] {
        let read = try Self.records(path, dialect, bufferSize: size)
        fast += read.fast
        #expect(read.rows == expected, "buffer \(size): \(text.debugDescription)")
        if read.rows != expected { return }
      }
    }
    #expect(fast > 1_000)
  }

  /// Rows shaped like real exports (mostly plain fields, some quoted with delimiters, line
  /// breaks and escaped quotes, a few stray quotes and blanks after a closing quote), long
  /// enough that fields cross the 64-byte blocks of the vector scanner everywhere.
  @Test("same records for export-like rows", arguments: dialects)
  func exportLikeRows(_ delimiter: String, _ escape: QuoteEscape) throws {
    var numbers = SeededNumbers(seed: 2021)
    func next(_ bound: Int) -> Int { numbers.next(bound) }
    let quote = escape == .doubled ? "\"\"" : "\\\""
    let plain = ["1.02.0.00.0.00.01.0000", "Dinas Kesehatan", "Rp 1.234.567,89", "", "Ya", "5.1.02.01"]
    let quoted = [
      "\"Belanja\(delimiter) tahap 1\"", "\"baris\nkedua\"", "\"kata \(quote)kutip\(quote)\"",
      "\"\"", "\"x\r\ny\"", "\"a\"  ", "\"a\"b\"", "5\" layar",
    ]
    let dialect = CSVDialect(delimiter: UInt8(ascii: Unicode.Scalar(delimiter)!), escape: escape)
    var text = ""
    for _ in 0..<3_000 {
      let fields = (0..<(1 + next(14))).map { _ in
        next(6) == 0
          ? quoted[next(quoted.count)] : String(repeating: plain[next(plain.count)], count: 1 + next(3))
      }
      text += fields.joined(separator: delimiter) + (next(5) == 0 ? "\r\n" : "\n")
    }
    let path = Support.temporaryFile(text)
    let expected = Self.directRecords(text, dialect)
    for size in [64, 1000, 1 << 20] {
      let read = try Self.records(path, dialect, bufferSize: size)
      #expect(read.rows == expected, "buffer \(size)")
      #expect(read.fast > 1_500, "buffer \(size)")
    }
  }

  /// The vector scanner without AVX-512 (what other processors run) reads the same fields
  /// as the one this processor runs, record by record.
  @Test("portable and vector masks agree")
  func portableAgrees() {
    var numbers = SeededNumbers(seed: 99)
    func next(_ bound: Int) -> Int { numbers.next(bound) }
    let pieces = [";", ";", "\n", "\r\n", "\"", "\"\"", "Belanja Alat", "1.000", " ", "\\"]
    for escape in [UInt8(ascii: "\""), UInt8(ascii: "\\")] {
      var text = ""
      for _ in 0..<20_000 { text += pieces[next(pieces.count)] }
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        let fieldsA = UnsafeMutablePointer<p3dn_span>.allocate(capacity: 64)
        let fieldsB = UnsafeMutablePointer<p3dn_span>.allocate(capacity: 64)
        defer {
          fieldsA.deallocate()
          fieldsB.deallocate()
        }
        var masksA = p3dn_block_masks(block: -1, quote: 0, stop: 0, newline: 0)
        var masksB = masksA
        var position = 0
        var agreed = 0
        while position < buffer.count {
          var nextA = 0
          var nextB = 0
          var breaksA = 0
          var breaksB = 0
          var escapedA: Int32 = 0
          var escapedB: Int32 = 0
          let countA = p3dn_scan_record(
            base, position, buffer.count, UInt8(ascii: ";"), escape, fieldsA, 64, &masksA, &nextA, &breaksA,
            &escapedA)
          let countB = p3dn_scan_record_portable(
            base, position, buffer.count, UInt8(ascii: ";"), escape, fieldsB, 64, &masksB, &nextB, &breaksB,
            &escapedB)
          #expect(countA == countB)
          guard countA == countB else { return }
          if countA > 0 {
            #expect(nextA == nextB && breaksA == breaksB && escapedA == escapedB)
            for index in 0..<countA {
              #expect(
                fieldsA[index].start == fieldsB[index].start && fieldsA[index].end == fieldsB[index].end
                  && fieldsA[index].escaped == fieldsB[index].escaped)
            }
            agreed += 1
            position = nextA
          } else {
            // Skip to the next line feed, as the general scanner would have to decide.
            position += 1
            while position < buffer.count && buffer[position - 1] != 0x0A { position += 1 }
          }
        }
        #expect(agreed > 100)
      }
    }
  }
}
