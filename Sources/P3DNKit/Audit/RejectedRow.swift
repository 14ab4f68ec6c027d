/// A row that cannot be used, with where it is and why.
public struct RejectedRow: Equatable, Sendable, Codable {
  public let path: String
  /// 1-based physical line where the row starts.
  public let line: Int
  /// The header name of the offending column, when one column is at fault.
  public let column: String?
  public let code: ReasonCode
  public let message: LocalizedText
}
