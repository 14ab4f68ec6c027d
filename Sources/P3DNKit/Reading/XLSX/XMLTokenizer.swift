#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pull tokenizer for the XML that SpreadsheetML parts use, over chunks of a part that
/// arrive one by one: start and end tags with their attributes (`'` or `"` quotes), text,
/// and CDATA sections; comments, processing instructions and a document type declaration
/// are skipped.
///
/// It reads bytes and hands out byte ranges: no `String` is made per element. Names are
/// the local part (`x:row` is `row`). It checks what a reader of a part relies on: end tags
/// match their start tags, attributes are well formed, there is one root element and
/// nothing but white space around it, and the part does not end inside markup; a part
/// that breaks those rules throws ``ReadError/badXLSX(path:detail:)`` with the part's
/// name and line. References (`&amp;`, `&#233;`) are decoded when text is copied out
/// (``appendText(to:)``). Only tokens that are complete in the buffer are returned, so a
/// token may cross any number of chunks; the buffer grows only for a token longer than it.
final class XMLTokenizer {
  /// The largest single token accepted (a cell holds at most 32,767 characters).
  static let maximumTokenBytes = 64 << 20

  let path: String
  let part: String
  private let source: any XMLByteSource
  private let buffer: GrowableBytes
  /// The next byte of `buffer` not yet tokenized.
  private var position = 0
  private var atEOF = false
  /// Line breaks in the bytes already dropped from the front of `buffer`.
  private var linesBefore = 0
  private var checkedStart = false
  /// The names (as written) of the open elements, one after another.
  private let openNames = GrowableBytes(capacity: 256)
  private var openNameEnds: [Int] = []
  private var sawRoot = false
  private var rootClosed = false

  /// The local name of the current start or end tag.
  private(set) var nameStart = 0
  private(set) var nameEnd = 0
  /// Whether the current start tag is an empty-element tag (`<c/>`).
  private(set) var selfClosing = false
  /// Per attribute of the current start tag: local name start and end, value start and
  /// end (`attributeCount` of them, in a list that grows by doubling).
  private var attributeBounds: UnsafeMutablePointer<Int>
  private var attributeCapacity = 16
  private var attributeCount = 0
  private(set) var textStart = 0
  private(set) var textEnd = 0
  /// The current text is a CDATA section (no references to decode).
  private(set) var textIsCDATA = false

  init(source: any XMLByteSource, path: String, part: String, bufferSize: Int = 1 << 18) {
    self.source = source
    self.path = path
    self.part = part
    self.buffer = GrowableBytes(capacity: bufferSize)
    attributeBounds = .allocate(capacity: attributeCapacity * 4)
  }

  deinit {
    source.cancel()
    attributeBounds.deallocate()
  }

  /// Elements open around the current position (the current start tag included).
  var depth: Int { openNameEnds.count }

  /// Stops reading the part: its remaining bytes are not needed.
  func cancel() { source.cancel() }

  /// The local name of the current tag.
  var name: UnsafeBufferPointer<UInt8> { buffer.bytes(nameStart, nameEnd) }

  /// Whether the local name of the current tag is `word`.
  @inline(__always)
  func nameIs(_ word: StaticString) -> Bool {
    guard nameEnd - nameStart == word.utf8CodeUnitCount else { return false }
    let pointer = word.utf8Start
    for index in 0..<word.utf8CodeUnitCount where buffer[nameStart + index] != pointer[index] {
      return false
    }
    return true
  }

  /// The raw text (references not decoded) of the current text token.
  var rawText: UnsafeBufferPointer<UInt8> { buffer.bytes(textStart, textEnd) }

  /// Appends the current text, references decoded, to `output`.
  @inline(__always)
  func appendText(to output: GrowableBytes) {
    appendDecoded(rawText, raw: textIsCDATA, to: output)
  }

  /// The raw value of the attribute of the current start tag whose local name is `word`
  /// (namespace declarations are not attributes here).
  func attribute(_ word: StaticString) -> UnsafeBufferPointer<UInt8>? {
    let count = word.utf8CodeUnitCount
    let pointer = word.utf8Start
    for attribute in 0..<attributeCount {
      let bounds = attributeBounds + attribute * 4
      let start = bounds[0]
      if bounds[1] - start == count {
        var same = true
        for offset in 0..<count where buffer[start + offset] != pointer[offset] {
          same = false
          break
        }
        if same { return buffer.bytes(bounds[2], bounds[3]) }
      }
    }
    return nil
  }

