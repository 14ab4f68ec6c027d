import Testing

@testable import P3DNKit

/// Saved INAPROC `/v1` pages: a top-level object whose `data` member is the array of rows.
@Suite("JSON saved pages")
struct JSONPageTests {
  static let bufferSizes = [16, 17, 64, 1 << 20]

  /// What a reader gives for a file: its records (by the columns `kd_rup`, `pagu`), the
  /// line of each, and what the page says.
  struct Read: Equatable {
    var rows: [[String]] = []
    var lines: [Int] = []
    var meta: [String: String] = [:]
    var isSavedPage = false
  }

  static func read(_ text: String, bufferSize: Int) throws -> Read {
    let path = Support.temporaryFile(text, name: "page.json")
    let reader = JSONArrayReader(
      input: try FileBytes(path: path), bufferSize: bufferSize, columns: ["kd_rup", "pagu"])
    var read = Read()
    while try reader.next() {
      read.rows.append((0..<reader.fieldCount).map { reader.text($0) })
      read.lines.append(reader.line)
    }
    read.meta = reader.meta
    read.isSavedPage = reader.isSavedPage
    return read
  }

  /// The error a reader throws for a file, after reading `records` records.
  static func failure(_ text: String, bufferSize: Int, records: Int = 0) throws -> ReadError? {
    let path = Support.temporaryFile(text, name: "page.json")
    let reader = JSONArrayReader(input: try FileBytes(path: path), bufferSize: bufferSize)
    var count = 0
    do {
      while try reader.next() { count += 1 }
    } catch {
      return count == records ? error : nil
    }
    return nil
  }

  static func badJSON(_ line: Int, _ column: Int, _ id: String, _ en: String) -> ReadError {
    .badJSON(path: "", line: line, column: column, detail: LocalizedText(id: id, en: en))
  }

  /// The error without its path (each test file has its own).
  static func withoutPath(_ error: ReadError?) -> ReadError? {
    guard case .badJSON(_, let line, let column, let detail) = error else { return error }
    return .badJSON(path: "", line: line, column: column, detail: detail)
  }

  static let meta = [
    "limit": "100", "has_more": "false", "source": #"sirup "v1""#, "kode_klpd": "D123", "tahun": "2024",
    "pulled_at": "2026-06-11T08:00:00Z", "rows": "2", "pages": "1",
  ]

