import Crypto

/// An input file, sniffed and positioned after its header.
final class OpenedInput {
  let path: String
  let profile: Profile
  let header: HeaderNames
  let format: String
  let csv: CSVFileReader?
  let json: JSONArrayReader?
  /// For XLSX: the sheet, positioned after its header.
  var sheet: XLSXSheetReader? = nil
  /// For XLSX: the checksum of the whole file, read apart from the sheet.
  var digest: String? = nil
  /// The day the export says it was pulled (an INAPROC download's `_metadata` sheet
  /// `lastUpdated`), when it says so.
  var snapshotDay: DateReader.Day? = nil
  /// For CSV: the dialect, and where the first row after the header starts.
  let dialect: CSVDialect?
  let dataStart: Int
  let dataLine: Int
  let bytes: FileBytes
  private let hasher: HashBox

  init(
    path: String, profile: Profile, header: HeaderNames, format: String, csv: CSVFileReader?,
    json: JSONArrayReader?, dialect: CSVDialect? = nil, bytes: FileBytes, hasher: HashBox
  ) {
    self.path = path
    self.profile = profile
    self.header = header
    self.format = format
    self.csv = csv
    self.json = json
    self.dialect = dialect
    self.dataStart = csv?.consumedOffset ?? 0
    self.dataLine = (csv?.lineBreaksConsumed ?? 0) + 1
    self.bytes = bytes
    self.hasher = hasher
  }

  /// The SHA-256 of every byte read so far (the whole file once it is read to the end).
  var sha256: String { digest ?? hasher.hexDigest() }

  /// Also tells `observer` of every byte read from now on (besides the checksum).
  func observe(_ observer: @escaping (UnsafeRawBufferPointer) -> Void) {
    let hasher = self.hasher
    bytes.observer = { raw in
      hasher.update(raw)
      observer(raw)
    }
  }
}

/// Accumulates a file's checksum as its bytes are read.
final class HashBox: @unchecked Sendable {
  private var hasher = SHA256()

  func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }

  /// The SHA-256 of a whole file, read on its own from the start.
  static func digest(of path: String, bufferSize: Int) throws(ReadError) -> String {
    let box = HashBox()
    let file = try FileBytes(path: path)
    // A mapping spares copying the file out of the page cache (docs/performance.md);
    // pages are dropped behind the hash, so the resident set stays flat.
    if file.withMapping({ block in box.update(block) }) { return box.hexDigest() }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 1 << 16), alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let count = try file.read(into: buffer)
      if count == 0 { break }
      box.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
    return box.hexDigest()
  }

  func hexDigest() -> String {
    let digits: [Character] = Array("0123456789abcdef")
    var text = ""
    for byte in hasher.finalize() {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return text
  }
}

/// Opens an input: detects JSON or CSV, the encoding, delimiter and quote style, finds the
/// header and the profile.
enum InputOpener {
  static let sampleSize = 1 << 20

