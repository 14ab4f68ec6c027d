/// What a flag cell says.
public enum FlagValue: Equatable, Sendable {
  /// The cell is empty: it decides nothing.
  case empty
  case yes
  case no
  /// The cell holds a word that is not recognized; it decides (as unknown).
  case unrecognized
}

/// The yes and no words of CONTRACT §4.2. Matching ignores case, spaces, `-` and `_`;
/// `Non X`, `Bukan X` and `Tidak X`, where X is a yes-word, are no.
public enum FlagWords {
  public enum Kind: Sendable {
    case generic
    case pdn
    case umk
  }

  private static let genericYes: Set<String> = ["ya", "y", "1", "true"]
  private static let genericNo: Set<String> = ["tidak", "t", "n", "0", "false"]
  private static let pdnYes: Set<String> = ["pdn"]
  private static let pdnNo: Set<String> = ["impor"]
  private static let umkYes: Set<String> = ["umk", "ukm", "usahakecil", "mikro", "kecil"]
  private static let umkNo: Set<String> = ["menengah", "besar"]

  static func yesWords(_ kind: Kind) -> Set<String> {
    switch kind {
    case .generic: return genericYes
    case .pdn: return genericYes.union(pdnYes)
    case .umk: return genericYes.union(umkYes)
    }
  }

  static func noWords(_ kind: Kind) -> Set<String> {
    switch kind {
    case .generic: return genericNo
    case .pdn: return genericNo.union(pdnNo)
    case .umk: return genericNo.union(umkNo)
    }
  }

  /// Lowercased, without spaces, `-` and `_`.
  static func normalize(_ text: String) -> String {
    var result = ""
    for scalar in text.lowercased().unicodeScalars {
      if scalar == " " || scalar == "-" || scalar == "_" || scalar.properties.isWhitespace {
        continue
      }
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  public static func read(_ text: String, kind: Kind, extra: ExtraFlagWords = ExtraFlagWords())
    -> FlagValue
  {
    let word = normalize(text)
    if word.isEmpty { return .empty }
    // A mapping's own words come first: they may redefine a built-in word.
    if extra.yes.contains(word) { return .yes }
    if extra.no.contains(word) { return .no }
    let yes = extra.yes.isEmpty ? yesWords(kind) : yesWords(kind).union(extra.yes)
    if yes.contains(word) { return .yes }
    if noWords(kind).contains(word) { return .no }
    for prefix in ["non", "bukan", "tidak"] where word.hasPrefix(prefix) {
      if yes.contains(String(word.dropFirst(prefix.count))) { return .no }
    }
    return .unrecognized
  }
}
