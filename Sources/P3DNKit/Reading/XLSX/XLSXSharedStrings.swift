/// The shared-string table of a workbook (`xl/sharedStrings.xml`), where the cells of
/// type `s` find their text: all strings, decoded to UTF-8, one after another in one byte
/// buffer, with the offset where each ends.
///
/// The text of an `<si>` is its `<t>`, or the `<t>` of its rich-text runs (`<r>`) in turn;
/// phonetic runs (`<rPh>`) are left out. References and `_xHHHH_` escapes are decoded.
final class XLSXSharedStrings: @unchecked Sendable {
  private let bytes: GrowableBytes
  /// `ends[i]` is where string `i` ends in `bytes` (it starts where string `i - 1` ends).
  private let ends: [Int]

  private init(bytes: GrowableBytes, ends: [Int]) {
    self.bytes = bytes
    self.ends = ends
  }

  static let none = XLSXSharedStrings(bytes: GrowableBytes(capacity: 16), ends: [])

  var count: Int { ends.count }

  /// The bytes of string `index`, valid while the table lives; nil when out of range.
  @inline(__always)
  func string(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
    guard index >= 0 && index < ends.count else { return nil }
    return bytes.bytes(index == 0 ? 0 : ends[index - 1], ends[index])
  }

  /// Reads the shared-string part `part` of the workbook at `path`, streaming it.
  static func read(path: String, part: String) throws(ReadError) -> XLSXSharedStrings {
    let tokenizer = XMLTokenizer(source: XLSXPartStream(path: path, part: part), path: path, part: part)
    let bytes = GrowableBytes(capacity: 1 << 16)
    var ends: [Int] = []
    var inItem = false
    var inText = false
    var inPhonetic = false
    var itemStart = 0
    while true {
      switch try tokenizer.next() {
      case .start:
        if tokenizer.nameIs("sst"),
          let unique = tokenizer.attribute("uniqueCount").flatMap(XLSXSheetReader.decimal)
        {
          // Room for every string at once, not grown by copying (capped against a bad count).
          ends.reserveCapacity(min(unique, 1 << 24))
        } else if tokenizer.nameIs("si") {
          if tokenizer.selfClosing {
            ends.append(bytes.count)
          } else {
            inItem = true
            itemStart = bytes.count
          }
        } else if tokenizer.nameIs("t") {
          inText = inItem && !inPhonetic && !tokenizer.selfClosing
        } else if tokenizer.nameIs("rPh") {
          inPhonetic = !tokenizer.selfClosing
        }
      case .end:
        if tokenizer.nameIs("t") {
          inText = false
        } else if tokenizer.nameIs("rPh") {
          inPhonetic = false
        } else if tokenizer.nameIs("si") {
          XMLText.decodeEscapes(in: bytes, from: itemStart)
          ends.append(bytes.count)
          inItem = false
        }
      case .text:
        if inText { tokenizer.appendText(to: bytes) }
      case .endOfDocument:
        bytes.shrinkToFit()
        return XLSXSharedStrings(bytes: bytes, ends: ends)
      }
    }
  }
}