  /// The decoded value of an attribute, as text.
  func attributeString(_ word: StaticString) -> String? {
    guard let raw = attribute(word) else { return nil }
    let decoded = GrowableBytes(capacity: raw.count + 16)
    appendDecoded(raw, raw: false, to: decoded)
    return String(decoding: decoded.bytes(0, decoded.count), as: UTF8.self)
  }

  private func appendDecoded(_ bytes: UnsafeBufferPointer<UInt8>, raw: Bool, to output: GrowableBytes) {
    if raw || !XMLText.contains(UInt8(ascii: "&"), bytes) {
      output.append(bytes)
    } else {
      XMLText.appendDecoded(bytes, to: output)
    }
  }

  /// Reads the next token.
  func next() throws(ReadError) -> XMLToken {
    while true {
      if let token = try scan() { return token }
      if atEOF {
        if position < buffer.count {
          throw malformed(
            at: position,
            LocalizedText(id: "bagian berakhir di tengah tag", en: "the part ends inside a tag"))
        }
        return try endOfDocument()
      }
      try fill()
    }
  }

  private func endOfDocument() throws(ReadError) -> XMLToken {
    if let last = openNameEnds.last {
      let start = openNameEnds.count > 1 ? openNameEnds[openNameEnds.count - 2] : 0
      let open = String(decoding: openNames.bytes(start, last), as: UTF8.self)
      throw malformed(
        at: buffer.count,
        LocalizedText(
          id: "bagian berakhir sebelum <\(open)> ditutup", en: "the part ends before <\(open)> is closed"))
    }
    if !sawRoot {
      throw malformed(
        at: buffer.count,
        LocalizedText(id: "bagian tidak memuat elemen XML", en: "the part holds no XML element"))
    }
    return .endOfDocument
  }

  /// Moves the unread bytes to the front of the buffer and appends the next chunk.
  private func fill() throws(ReadError) {
    if position > 0 {
      linesBefore += lineBreaks(0, position)
      buffer.removeFirst(position)
      position = 0
    }
    if buffer.count > Self.maximumTokenBytes {
      throw malformed(
        at: 0,
        LocalizedText(id: "satu tag atau teks lebih dari 64 MB", en: "one tag or text is longer than 64 MB"))
    }
    if try !source.read(into: buffer) { atEOF = true }
  }

  /// The next complete token in the buffer, or nil when the buffer ends before one does.
  private func scan() throws(ReadError) -> XMLToken? {
    while true {
      let end = buffer.count
      if position >= end { return nil }
      if !checkedStart {
        guard end - position >= 3 || atEOF else { return nil }
        try skipByteOrderMark()
        continue
      }
      let base = buffer.base
      if base[position] != UInt8(ascii: "<") {
        let stop = find(UInt8(ascii: "<"), from: position) ?? (atEOF ? end : -1)
        if stop < 0 { return nil }
        if depth == 0 {
          for index in position..<stop where !ByteText.isSpace(base[index]) {
            throw malformed(
              at: index,
              LocalizedText(
                id: "ada teks di luar elemen akar", en: "there is text outside the root element"))
          }
          position = stop
          continue
        }
        textStart = position
        textEnd = stop
        textIsCDATA = false
        position = stop
        return .text
      }
      guard position + 1 < end else { return nil }
      switch base[position + 1] {
      case UInt8(ascii: "/"):
        return try scanEndTag()
      case UInt8(ascii: "?"):
        guard let close = find("?>", from: position + 2) else { return nil }
        position = close + 2
      case UInt8(ascii: "!"):
        guard end - position >= 9 || atEOF else { return nil }
        if hasPrefix("<!--") {
          guard let close = find("-->", from: position + 4) else { return nil }
          position = close + 3
        } else if hasPrefix("<![CDATA[") {
          guard let close = find("]]>", from: position + 9) else { return nil }
          if depth == 0 {
            throw malformed(
              at: position,
              LocalizedText(
                id: "ada CDATA di luar elemen akar", en: "there is a CDATA section outside the root element"))
          }
          textStart = position + 9
          textEnd = close
          textIsCDATA = true
          position = close + 3
          return .text
        } else if hasPrefix("<!DOCTYPE") {
          guard let close = doctypeEnd() else { return nil }
          position = close + 1
        } else {
          throw malformed(
            at: position,
            LocalizedText(id: "deklarasi `<!` tidak dikenal", en: "an unknown `<!` declaration"))
        }
      default:
        return try scanStartTag()
      }
    }
  }

