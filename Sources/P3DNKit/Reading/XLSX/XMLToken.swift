/// What ``XMLTokenizer/next()`` read. The name, attributes and text of the token are read
/// from the tokenizer, and stay valid until its next call to ``XMLTokenizer/next()``.
enum XMLToken {
  /// A start tag, or an empty-element tag (`<c r="A1"/>`, ``XMLTokenizer/selfClosing``).
  case start
  /// An end tag, whose name matches the start tag it closes.
  case end
  /// Character data between tags, or a CDATA section.
  case text
  /// The end of the part, after the root element closed.
  case endOfDocument
}
