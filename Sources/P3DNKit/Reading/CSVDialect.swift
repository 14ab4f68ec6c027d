/// How quotes inside a quoted field are escaped.
public enum QuoteEscape: String, Sendable {
  /// RFC 4180: a quote inside a quoted field is written twice (`""`).
  case doubled
  /// ISB style: a quote inside a quoted field is written `\"`.
  case backslash
}

/// The character encoding of a text file.
public enum TextEncoding: String, Sendable {
  case utf8 = "UTF-8"
  case windows1252 = "Windows-1252"
}

/// Everything needed to split a delimited text file into records.
public struct CSVDialect: Equatable, Sendable {
  public var delimiter: UInt8
  public var escape: QuoteEscape
  public var encoding: TextEncoding
  /// Bytes to skip at the start of the file (a UTF-8 byte order mark).
  public var bomLength: Int

  public init(
    delimiter: UInt8 = UInt8(ascii: ","), escape: QuoteEscape = .doubled,
    encoding: TextEncoding = .utf8, bomLength: Int = 0
  ) {
    self.delimiter = delimiter
    self.escape = escape
    self.encoding = encoding
    self.bomLength = bomLength
  }

  /// The delimiter's name for messages: `,`, `;` or `tab`.
  public var delimiterName: String {
    delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter))
  }
}