  private func skipByteOrderMark() throws(ReadError) {
    checkedStart = true
    let end = buffer.count
    if end - position >= 2
      && ((buffer[position] == 0xFF && buffer[position + 1] == 0xFE)
        || (buffer[position] == 0xFE && buffer[position + 1] == 0xFF))
    {
      throw .badXLSX(path: path, detail: XLSXProblem.utf16Part(part))
    }
    if end - position >= 3 && buffer[position] == 0xEF && buffer[position + 1] == 0xBB
      && buffer[position + 2] == 0xBF
    {
      position += 3
    }
  }

  private func scanEndTag() throws(ReadError) -> XMLToken? {
    guard let close = find(UInt8(ascii: ">"), from: position + 2) else { return nil }
    let start = position + 2
    var stop = close
    while stop > start && ByteText.isSpace(buffer[stop - 1]) { stop -= 1 }
    guard let openEnd = openNameEnds.last else {
      throw malformed(
        at: position,
        LocalizedText(id: "tag penutup tanpa tag pembuka", en: "an end tag without a start tag"))
    }
    let openStart = openNameEnds.count > 1 ? openNameEnds[openNameEnds.count - 2] : 0
    let length = openEnd - openStart
    var same = stop - start == length
    if same {
      for offset in 0..<length where buffer[start + offset] != openNames[openStart + offset] {
        same = false
        break
      }
    }
    guard same else {
      let open = String(decoding: openNames.bytes(openStart, openEnd), as: UTF8.self)
      let found = String(decoding: buffer.bytes(start, stop), as: UTF8.self)
      throw malformed(
        at: position,
        LocalizedText(
          id: "</\(found)> tidak menutup <\(open)>", en: "</\(found)> does not close <\(open)>"))
    }
    openNameEnds.removeLast()
    openNames.truncate(to: openStart)
    if openNameEnds.isEmpty { rootClosed = true }
    setName(start, stop)
    position = close + 1
    return .end
  }

  private func scanStartTag() throws(ReadError) -> XMLToken? {
    let base = buffer.base
    let end = buffer.count
    var cursor = position + 1
    let nameBegin = cursor
    while cursor < end {
      let byte = base[cursor]
      if ByteText.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
      if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        || byte == UInt8(ascii: "=")
      {
        throw malformed(
          at: cursor, LocalizedText(id: "nama tag tidak sah", en: "a tag name is not valid"))
      }
      cursor += 1
    }
    if cursor >= end { return nil }
    if cursor == nameBegin {
      throw malformed(at: position, LocalizedText(id: "tag tanpa nama", en: "a tag without a name"))
    }
    if rootClosed {
      throw malformed(
        at: position,
        LocalizedText(id: "ada elemen setelah elemen akar ditutup", en: "an element follows the root element")
      )
    }
    let nameStop = cursor
    attributeCount = 0
    var empty = false
    while true {
      while cursor < end && ByteText.isSpace(base[cursor]) { cursor += 1 }
      if cursor >= end { return nil }
      let byte = base[cursor]
      if byte == UInt8(ascii: ">") {
        cursor += 1
        break
      }
      if byte == UInt8(ascii: "/") {
        guard cursor + 1 < end else { return nil }
        guard base[cursor + 1] == UInt8(ascii: ">") else {
          throw malformed(at: cursor, LocalizedText(id: "`/` tanpa `>`", en: "`/` without `>`"))
        }
        empty = true
        cursor += 2
        break
      }
      guard let next = try scanAttribute(at: cursor) else { return nil }
      cursor = next
    }
    if empty {
      if openNameEnds.isEmpty { rootClosed = true }
    } else {
      openNames.append(buffer.bytes(nameBegin, nameStop))
      openNameEnds.append(openNames.count)
    }
    sawRoot = true
    selfClosing = empty
    setName(nameBegin, nameStop)
    position = cursor
    return .start
  }

