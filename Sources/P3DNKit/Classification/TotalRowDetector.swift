/// Recognizes the `JUMLAH` / `TOTAL` rows of hand-made sheets (CONTRACT §4.1).
public enum TotalRowDetector {
  private static let words = ["grand total", "sub total", "sub-total", "subtotal", "jumlah", "total"]

  /// Whether the trimmed text begins with one of the total words as a whole word.
  public static func beginsWithTotalWord(_ text: String) -> Bool {
    let lowered = text.trimmingWhitespace().lowercased()
    for word in words where lowered.hasPrefix(word) {
      let rest = lowered.dropFirst(word.count)
      guard let next = rest.unicodeScalars.first else { return true }
      if !(next.properties.isAlphabetic || next.properties.numericType != nil) { return true }
    }
    return false
  }

  /// A total row: the OPD code cell begins with a total word, or the code cell is empty
  /// and the OPD name or a description cell (`uraian`, `nama_paket`, …) begins so. The
  /// other cells are only read when the code cell is empty.
  public static func isTotalRow(code: String, otherCells: () -> [String]) -> Bool {
    if !code.isEmpty { return beginsWithTotalWord(code) }
    return otherCells().contains(where: beginsWithTotalWord)
  }
}
