/// What the team's vendor list says about one vendor.
public struct VendorEntry: Equatable, Sendable {
  /// The business scale read as a UMK flag: mikro/kecil yes, menengah/besar no.
  public var umk: FlagValue
  /// Whether the vendor is a koperasi (nil: the list does not say).
  public var koperasi: Bool?
  /// The vendor's kab/kota (nil: not given).
  public var region: String?
}

/// How a line found its vendor in the list.
public enum VendorMatch: Sendable {
  case npwp
  case code
  case name
}

/// The vendor list of `--vendors`: entries found by NPWP (15- and 16-digit forms alike),
/// vendor code, or normalized name, in that order.
public struct VendorList: Sendable {
  public let path: String
  public private(set) var sha256: String
  public let profile: String
  public private(set) var entries: [VendorEntry] = []
  private var byNPWP: [String: Int] = [:]
  private var byCode: [String: Int] = [:]
  private var byName: [String: Int] = [:]
  /// Names that two entries with different facts share: never matched by name.
  private var ambiguousNames: Set<String> = []
  /// Rows of the file read, rows used, and rows with no key or no fact.
  public internal(set) var rows = 0
  public internal(set) var unusable = 0
  /// Keys that two rows give different facts for (the first row wins).
  public internal(set) var conflicts = 0

  init(path: String, sha256: String, profile: String) {
    self.path = path
    self.sha256 = sha256
    self.profile = profile
  }

  mutating func add(_ entry: VendorEntry, npwp: String?, codes: [String], name: String?) {
    let index = entries.count
    entries.append(entry)
    if let key = npwp.flatMap(Self.npwpKey) {
      if let existing = byNPWP[key] {
        if entries[existing] != entry { conflicts += 1 }
      } else {
        byNPWP[key] = index
      }
    }
    for code in codes where !Self.isPlaceholderCode(code) {
      if let existing = byCode[code] {
        if entries[existing] != entry { conflicts += 1 }
      } else {
        byCode[code] = index
      }
    }
    if let key = name.map(Self.nameKey), !key.isEmpty {
      if let existing = byName[key] {
        if entries[existing] != entry { ambiguousNames.insert(key) }
      } else {
        byName[key] = index
      }
    }
  }

  func withChecksum(_ digest: String) -> VendorList {
    var copy = self
    copy.sha256 = digest
    return copy
  }

  /// The entry of a vendor, and how it was found.
  public func find(npwp: String?, code: String?, name: String?) -> (VendorEntry, VendorMatch)? {
    if let key = npwp.flatMap(Self.npwpKey), let index = byNPWP[key] { return (entries[index], .npwp) }
    if let code, !Self.isPlaceholderCode(code), let index = byCode[code] { return (entries[index], .code) }
    if let name {
      let key = Self.nameKey(name)
      if !key.isEmpty, !ambiguousNames.contains(key), let index = byName[key] {
        return (entries[index], .name)
      }
    }
    return nil
  }

  /// An empty code, a missing word, or only zeros (`0`: e-Katalog's "no SIKaP code"):
  /// not a vendor's code.
  public static func isPlaceholderCode(_ code: String) -> Bool {
    if AmountParser.isMissingWord(code) { return true }
    return code.trimmingWhitespace().unicodeScalars.allSatisfy { $0 == "0" }
  }

  /// The 16-digit form of an NPWP: its digits, a 15-digit NPWP with a leading 0; nil when
  /// the cell holds neither 15 nor 16 digits.
  public static func npwpKey(_ text: String) -> String? {
    let digits = text.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }
    switch digits.count {
    case 15: return "0" + String(String.UnicodeScalarView(digits))
    case 16: return String(String.UnicodeScalarView(digits))
    default: return nil
    }
  }

  /// Legal-form words that do not tell vendors apart.
  private static let legalForms: Set<String> = [
    "pt", "cv", "ud", "fa", "firma", "tbk", "persero", "perseroan",
  ]

  /// Lowercase words of letters and digits, without legal-form words: `CV. INDRA NUGRAHA`
  /// and `Indra Nugraha, CV` are one name.
  public static func nameKey(_ text: String) -> String {
    var words: [String] = []
    var word = ""
    for scalar in text.lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) {
        word.unicodeScalars.append(scalar)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words.filter { !legalForms.contains($0) }.joined(separator: " ")
  }
}