  /// Reads one `name="value"` at `start`; returns where it ends, or nil when the buffer ends
  /// first.
  private func scanAttribute(at start: Int) throws(ReadError) -> Int? {
    let base = buffer.base
    let end = buffer.count
    var cursor = start
    var localStart = start
    while cursor < end {
      let byte = base[cursor]
      if byte == UInt8(ascii: "=") || ByteText.isSpace(byte) || byte == UInt8(ascii: ">")
        || byte == UInt8(ascii: "/")
      {
        break
      }
      if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        throw malformed(
          at: cursor, LocalizedText(id: "nama atribut tidak sah", en: "an attribute name is not valid"))
      }
      if byte == UInt8(ascii: ":") { localStart = cursor + 1 }
      cursor += 1
    }
    if cursor >= end { return nil }
    let nameStop = cursor
    while cursor < end && ByteText.isSpace(base[cursor]) { cursor += 1 }
    if cursor >= end { return nil }
    guard nameStop > start, base[cursor] == UInt8(ascii: "=") else {
      throw malformed(
        at: start, LocalizedText(id: "atribut tanpa nilai", en: "an attribute without a value"))
    }
    cursor += 1
    while cursor < end && ByteText.isSpace(base[cursor]) { cursor += 1 }
    if cursor >= end { return nil }
    let quote = base[cursor]
    guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
      throw malformed(
        at: cursor,
        LocalizedText(id: "nilai atribut tanpa tanda kutip", en: "an attribute value without quotes"))
    }
    guard let close = find(quote, from: cursor + 1) else { return nil }
    if XMLText.contains(UInt8(ascii: "<"), buffer.bytes(cursor + 1, close)) {
      throw malformed(
        at: cursor, LocalizedText(id: "`<` di dalam nilai atribut", en: "`<` inside an attribute value"))
    }
    guard close + 1 < end else { return nil }
    let after = base[close + 1]
    guard ByteText.isSpace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">") else {
      throw malformed(
        at: close + 1,
        LocalizedText(id: "atribut tidak dipisah spasi", en: "attributes not separated by white space"))
    }
    let isNamespace =
      nameStop - start >= 5 && base[start] == UInt8(ascii: "x") && base[start + 1] == UInt8(ascii: "m")
      && base[start + 2] == UInt8(ascii: "l") && base[start + 3] == UInt8(ascii: "n")
      && base[start + 4] == UInt8(ascii: "s")
      && (nameStop - start == 5 || base[start + 5] == UInt8(ascii: ":"))
    if !isNamespace {
      if attributeCount == attributeCapacity {
        let larger = UnsafeMutablePointer<Int>.allocate(capacity: attributeCapacity * 8)
        larger.moveInitialize(from: attributeBounds, count: attributeCount * 4)
        attributeBounds.deallocate()
        attributeBounds = larger
        attributeCapacity *= 2
      }
      let bounds = attributeBounds + attributeCount * 4
      bounds[0] = localStart
      bounds[1] = nameStop
      bounds[2] = cursor + 1
      bounds[3] = close
      attributeCount += 1
    }
    return close + 1
  }

  @inline(__always)
  private func setName(_ start: Int, _ stop: Int) {
    var local = start
    var index = stop
    while index > start {
      index -= 1
      if buffer[index] == UInt8(ascii: ":") {
        local = index + 1
        break
      }
    }
    nameStart = local
    nameEnd = stop
  }

  /// The end (`>`) of a document type declaration at `position`, past an internal subset
  /// in brackets.
  private func doctypeEnd() -> Int? {
    var cursor = position + 9
    var inSubset = false
    var quote: UInt8 = 0
    while cursor < buffer.count {
      let byte = buffer[cursor]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: "[") {
        inSubset = true
      } else if byte == UInt8(ascii: "]") {
        inSubset = false
      } else if byte == UInt8(ascii: ">") && !inSubset {
        return cursor
      }
      cursor += 1
    }
    return nil
  }

  private func hasPrefix(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard buffer.count - position >= count else { return false }
    let pointer = word.utf8Start
    for index in 0..<count where buffer[position + index] != pointer[index] { return false }
    return true
  }

  @inline(__always)
  private func find(_ byte: UInt8, from start: Int) -> Int? {
    let end = buffer.count
    guard start < end, let found = memchr(buffer.base + start, Int32(byte), end - start) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(buffer.base)
  }

  /// Where `word` (two or three bytes) next starts at or after `start`.
  private func find(_ word: StaticString, from start: Int) -> Int? {
    let count = word.utf8CodeUnitCount
    let pointer = word.utf8Start
    var cursor = start
    while let found = find(pointer[count - 1], from: cursor + count - 1) {
      let candidate = found - count + 1
      var same = true
      for index in 0..<(count - 1) where buffer[candidate + index] != pointer[index] {
        same = false
        break
      }
      if same { return candidate }
      cursor = candidate + 1
    }
    return nil
  }

  private func lineBreaks(_ start: Int, _ end: Int) -> Int {
    var count = 0
    var cursor = start
    while cursor < end, let found = memchr(buffer.base + cursor, 0x0A, end - cursor) {
      count += 1
      cursor = UnsafeRawPointer(found) - UnsafeRawPointer(buffer.base) + 1
    }
    return count
  }

  /// The 1-based line of the part at buffer offset `offset`.
  private func line(at offset: Int) -> Int { linesBefore + lineBreaks(0, min(offset, buffer.count)) + 1 }

  private func malformed(at offset: Int, _ what: LocalizedText) -> ReadError {
    .badXLSX(path: path, detail: XLSXProblem.malformed(part, line: line(at: offset), what))
  }
}
