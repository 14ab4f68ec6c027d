/// Why a row is not included. The case order is the precedence of CONTRACT §4.1: when
/// several reasons apply, the first wins.
public enum ReasonCode: String, CaseIterable, Comparable, Sendable, Codable {
  case raggedRow = "ragged-row"
  case totalRow = "total-row"
  case deleted
  case inactive
  case notAnnounced = "not-announced"
  case cancelled
  case notCompleted = "not-completed"
  case swakelola
  case badAmount = "bad-amount"
  case missingAmount = "missing-amount"
  case missingOPD = "missing-opd"
  case badDate = "bad-date"
  case noContractValue = "no-contract-value"
  case outOfScopeAccount = "out-of-scope-account"
  /// A copy of an earlier row's payment listed under another RUP code of the same package
  /// (ISB 1058 lists a payment once per RUP code); the payment counts once.
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
