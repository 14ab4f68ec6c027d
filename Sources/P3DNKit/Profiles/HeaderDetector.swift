/// Finds the header record of a file and the profile it belongs to (CONTRACT §4.1: the
/// first record, within the first 50, that holds a profile's amount and OPD columns).
public enum HeaderDetector {
  public static let searchLimit = 50

  public struct Match: Sendable {
    public let index: Int
    public let profile: Profile
    public let header: HeaderNames
  }

  /// `forced`: the profile was named with `--profile`, so its detection marks are not
  /// asked for (only its amount and OPD columns).
  public static func find(in records: [[String]], profiles: [Profile], forced: Bool = false) -> Match? {
    for (index, record) in records.prefix(searchLimit).enumerated() {
      let header = HeaderNames(record)
      for profile in profiles where holdsKeyColumns(header, profile) && marks(header, profile, forced) {
        return Match(index: index, profile: profile, header: header)
      }
    }
    return nil
  }

  /// Whether the header holds the profile's own marks (always, for a forced profile with
  /// an amount column; a vendor list's marks are its key columns).
  static func marks(_ header: HeaderNames, _ profile: Profile, _ forced: Bool) -> Bool {
    (forced && profile.kind.readsAmounts) || profile.recognizes(header)
  }

  static func holdsKeyColumns(_ header: HeaderNames, _ profile: Profile) -> Bool {
    // A vendor list, a directory or a non-spending dataset has no amount: its own
    // recognizer decides.
    if !profile.kind.readsAmounts { return true }
    return header.index(ofAny: profile.amountNames) != nil && header.index(ofAny: profile.opdNames) != nil
  }

  /// For a file with no header: the first record that holds one of the two key columns of
  /// a profile, and the names of the column it lacks.
  public static func partialMatch(in records: [[String]], profiles: [Profile], forced: Bool = false) -> (
    index: Int, profile: Profile, missing: [String]
  )? {
    for (index, record) in records.prefix(searchLimit).enumerated() {
      let header = HeaderNames(record)
      // Only a profile whose own marks the header holds (e.g. SIRUP: pagu and a satker
      // column) can be the one it lacks a column of; otherwise detection goes on.
      for profile in profiles where marks(header, profile, forced) {
        let hasAmount = header.index(ofAny: profile.amountNames) != nil
        let hasOPD = header.index(ofAny: profile.opdNames) != nil
        if hasAmount && !hasOPD { return (index, profile, profile.opdNames) }
        if hasOPD && !hasAmount && profile.stage == nil { return (index, profile, profile.amountNames) }
      }
    }
    return nil
  }
}
