/// The row's account scope (CONTRACT §4.1 "Account scope"): a kode rekening, else the
/// account inside a MAK, must be one of the policy's accounts; a row without one is in
/// scope. A kode rekening that is not dotted digits is noted as malformed (`validate`).
struct AccountStage {
  /// What an account cell means: in scope, and of the account's form.
  struct Meaning {
    let inScope: Bool
    let malformed: Bool
  }

  let accountIndex: Int
  let makIndex: Int
  let scope: AccountScope
  let encoding: TextEncoding
  private var accounts = ByteCache<Meaning>(limit: 1 << 16)
  private var maks = ByteCache<Bool>(limit: 1 << 16)

  init(columns: BoundColumns, policy: Policy, encoding: TextEncoding) {
    accountIndex = columns.raw(.account)
    makIndex = columns.raw(.mak)
    scope = policy.accountScope
    self.encoding = encoding
  }

  /// Whether the row is in scope; `malformed` is set when its kode rekening is not of
  /// the account's form.
  @_transparent
  mutating func inScope<S: RecordSource>(_ source: S, malformed: inout Bool) -> Bool {
    let accountCell =
      accountIndex >= 0 ? ByteText.trimmed(source.cell(accountIndex)) : .init(start: nil, count: 0)
    if !accountCell.isEmpty {
      let meaning = accounts.cached(accountCell) ?? accountMeaning(accountCell)
      malformed = meaning.malformed
      return meaning.inScope
    }
    guard makIndex >= 0 else { return true }
    let makCell = ByteText.trimmed(source.cell(makIndex))
    if makCell.isEmpty { return true }
    return maks.cached(makCell) ?? makInScope(makCell)
  }

  /// An account cell seen the first time.
  private mutating func accountMeaning(_ cell: UnsafeBufferPointer<UInt8>) -> Meaning {
    let meaning = Meaning(
      inScope: scope.contains(account: TextDecoding.decode(cell, as: encoding)),
      malformed: !(cell.count == 1 && cell[0] == UInt8(ascii: "-")) && !CellCheckStage.isAccount(cell))
    accounts.store(cell, meaning)
    return meaning
  }

  /// A MAK cell seen the first time: the account inside it, if it carries one.
  private mutating func makInScope(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    let inScope =
      AccountScope.account(fromMAK: TextDecoding.decode(cell, as: encoding)).map {
        scope.contains(account: $0)
      }
      ?? true
    maks.store(cell, inScope)
    return inScope
  }
}
