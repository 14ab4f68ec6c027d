/// Streams the objects of a JSON array (`[{…}, {…}]`, the ISB export form) as records.
///
/// A top-level object is a saved API page (INAPROC `/v1`): its `data` member is that array,
/// read the same way; the scalar members of its `meta` object are kept in ``meta``, and
/// every other member is skipped. Only white space may follow the top-level value.
///
/// The columns are given (the union of the keys of the first objects, found by a first
/// reader that learns them); objects are matched by key, and keys outside the columns
/// are skipped.
/// Numbers are kept as their literal text, so amounts never pass through a binary float.
/// `null` reads as an empty cell; `true`/`false` as those words; nested objects and arrays
/// as their JSON text.
public final class JSONArrayReader: RecordSource {
  public var encoding: TextEncoding { .utf8 }
  public var checksFieldCount: Bool { false }
  public private(set) var columns: [String] = []
  public private(set) var line = 0
  /// Whether the file is a saved page (a top-level object holding a `data` array).
  public private(set) var isSavedPage = false
  /// The scalar members of a saved page's top-level `meta` object: strings unescaped,
  /// numbers as their literal text, `true`/`false` as those words; `null` and nested values
  /// are left out. Complete once ``next()`` has returned false.
  public private(set) var meta: [String: String] = [:]

  private let window: ReadWindow
  private var input: FileBytes { window.input }
  private var buffer: UnsafeMutableBufferPointer<UInt8> { window.buffer }
  private var start: Int {
    get { window.start }
    set { window.start = newValue }
  }
  private var end: Int { window.end }
  private var atEOF: Bool { window.atEOF }
  /// Line number at `start`.
  private var startLine = 1
  /// Bytes between the last line break before `start` and `start` (its 0-based column).
  private var startColumn = 0
  private var state = State.beforeArray
  private var columnIndex: [String: Int] = [:]
  private var values: [UInt8] = []
  private var spans: [Range<Int>?] = []
  /// Whether keys not seen before become new columns.
  private let learnsColumns: Bool
  /// The (column, value) pairs of the object being parsed.
  private var found: [(column: Int, range: Range<Int>?)] = []

  /// Whether the page has shown its `data` member, and how many members it has shown.
  private var pageHasData = false
  private var pageMembers = 0
  /// While skipping a page member's value: the closing brackets still expected, and
  /// whether the skipper is inside a string.
  private var skipClosers: [UInt8] = []
  private var skipInString = false

  private enum State {
    /// Before the top-level value: `[` or `{`.
    case beforeArray
    /// After `[`: `]` or the first object.
    case arrayOpen
    /// After an object of the array: `,` and the next object, or `]`.
    case inArray
    /// In a saved page, after `{` or `,`: a member's key (or, right after `{`, `}`).
    case pageMember
    /// In a saved page, after a member's value: `,` or `}`.
    case pageAfterMember
    /// Inside the value of a page member that is skipped.
    case skipping
    /// After the top-level value: white space only.
    case trailing
    case done
  }

  /// A reader with fixed `columns`, or, when `columns` is nil, one that adds every new key
  /// it meets as a column.
  public init(input: FileBytes, bomLength: Int = 0, bufferSize: Int = 1 << 20, columns: [String]? = nil) {
    self.window = ReadWindow(input: input, size: bufferSize)
    self.skipBOM = bomLength
    self.learnsColumns = columns == nil
    self.columns = columns ?? []
    for (index, key) in (columns ?? []).enumerated() where columnIndex[key] == nil {
      columnIndex[key] = index
    }
  }

  private var skipBOM: Int

  deinit { cells.deallocate() }

  public var fieldCount: Int { columns.count }