  /// `mapped`: a `--map` profile, tried before the built-in ones; `sheet`: the XLSX sheet.
  static func open(
    path: String, forcedProfile: Profile?, bufferSize: Int, mapped: Profile? = nil, sheet: String? = nil
  ) throws(AuditError) -> OpenedInput {
    let bytes: FileBytes
    let sample: [UInt8]
    do {
      bytes = try FileBytes(path: path)
      sample = try bytes.peek(limit: sampleSize)
    } catch {
      throw .read(error)
    }
    let isWholeFile = sample.count < sampleSize
    let hasher = HashBox()
    bytes.observer = { hasher.update($0) }
    let profiles = forcedProfile.map { [$0] } ?? ((mapped.map { [$0] } ?? []) + ProfileRegistry.all)

    // A ZIP archive: an .xlsx workbook.
    if sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      return try openWorkbook(
        path: path, bytes: bytes, profiles: profiles, forced: forcedProfile, mapped: mapped, sheet: sheet)
    }
    let bomLength = sample.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    guard let first = sample.dropFirst(bomLength).first(where: { !ByteText.isSpace($0) }) else {
      throw .emptyFile(path: path)
    }
    if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
      // The columns: every key of the first objects, in the order first seen.
      let columns: [String]
      var objects = 0
      do {
        let scout = JSONArrayReader(
          input: try FileBytes(path: path), bomLength: bomLength, bufferSize: bufferSize)
        while objects < HeaderDetector.searchLimit, try scout.next() { objects += 1 }
        columns = scout.columns
      } catch {
        throw .read(error)
      }
      guard objects > 0 else { throw .emptyJSONArray(path: path) }
      let records = [columns]
      guard let match = HeaderDetector.find(in: records, profiles: profiles, forced: forcedProfile != nil)
      else {
        throw headerError(
          path: path, records: records, profiles: profiles, forced: forcedProfile, mapped: mapped)
      }
      let reader = JSONArrayReader(
        input: bytes, bomLength: bomLength, bufferSize: bufferSize, columns: columns)
      return OpenedInput(
        path: path,
        profile: ProfileRegistry.refined(match.profile, match.header, path: path, forced: forcedProfile),
        header: match.header, format: "JSON", csv: nil,
        json: reader, bytes: bytes, hasher: hasher)
    }

    let detected = sample.withUnsafeBufferPointer { buffer in
      DialectSniffer.encoding(of: buffer, isWholeFile: isWholeFile)
    }
    guard let (encoding, bom) = detected else {
      throw .read(.utf16(path: path))
    }
    // Try each delimiter; keep the one whose header is found with the most columns.
    var best: (dialect: CSVDialect, match: HeaderDetector.Match)? = nil
    var fallback: [[String]] = []
    for delimiter in DialectSniffer.candidateDelimiters {
      let (dialect, records) = sample.withUnsafeBufferPointer { buffer in
        let escape = DialectSniffer.escape(in: buffer, delimiter: delimiter)
        let dialect = CSVDialect(
          delimiter: delimiter, escape: escape, encoding: encoding, bomLength: bom)
        return (
          dialect,
          DialectSniffer.records(
            in: buffer, dialect: dialect, isWholeFile: isWholeFile,
            limit: HeaderDetector.searchLimit)
        )
      }
      if let match = HeaderDetector.find(in: records, profiles: profiles, forced: forcedProfile != nil) {
        if best == nil || match.header.count > (best?.match.header.count ?? 0) {
          best = (dialect, match)
        }
      } else if (records.first?.count ?? 0) > (fallback.first?.count ?? 0) {
        fallback = records
      }
    }
    guard let best else {
      throw headerError(
        path: path, records: fallback, profiles: profiles, forced: forcedProfile, mapped: mapped)
    }
    let reader = CSVFileReader(input: bytes, dialect: best.dialect, bufferSize: bufferSize)
    do {
      for _ in 0...best.match.index {
        guard try reader.next() else { break }
      }
    } catch {
      throw .read(error)
    }
    let format =
      "CSV \"\(best.dialect.delimiterName)\" \(best.dialect.encoding.rawValue)"
      + (best.dialect.escape == .backslash ? ", \\\" escapes" : "")
    return OpenedInput(
      path: path,
      profile: ProfileRegistry.refined(
        best.match.profile, best.match.header, path: path, forced: forcedProfile),
      header: best.match.header, format: format,
      csv: reader, json: nil, dialect: best.dialect, bytes: bytes, hasher: hasher)
  }

  /// Opens the sheet of a workbook: the header among its first rows, the reader after it.
  private static func openWorkbook(
    path: String, bytes: FileBytes, profiles: [Profile], forced: Profile?, mapped: Profile?, sheet: String?
  ) throws(AuditError) -> OpenedInput {
    do {
      let workbook = try XLSXWorkbook(path: path)
      let scout = try workbook.openSheet(named: sheet)
      var records: [[String]] = []
      while records.count < HeaderDetector.searchLimit, try scout.next() {
        records.append((0..<scout.fieldCount).map { scout.text($0) })
      }
      guard !records.isEmpty else { throw AuditError.emptyFile(path: path) }
      guard let match = HeaderDetector.find(in: records, profiles: profiles, forced: forced != nil) else {
        throw headerError(path: path, records: records, profiles: profiles, forced: forced, mapped: mapped)
      }
      let reader = try workbook.openSheet(named: sheet)
      for _ in 0...match.index {
        guard try reader.next() else { break }
      }
      let opened = OpenedInput(
        path: path, profile: ProfileRegistry.refined(match.profile, match.header, path: path, forced: forced),
        header: match.header,
        format: "XLSX \"\(reader.sheetName)\"", csv: nil, json: nil, bytes: bytes, hasher: HashBox())
      opened.sheet = reader
      opened.digest = try HashBox.digest(of: path, bufferSize: 1 << 20)
      if reader.sheetName != "_metadata" { opened.snapshotDay = try pullDay(workbook) }
      return opened
    } catch let error as ReadError {
      throw .read(error)
    } catch let error as AuditError {
      throw error
    } catch {
      throw .read(.ioFailure(path: path, reason: "\(error)"))
    }
  }

  /// The `lastUpdated` of a workbook's `_metadata` sheet (INAPROC downloads: one header
  /// row, one row of values), as a day.
  private static func pullDay(_ workbook: XLSXWorkbook) throws -> DateReader.Day? {
    guard workbook.sheetNames.contains("_metadata") else { return nil }
    let sheet = try workbook.openSheet(named: "_metadata")
    guard try sheet.next() else { return nil }
    let names = (0..<sheet.fieldCount).map { sheet.text($0) }
    guard let column = names.firstIndex(of: "lastUpdated"), try sheet.next() else { return nil }
    return DateReader.parse(sheet.text(column))
  }

  private static func headerError(
    path: String, records: [[String]], profiles: [Profile], forced: Profile?, mapped: Profile? = nil
  ) -> AuditError {
    // With --map, say first that the mapping's columns are not there.
    if let mapped, forced == nil, HeaderDetector.partialMatch(in: records, profiles: [mapped]) == nil {
      return .mappedColumnsMissing(
        path: path, mapping: mapped.name, amount: mapped.amountNames, opd: mapped.opdNames,
        firstRecord: records.first ?? [])
    }
    if let partial = HeaderDetector.partialMatch(in: records, profiles: profiles, forced: forced != nil) {
      return .missingColumn(
        path: path, profile: partial.profile.name, line: partial.index + 1,
        missing: partial.missing)
    }
    return .unrecognizedHeader(
      path: path, firstRecord: records.first ?? [], forced: forced?.name)
  }
}

/// The SHA-256 of a file, as the report gives it for each input.
public enum FileDigest {
  public static func sha256(of path: String) throws(ReadError) -> String {
    try HashBox.digest(of: path, bufferSize: 1 << 20)
  }

  /// The size of a file in bytes (0 when it cannot be read).
  public static func size(of path: String) -> Int { InputResolver.size(of: path) }
}
