/// Streams the objects of a JSON array (`[{…}, {…}]`, the ISB export form) as records.
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

  private enum State { case beforeArray, inArray, done }

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
    case end(next: Int)
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
        state = .done
        return false
      case .needMore:
        if atEOF {
          throw failure(
            at: end,
            detail: LocalizedText(
              id: "berkas berakhir sebelum array ditutup", en: "the file ends before the array is closed"))
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

  /// Parses from `start`: the opening bracket, a separator and the next object, or the end.
  private func parseNext() -> Step {
    var position = start
    skipSpace(&position)
    if position >= end { return .needMore }
    if state == .beforeArray {
      guard buffer[position] == UInt8(ascii: "[") else {
        return .failure(
          at: position,
          detail: LocalizedText(
            id: "ekspor JSON harus berupa array objek", en: "a JSON export must be an array of objects"))
      }
      position += 1
      skipSpace(&position)
      if position >= end { return .needMore }
      if buffer[position] == UInt8(ascii: "]") {
        return .end(next: position + 1)
      }
      return parseObjectStep(at: position, commitArray: true)
    }
    // In the array: either `]` or `,` then an object. The first object has no comma.
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
      guard buffer[position] == UInt8(ascii: "\"") else {
        return .failure(
          at: position,
          detail: LocalizedText(id: "seharusnya kunci dalam tanda kutip", en: "expected a key in quotes"))
      }
      let keyStart = values.count
      switch readString(&position) {
      case .needMore: return .needMore
      case .failure(let at, let detail): return .failure(at: at, detail: detail)
      default: break
      }
      let key = String(decoding: values[keyStart...], as: UTF8.self)
      values.removeSubrange(keyStart...)
      skipSpace(&position)
      if position >= end { return .needMore }
      guard buffer[position] == UInt8(ascii: ":") else {
        return .failure(
          at: position,
          detail: LocalizedText(id: "seharusnya `:` setelah kunci", en: "expected `:` after a key"))
      }
      position += 1
      skipSpace(&position)
      if position >= end { return .needMore }
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