  @Test("meta before data: the records, and meta's scalar members", arguments: bufferSizes)
  func metaBeforeData(bufferSize: Int) throws {
    let text = #"""
      {"success": true, "meta": {"limit": 100, "has_more": false, "cursor": null, "source": "sirup \"v1\"",
        "kode_klpd": "D123", "tahun": 2024, "filters": {"jenis": ["a", "b"]}, "pulled_at": "2026-06-11T08:00:00Z",
        "rows": 2, "pages": 1},
       "data": [
        {"kd_rup": "1", "pagu": 100},
        {"pagu": 250.50, "kd_rup": "2"}
       ]}
      """#
    let read = try Self.read(text, bufferSize: bufferSize)
    #expect(read.rows == [["1", "100"], ["2", "250.50"]])
    #expect(read.lines == [5, 6])
    // `cursor` is null and `filters` nested: both left out.
    #expect(read.meta == Self.meta)
    #expect(read.isSavedPage)
  }

  @Test("meta after data: read once the last record is passed", arguments: bufferSizes)
  func metaAfterData(bufferSize: Int) throws {
    let text = #"""
      {"success": true, "data": [{"kd_rup": "1", "pagu": 100}, {"kd_rup": "2", "pagu": 250.50}],
       "meta": {"limit": 100, "has_more": false, "cursor": null, "source": "sirup \"v1\"", "kode_klpd": "D123",
        "tahun": 2024, "pulled_at": "2026-06-11T08:00:00Z", "rows": 2, "pages": 1}}
      """#
    let read = try Self.read(text, bufferSize: bufferSize)
    #expect(read.rows == [["1", "100"], ["2", "250.50"]])
    #expect(read.lines == [1, 1])
    #expect(read.meta == Self.meta)
    #expect(read.isSavedPage)

    // The members after `data` are not read before the records are.
    let path = Support.temporaryFile(text, name: "page.json")
    let reader = JSONArrayReader(input: try FileBytes(path: path), bufferSize: bufferSize)
    #expect(try reader.next())
    #expect(reader.meta.isEmpty)
  }

  @Test("other members are skipped whatever their value", arguments: bufferSizes)
  func nestedValuesSkipped(bufferSize: Int) throws {
    let text = #"""
      {"links": {"next": "a}b\"c\\", "list": [{"x": "]"}, [], "\\\"}", "\u00e9"]},
       "note": "say \"hi\" \\ }", "count": -1.5e3, "ok": true, "none": null, "empty": {}, "meta": "none",
       "data": [{"kd_rup": "7", "pagu": 1, "extra": {"}": "{"}}],
       "tail": [[{"}": "{"}], "]]"], "flag": false, "last": 0}
      """#
    let read = try Self.read(text, bufferSize: bufferSize)
    #expect(read.rows == [["7", "1"]])
    #expect(read.lines == [3])
    // A `meta` that is not an object says nothing.
    #expect(read.meta == [:])
    #expect(read.isSavedPage)
  }

  @Test("an empty data array reads as an empty bare array", arguments: bufferSizes)
  func emptyData(bufferSize: Int) throws {
    let read = try Self.read(
      #"{"data": [ ], "meta": {"rows": 0, "has_more": false}}"#, bufferSize: bufferSize)
    #expect(read == Read(meta: ["rows": "0", "has_more": "false"], isSavedPage: true))
    #expect(try Self.read("[ ]", bufferSize: bufferSize) == Read())
  }

  @Test("a bare array is not a saved page; white space may follow it", arguments: bufferSizes)
  func bareArray(bufferSize: Int) throws {
    let read = try Self.read("[{\"kd_rup\": \"1\"}]  \n\n \t", bufferSize: bufferSize)
    #expect(read == Read(rows: [["1", ""]], lines: [1]))
  }

  @Test("a page without data, with data that is no array, or with data twice", arguments: bufferSizes)
  func pageErrors(bufferSize: Int) throws {
    // The `}` closing the page is the 21st byte of line 2.
    #expect(
      Self.withoutPath(
        try Self.failure("{\"success\": true,\n \"meta\": {\"rows\": 0}}", bufferSize: bufferSize))
        == Self.badJSON(
          2, 21, "halaman tersimpan harus berisi array `data`", "a saved page must hold a `data` array"))
    #expect(
      Self.withoutPath(try Self.failure("{}", bufferSize: bufferSize))
        == Self.badJSON(
          1, 2, "halaman tersimpan harus berisi array `data`", "a saved page must hold a `data` array"))
    // The `{` of the value is the 10th byte.
    #expect(
      Self.withoutPath(try Self.failure(#"{"data": {"kd_rup": "1"}}"#, bufferSize: bufferSize))
        == Self.badJSON(1, 10, "`data` harus berupa array objek", "`data` must be an array of objects"))
    // The second key's quote is the 29th byte, after one record.
    #expect(
      Self.withoutPath(
        try Self.failure(#"{"data": [{"kd_rup": "1"}], "data": []}"#, bufferSize: bufferSize, records: 1))
        == Self.badJSON(1, 29, "halaman tersimpan berisi `data` dua kali", "a saved page holds `data` twice"))
    // A skipped array closed by `}` (the 9th byte).
    #expect(
      Self.withoutPath(try Self.failure(#"{"x": [1}, "data": []}"#, bufferSize: bufferSize))
        == Self.badJSON(1, 9, "kurung tidak berpasangan", "unmatched bracket"))
    // A page cut short inside a skipped string: the file's 23 bytes end before it closes.
    #expect(
      Self.withoutPath(try Self.failure(#"{"data": [], "x": "ab\""#, bufferSize: bufferSize))
        == Self.badJSON(
          1, 24, "berkas berakhir sebelum objek ditutup", "the file ends before the object is closed"))
  }

  @Test("only white space may follow the top-level value", arguments: bufferSizes)
  func trailingText(bufferSize: Int) throws {
    let after = "ada teks setelah akhir nilai JSON"
    let afterEn = "there is text after the end of the JSON value"
    // `garbage` starts at byte 3 of line 2.
    #expect(
      Self.withoutPath(
        try Self.failure("[{\"kd_rup\": \"1\"}]\n  garbage", bufferSize: bufferSize, records: 1))
        == Self.badJSON(2, 3, after, afterEn))
    // `[{"kd_rup": "1"}]` is 17 bytes: the second array opens at byte 18.
    #expect(
      Self.withoutPath(
        try Self.failure(#"[{"kd_rup": "1"}][{"kd_rup": "2"}]"#, bufferSize: bufferSize, records: 1))
        == Self.badJSON(1, 18, after, afterEn))
    #expect(
      Self.withoutPath(try Self.failure("[]x", bufferSize: bufferSize)) == Self.badJSON(1, 3, after, afterEn))
    // The page closes at byte 27; the stray `}` is byte 29.
    #expect(
      Self.withoutPath(
        try Self.failure(#"{"data": [{"kd_rup": "1"}]} }"#, bufferSize: bufferSize, records: 1))
        == Self.badJSON(1, 29, after, afterEn))
  }

  @Test("a saved page of SIRUP rows audits end to end", arguments: [16, 1 << 20])
  func sirupPageAudit(bufferSize: Int) throws {
    let text = #"""
      {"success": true,
       "meta": {"source": "sirup/paket-penyedia", "kode_klpd": "D123", "tahun": 2024, "has_more": false},
       "data": [
        {"kd_satker_str": "1.01.0.00.0.00.01.0000", "nama_satker": "Dinas Pendidikan", "kd_rup": "101",
         "pagu": 1500000.50, "tahun_anggaran": 2024, "status_umumkan_rup": "Terumumkan"},
        {"kd_satker_str": "1.02.0.00.0.00.01.0000", "nama_satker": "Dinas \"Kesehatan\"", "kd_rup": "102",
         "pagu": 250000, "tahun_anggaran": 2024, "status_umumkan_rup": "Terumumkan"},
        {"kd_satker_str": "1.02.0.00.0.00.01.0000", "nama_satker": "Dinas \"Kesehatan\"", "kd_rup": "103",
         "pagu": 999, "tahun_anggaran": 2024, "status_umumkan_rup": "Draf"}
       ],
       "links": {"next": null, "self": "/v1/sirup?page=1"}}
      """#
    let path = Support.temporaryFile(text, name: "sirup-page.json")
    var request = AuditRequest(inputs: [path], policy: try PolicyLoader.builtIn())
    request.bufferSize = bufferSize
    let report = try AuditEngine.run(request)
    let input = try #require(report.inputs.first)
    #expect(input.profile == "sirup-penyedia")
    #expect(input.stages == [.plan])
    #expect((input.rows, input.included) == (3, 2))
    #expect(input.count(.notAnnounced) == 1)
    #expect(report.fiscalYear == 2024)
    #expect(report.district.plan?.total == m("1750000.50"))
    #expect(report.opds.map(\.code) == ["1.01.0.00.0.00.01.0000", "1.02.0.00.0.00.01.0000"])
    #expect(report.opd("1.02.0.00.0.00.01.0000")?.name == #"Dinas "Kesehatan""#)
  }
}
