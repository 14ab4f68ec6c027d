/// Recognizes cooperatives by the words in a vendor's name (CONTRACT §4.2).
public enum Koperasi {
  /// Words that, standing alone in a vendor's name, mark a cooperative.
  public static let nameWords: Set<String> = [
    "koperasi", "kud", "ksu", "ksp", "kopkar", "kopwan", "primkop", "puskop", "inkop",
  ]

  /// Whether `name` contains one of ``nameWords`` as a whole word, in any case.
  public static func nameMarksCooperative(_ name: String) -> Bool {
    var word = ""
    for scalar in name.lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        word.unicodeScalars.append(scalar)
      } else {
        if nameWords.contains(word) { return true }
        word = ""
      }
    }
    return nameWords.contains(word)
  }
}