  public func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0 && index < spans.count, let range = spans[index] else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    return UnsafeBufferPointer(rebasing: cells[range])
  }

  /// A stable copy of the current object's values, which ``cell(_:)`` points into.
  private var cells = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 4096)

  private func publishCells() {
    if cells.count < values.count {
      cells.deallocate()
      cells = .allocate(capacity: values.count * 2)
    }
    _ = cells.initialize(from: values)
  }

  public func next() throws(ReadError) -> Bool { try advance() }

  private enum Step {
    case object(next: Int)
    /// The `]` closing the array of records.
    case end(next: Int)
    /// Structure read up to `next`, no record yet.
    case advanced(next: Int)
    /// The input is read to its end.
    case finished
    case needMore
    case failure(at: Int, detail: LocalizedText)
  }

  private func advance() throws(ReadError) -> Bool {
    if end == 0 && !atEOF {
      try fill()
      let skip = min(skipBOM, end)
      start = skip
    }
    while true {
      if state == .done { return false }
      let step = parseNext()
      switch step {
      case .object(let next):
        consume(to: next)
        publishCells()
        return true
      case .end(let next):
        consume(to: next)
        state = isSavedPage ? .pageAfterMember : .trailing
      case .advanced(let next):
        consume(to: next)
      case .finished:
        state = .done
        return false
      case .needMore:
        if atEOF {
          let inArray = state == .beforeArray || state == .arrayOpen || state == .inArray
          throw failure(
            at: end,
            detail: inArray
              ? LocalizedText(
                id: "berkas berakhir sebelum array ditutup", en: "the file ends before the array is closed")
              : LocalizedText(
                id: "berkas berakhir sebelum objek ditutup", en: "the file ends before the object is closed"))
        }
        try fill()
      case .failure(let offset, let detail):
        throw failure(at: offset, detail: detail)
      }
    }
  }

  private func failure(at offset: Int, detail: LocalizedText) -> ReadError {
    var lineNumber = startLine
    var column = startColumn
    var index = start
    while index < offset && index < end {
      if buffer[index] == 0x0A {
        lineNumber += 1
        column = 0
      } else {
        column += 1
      }
      index += 1
    }
    return .badJSON(path: input.path, line: lineNumber, column: column + 1, detail: detail)
  }

  private func consume(to next: Int) {
    var index = start
    while index < next {
      if buffer[index] == 0x0A {
        startLine += 1
        startColumn = 0
      } else {
        startColumn += 1
      }
      index += 1
    }
    start = next
  }

  private func skipSpace(_ position: inout Int) {
    while position < end {
      let byte = buffer[position]
      guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
      position += 1
    }
  }

  /// Parses from `start`: a separator and the next object, or the end of the array; outside
  /// the array's objects, the structure around them.
  private func parseNext() -> Step {
    guard state == .inArray else { return parseStructure() }
    var position = start
    skipSpace(&position)
    if position >= end { return .needMore }
    // In the array: either `]` or `,` then an object.
    if buffer[position] == UInt8(ascii: "]") { return .end(next: position + 1) }
    if buffer[position] == UInt8(ascii: ",") {
      position += 1
      skipSpace(&position)
      if position >= end { return .needMore }
      return parseObjectStep(at: position, commitArray: false)
    }
    return .failure(
      at: position,
      detail: LocalizedText(
        id: "seharusnya `,` atau `]` di antara objek", en: "expected `,` or `]` between objects"))
  }

  /// Parses from `start` in any state but ``State/inArray``.
  private func parseStructure() -> Step {
    if state == .skipping { return skipValue() }
    var position = start
    skipSpace(&position)
    if position >= end {
      guard state == .trailing else { return .needMore }
      if atEOF { return .finished }
      // White space read to the end of the buffer: dropped before the next read.
      return position > start ? .advanced(next: position) : .needMore
    }
    let byte = buffer[position]
    switch state {
    case .beforeArray:
      if byte == UInt8(ascii: "[") {
        state = .arrayOpen
      } else if byte == UInt8(ascii: "{") {
        isSavedPage = true
        state = .pageMember
      } else {
        return .failure(
          at: position,
          detail: LocalizedText(
            id: "ekspor JSON harus berupa array objek", en: "a JSON export must be an array of objects"))
      }
      return .advanced(next: position + 1)
    case .arrayOpen:
      // The first object has no comma.
      if byte == UInt8(ascii: "]") { return .end(next: position + 1) }
      return parseObjectStep(at: position, commitArray: true)
    case .pageMember:
      if byte == UInt8(ascii: "}") && pageMembers == 0 { return endOfPage(at: position) }
      return parsePageMember(at: position)
    case .pageAfterMember:
      if byte == UInt8(ascii: ",") {
        state = .pageMember
        return .advanced(next: position + 1)
      }
      if byte == UInt8(ascii: "}") { return endOfPage(at: position) }
      return .failure(
        at: position,
        detail: LocalizedText(
          id: "seharusnya `,` atau `}` di dalam objek", en: "expected `,` or `}` in an object"))
    case .trailing:
      return .failure(
        at: position,
        detail: LocalizedText(
          id: "ada teks setelah akhir nilai JSON", en: "there is text after the end of the JSON value"))
    case .inArray, .skipping, .done:
      return .finished
    }
  }

  /// The `}` closing a saved page at `position`.
  private func endOfPage(at position: Int) -> Step {
    guard pageHasData else {
      return .failure(
        at: position,
        detail: LocalizedText(
          id: "halaman tersimpan harus berisi array `data`", en: "a saved page must hold a `data` array"))
    }
    state = .trailing
    return .advanced(next: position + 1)
  }

  /// A member of a saved page, from its key's opening quote at `memberStart` to the start
  /// of its value: `data` opens the array of records, `meta` is read whole, and any other
  /// value is skipped by ``skipValue()``.
  private func parsePageMember(at memberStart: Int) -> Step {
    var position = memberStart
    values.removeAll(keepingCapacity: true)
    let key: String
    switch readKey(&position) {
    case .key(let read): key = read
    case .stop(let step): return step
    }
    let byte = buffer[position]
    if key == "data" {
      guard !pageHasData else {
        return .failure(
          at: memberStart,
          detail: LocalizedText(
            id: "halaman tersimpan berisi `data` dua kali", en: "a saved page holds `data` twice"))
      }
      guard byte == UInt8(ascii: "[") else {
        return .failure(
          at: position,
          detail: LocalizedText(
            id: "`data` harus berupa array objek", en: "`data` must be an array of objects"))
      }
      pageHasData = true
      pageMembers += 1
      state = .arrayOpen
      return .advanced(next: position + 1)
    }
    if key == "meta" && byte == UInt8(ascii: "{") {
      let step = parseMeta(at: position)
      if case .advanced = step {
        pageMembers += 1
        state = .pageAfterMember
      }
      return step
    }
    pageMembers += 1
    skipClosers.removeAll(keepingCapacity: true)
    skipInString = false
    state = .skipping
    return .advanced(next: position)
  }

  /// Reads the `meta` object at `objectStart` into ``meta``: its scalar members. The object
  /// is read in one piece (the buffer grows to hold it), as a record is.
  private func parseMeta(at objectStart: Int) -> Step {
    var read: [String: String] = [:]
    var position = objectStart + 1
    var first = true
    while true {
      skipSpace(&position)
      if position >= end { return .needMore }
      if first && buffer[position] == UInt8(ascii: "}") { break }
      first = false
      values.removeAll(keepingCapacity: true)
      let key: String
      switch readKey(&position) {
      case .key(let read): key = read
      case .stop(let step): return step
      }
      let isNested = buffer[position] == UInt8(ascii: "{") || buffer[position] == UInt8(ascii: "[")
      values.removeAll(keepingCapacity: true)
      var isNull = false
      switch readValue(&position, isNull: &isNull) {
      case .needMore: return .needMore
      case .failure(let at, let detail): return .failure(at: at, detail: detail)
      default: break
      }
      if !isNull && !isNested { read[key] = String(decoding: values, as: UTF8.self) }
      skipSpace(&position)
      if position >= end { return .needMore }
      if buffer[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard buffer[position] == UInt8(ascii: "}") else {
        return .failure(
          at: position,
          detail: LocalizedText(
            id: "seharusnya `,` atau `}` di dalam objek", en: "expected `,` or `}` in an object"))
      }
      break
    }
    meta.merge(read) { _, new in new }
    return .advanced(next: position + 1)
  }

  /// Skips the value of a page member from `start`, across refills: strings, nested
  /// objects and arrays are consumed as they are read; a number or word is read whole.
  private func skipValue() -> Step {
    var position = start
    if skipClosers.isEmpty && !skipInString {
      // The value's first byte.
      let byte = buffer[position]
      switch byte {
      case UInt8(ascii: "\""):
        skipInString = true
      case UInt8(ascii: "{"):
        skipClosers.append(UInt8(ascii: "}"))
      case UInt8(ascii: "["):
        skipClosers.append(UInt8(ascii: "]"))
      default:
        // A number or a word, read whole (its text in `values` is not kept).
        var isNull = false
        switch readValue(&position, isNull: &isNull) {
        case .needMore: return .needMore
        case .failure(let at, let detail): return .failure(at: at, detail: detail)
        default: break
        }
        state = .pageAfterMember
        return .advanced(next: position)
      }
      position += 1
    }
    while position < end {
      let byte = buffer[position]
      if skipInString {
        if byte == UInt8(ascii: "\\") {
          // The escaped byte may be in the next read.
          if position + 1 >= end { break }
          position += 2
          continue
        }
        position += 1
        if byte == UInt8(ascii: "\"") {
          skipInString = false
          if skipClosers.isEmpty { break }
        }
        continue
      }
      position += 1
      if byte == UInt8(ascii: "\"") {
        skipInString = true
      } else if byte == UInt8(ascii: "{") {
        skipClosers.append(UInt8(ascii: "}"))
      } else if byte == UInt8(ascii: "[") {
        skipClosers.append(UInt8(ascii: "]"))
      } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
        guard skipClosers.last == byte else {
          return .failure(
            at: position - 1,
            detail: LocalizedText(id: "kurung tidak berpasangan", en: "unmatched bracket"))
        }
        skipClosers.removeLast()
        if skipClosers.isEmpty { break }
      }
    }
    if skipClosers.isEmpty && !skipInString { state = .pageAfterMember }
    if position > start { return .advanced(next: position) }
    return .needMore
  }

  private func parseObjectStep(at position: Int, commitArray: Bool) -> Step {
    // Count lines between `start` and the object's `{` for the record's line.
    var objectLine = startLine
    var index = start
    while index < position {
      if buffer[index] == 0x0A { objectLine += 1 }
      index += 1
    }
    let result = parseObject(at: position)
    if case .object = result {
      line = objectLine
      if commitArray { state = .inArray }
    }
    return result
  }

  private func parseObject(at objectStart: Int) -> Step {
    guard buffer[objectStart] == UInt8(ascii: "{") else {
      return .failure(
        at: objectStart, detail: LocalizedText(id: "seharusnya objek `{`", en: "expected an object `{`"))
    }
    values.removeAll(keepingCapacity: true)
    found.removeAll(keepingCapacity: true)
    var added: [String] = []
    var addedIndex: [String: Int] = [:]
    var position = objectStart + 1
    skipSpace(&position)
    if position >= end { return .needMore }
    if buffer[position] == UInt8(ascii: "}") {
      commit(added: added, addedIndex: addedIndex)
      return .object(next: position + 1)
    }
    while true {
      skipSpace(&position)
      if position >= end { return .needMore }
      let key: String
      switch readKey(&position) {
      case .key(let read): key = read
      case .stop(let step): return step
      }
      let valueStart = values.count
      var isNull = false
      switch readValue(&position, isNull: &isNull) {
      case .needMore: return .needMore
      case .failure(let at, let detail): return .failure(at: at, detail: detail)
      default: break
      }
      let range: Range<Int>? = isNull ? nil : valueStart..<values.count
      if let index = columnIndex[key] ?? addedIndex[key] {
        found.append((index, range))
      } else if learnsColumns {
        let index = columns.count + added.count
        addedIndex[key] = index
        added.append(key)
        found.append((index, range))
      }
      skipSpace(&position)
      if position >= end { return .needMore }
      if buffer[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      if buffer[position] == UInt8(ascii: "}") {
        commit(added: added, addedIndex: addedIndex)
        return .object(next: position + 1)
      }
      return .failure(
        at: position,
        detail: LocalizedText(
          id: "seharusnya `,` atau `}` di dalam objek", en: "expected `,` or `}` in an object"))
    }
  }

  /// Makes a parsed object current: new columns first, then its values by column.
  private func commit(added: [String], addedIndex: [String: Int]) {
    if !added.isEmpty {
      columns.append(contentsOf: added)
      columnIndex.merge(addedIndex) { old, _ in old }
    }
    if spans.count != columns.count {
      spans = Array(repeating: nil, count: columns.count)
    } else {
      for index in spans.indices { spans[index] = nil }
    }
    for (column, range) in found where spans[column] == nil { spans[column] = range }
  }

  /// What reading a member's key gave: the key, the reader positioned at its value; or the
  /// step to return (more input needed, or a failure).
  private enum KeyRead {
    case key(String)
    case stop(Step)
  }

  /// Reads a member's key from its opening quote at `position`, and the `:` after it;
  /// `position` ends at the value.
  @inline(__always)
  private func readKey(_ position: inout Int) -> KeyRead {
    guard buffer[position] == UInt8(ascii: "\"") else {
      return .stop(
        .failure(
          at: position,
          detail: LocalizedText(id: "seharusnya kunci dalam tanda kutip", en: "expected a key in quotes")))
    }
    let keyStart = values.count
    switch readString(&position) {
    case .needMore: return .stop(.needMore)
    case .failure(let at, let detail): return .stop(.failure(at: at, detail: detail))
    default: break
    }
    let key = String(decoding: values[keyStart...], as: UTF8.self)
    values.removeSubrange(keyStart...)
    skipSpace(&position)
    if position >= end { return .stop(.needMore) }
    guard buffer[position] == UInt8(ascii: ":") else {
      return .stop(
        .failure(
          at: position,
          detail: LocalizedText(id: "seharusnya `:` setelah kunci", en: "expected `:` after a key")))
    }
    position += 1
    skipSpace(&position)
    if position >= end { return .stop(.needMore) }
    return .key(key)
  }

  /// Reads a string starting at its opening quote, appending its decoded UTF-8 to `values`.
  private func readString(_ position: inout Int) -> Step {
    var cursor = position + 1
    while cursor < end {
      let byte = buffer[cursor]
      if byte == UInt8(ascii: "\"") {
        position = cursor + 1
        return .object(next: position)
      }
      if byte == UInt8(ascii: "\\") {
        guard cursor + 1 < end else { return .needMore }
        let escaped = buffer[cursor + 1]
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
          values.append(escaped)
          cursor += 2
        case UInt8(ascii: "b"): values.append(0x08); cursor += 2
        case UInt8(ascii: "f"): values.append(0x0C); cursor += 2
        case UInt8(ascii: "n"): values.append(0x0A); cursor += 2
        case UInt8(ascii: "r"): values.append(0x0D); cursor += 2
        case UInt8(ascii: "t"): values.append(0x09); cursor += 2
        case UInt8(ascii: "u"):
          guard cursor + 6 <= end else { return .needMore }
          guard var code = hex4(at: cursor + 2) else {
            return .failure(
              at: cursor, detail: LocalizedText(id: "escape \\u tidak sah", en: "bad \\u escape"))
          }
          cursor += 6
          if code >= 0xD800 && code < 0xDC00 {
            // A surrogate pair.
            guard cursor + 6 <= end else { return .needMore }
            if buffer[cursor] == UInt8(ascii: "\\") && buffer[cursor + 1] == UInt8(ascii: "u"),
              let low = hex4(at: cursor + 2), low >= 0xDC00 && low < 0xE000
            {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
              cursor += 6
            } else {
              code = 0xFFFD
            }
          } else if code >= 0xDC00 && code < 0xE000 {
            code = 0xFFFD
          }
          let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
          values.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
          return .failure(
            at: cursor, detail: LocalizedText(id: "escape tidak sah dalam teks", en: "bad escape in a string")
          )
        }
        continue
      }
      values.append(byte)
      cursor += 1
    }
    return .needMore
  }

  private func hex4(at index: Int) -> UInt32? {
    var value: UInt32 = 0
    for offset in 0..<4 {
      let byte = buffer[index + offset]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: return nil
      }
      value = value << 4 | digit
    }
    return value
  }

  private func readValue(_ position: inout Int, isNull: inout Bool) -> Step {
    let byte = buffer[position]
    switch byte {
    case UInt8(ascii: "\""):
      return readString(&position)
    case UInt8(ascii: "-"), 0x30...0x39:
      var cursor = position
      while cursor < end {
        let digit = buffer[cursor]
        let isNumberByte =
          (digit >= 0x30 && digit <= 0x39) || digit == UInt8(ascii: "-")
          || digit == UInt8(ascii: "+") || digit == UInt8(ascii: ".")
          || digit == UInt8(ascii: "e") || digit == UInt8(ascii: "E")
        guard isNumberByte else { break }
        cursor += 1
      }
      if cursor >= end { return .needMore }
      values.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position..<cursor]))
      position = cursor
      return .object(next: cursor)
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      let word: [UInt8] =
        byte == UInt8(ascii: "t")
        ? Array("true".utf8) : byte == UInt8(ascii: "f") ? Array("false".utf8) : Array("null".utf8)
      guard position + word.count <= end else { return .needMore }
      for (offset, expected) in word.enumerated() where buffer[position + offset] != expected {
        return .failure(at: position, detail: LocalizedText(id: "teks tak terduga", en: "unexpected text"))
      }
      if byte == UInt8(ascii: "n") {
        isNull = true
      } else {
        values.append(contentsOf: word)
      }
      position += word.count
      return .object(next: position)
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      // Nested value: kept as its JSON text.
      var depth = 0
      var cursor = position
      var inString = false
      while cursor < end {
        let current = buffer[cursor]
        if inString {
          if current == UInt8(ascii: "\\") {
            cursor += 2
            continue
          }
          if current == UInt8(ascii: "\"") { inString = false }
        } else if current == UInt8(ascii: "\"") {
          inString = true
        } else if current == UInt8(ascii: "{") || current == UInt8(ascii: "[") {
          depth += 1
        } else if current == UInt8(ascii: "}") || current == UInt8(ascii: "]") {
          depth -= 1
          if depth == 0 {
            values.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...cursor]))
            position = cursor + 1
            return .object(next: position)
          }
        }
        cursor += 1
      }
      return .needMore
    default:
      return .failure(
        at: position, detail: LocalizedText(id: "karakter tak terduga", en: "unexpected character"))
    }
  }

  private func fill() throws(ReadError) { try window.fill(line: startLine) }
}
