/// The row's account scope (CONTRACT §4.1 "Account scope"): a kode rekening, else the
/// account inside a MAK, must be one of the policy's accounts; a row without one is in
/// scope.
struct AccountStage {
  let accountIndex: Int
  let makIndex: Int
  let scope: AccountScope
  let encoding: TextEncoding
  private var accounts = ByteCache<Bool>(limit: 1 << 16)
  private var maks = ByteCache<Bool>(limit: 1 << 16)

  init(columns: BoundColumns, policy: Policy, encoding: TextEncoding) {
    accountIndex = columns.raw(.account)
    makIndex = columns.raw(.mak)
    scope = policy.accountScope
    self.encoding = encoding
  }

  @inline(__always)
  mutating func inScope<S: RecordSource>(_ source: S) -> Bool {
    let scope = self.scope
    let encoding = self.encoding
    let accountCell =
      accountIndex >= 0 ? ByteText.trimmed(source.cell(accountIndex)) : .init(start: nil, count: 0)
    if !accountCell.isEmpty {
      return accounts.value(for: accountCell) {
        scope.contains(account: TextDecoding.decode($0, as: encoding))
      }
    }
    guard makIndex >= 0 else { return true }
    let makCell = ByteText.trimmed(source.cell(makIndex))
    if makCell.isEmpty { return true }
    return maks.value(for: makCell) { bytes in
      AccountScope.account(fromMAK: TextDecoding.decode(bytes, as: encoding)).map {
        scope.contains(account: $0)
      }
        ?? true
    }
  }
}
