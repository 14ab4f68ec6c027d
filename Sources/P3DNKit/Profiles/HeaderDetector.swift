/// Finds the header record of a file and the profile it belongs to (CONTRACT §4.1: the
/// first record, within the first 50, that holds a profile's amount and OPD columns).
public enum HeaderDetector {
  public static let searchLimit = 50

  public struct Match: Sendable {
    public let index: Int
    public let profile: Profile
    public let header: HeaderNames
  }

  public static func find(in records: [[String]], profiles: [Profile]) -> Match? {
    for (index, record) in records.prefix(searchLimit).enumerated() {
      let header = HeaderNames(record)
      for profile in profiles where holdsKeyColumns(header, profile) && profile.recognizes(header) {
        return Match(index: index, profile: profile, header: header)
      }
    }
    return nil
  }

  static func holdsKeyColumns(_ header: HeaderNames, _ profile: Profile) -> Bool {
    // A vendor list has no amount: its own recognizer decides.
    if profile.kind == .vendors { return true }
    return header.index(ofAny: profile.amountNames) != nil && header.index(ofAny: profile.opdNames) != nil
  }

  /// For a file with no header: the first record that holds one of the two key columns of
  /// a profile, and the names of the column it lacks.
  public static func partialMatch(in records: [[String]], profiles: [Profile]) -> (
    index: Int, profile: Profile, missing: [String]
  )? {
    for (index, record) in records.prefix(searchLimit).enumerated() {
      let header = HeaderNames(record)
      // Only a profile whose own marks the header holds (e.g. SIRUP: pagu and a satker
      // column) can be the one it lacks a column of; otherwise detection goes on.
      for profile in profiles where profile.recognizes(header) {
        let hasAmount = header.index(ofAny: profile.amountNames) != nil
        let hasOPD = header.index(ofAny: profile.opdNames) != nil
        if hasAmount && !hasOPD { return (index, profile, profile.opdNames) }
        if hasOPD && !hasAmount && profile.stage == nil { return (index, profile, profile.amountNames) }
      }
    }
    return nil
  }
}
