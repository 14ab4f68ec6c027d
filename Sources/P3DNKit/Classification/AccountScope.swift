/// Finds the kode rekening a line carries and decides whether it is in the policy's scope.
public struct AccountScope: Sendable {
  /// Account prefixes in scope, e.g. `5.1.02` and `5.2`.
  public let accounts: [String]

  public init(accounts: [String]) { self.accounts = accounts }

  /// In scope when the account equals or starts with one of the accounts followed by `.`.
  public func contains(account: String) -> Bool {
    accounts.contains { account == $0 || account.hasPrefix($0 + ".") }
  }

  /// The account inside a MAK cell: the first MAK (split on `;` or `, `), without its
  /// trailing dot; when its 7th segment is `5` and it has at least 12 segments, the
  /// account is segments 7–12. Otherwise the line carries no account.
  public static func account(fromMAK cell: String) -> String? {
    var first = cell.trimmingWhitespace()
    if let cut = first.firstIndex(of: ";") { first = String(first[..<cut]) }
    let scalars = Array(first.unicodeScalars)
    for index in scalars.indices.dropLast() where scalars[index] == "," && scalars[index + 1] == " " {
      first = String(String.UnicodeScalarView(scalars[..<index]))
      break
    }
    first = first.trimmingWhitespace()
    while first.hasSuffix(".") { first.removeLast() }
    let segments = first.split(separator: ".", omittingEmptySubsequences: false)
    guard segments.count >= 12, segments[6] == "5" else { return nil }
    return segments[6..<12].joined(separator: ".")
  }
}
