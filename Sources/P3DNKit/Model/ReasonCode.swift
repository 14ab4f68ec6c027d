/// Why a row is not included. The case order is the precedence of CONTRACT §4.1: when
/// several reasons apply, the first wins.
public enum ReasonCode: String, CaseIterable, Comparable, Sendable, Codable {
  /// A row of a file that holds no spending (a satker directory, announcements, schedules,
  /// programs…: CONTRACT §7.2).
  case notSpending = "not-spending"
  /// A row of an older snapshot of the same dataset, scope and year, or of an earlier
  /// version of a contract (CONTRACT §7.3, §7.5).
  case superseded
  case raggedRow = "ragged-row"
  case totalRow = "total-row"
  case deleted
  case inactive
  case notAnnounced = "not-announced"
  case cancelled
  case notCompleted = "not-completed"
  /// A status word that the dataset's closed list does not hold (CONTRACT §7.6).
  case unknownStatus = "unknown-status"
  case swakelola
  case badAmount = "bad-amount"
  case missingAmount = "missing-amount"
  case missingOPD = "missing-opd"
  case badDate = "bad-date"
  case noContractValue = "no-contract-value"
  case outOfScopeAccount = "out-of-scope-account"
  /// Spending counted elsewhere: a row identical to an earlier row of its file, a copy of
  /// an earlier row's payment under another RUP code of the same package (ISB 1058), or a
  /// package that another input counts (CONTRACT §7.1, §7.4).
  case duplicate
  case otherYear = "other-year"

  /// Rejected rows cannot be used; excluded rows are readable but out of scope.
  public var isRejection: Bool {
    switch self {
    case .raggedRow, .badAmount, .missingAmount, .missingOPD, .badDate: return true
    default: return false
    }
  }

  private var precedence: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  public static func < (lhs: ReasonCode, rhs: ReasonCode) -> Bool {
    lhs.precedence < rhs.precedence
  }
}
