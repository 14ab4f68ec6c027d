/// The row's status (CONTRACT §4.1 `deleted` … `swakelola`, §7.6): each status rule whose
/// column the file has gives a reason or none, and the first reason in precedence order
/// wins. Status words are closed lists: a word not listed is `unknown-status`.
struct StatusStage {
  /// A rule with the column of each field it reads (-1: the file has no such column).
  private let rules: [(rule: StatusRule, columns: [Int])]
  private var caches: [[ByteCache<ReasonCode?>]]
  private let policy: Policy
  private let encoding: TextEncoding

  init(profile: Profile, columns: BoundColumns, policy: Policy, encoding: TextEncoding) {
    rules = profile.statusRules.compactMap { rule in
      let indices = Self.fields(of: rule).map { columns.raw($0) }
      return indices.contains(where: { $0 >= 0 }) ? (rule, indices) : nil
    }
    caches = rules.map { entry in entry.columns.map { _ in ByteCache<ReasonCode?>(limit: 4096) } }
    self.policy = policy
    self.encoding = encoding
  }

  var isEmpty: Bool { rules.isEmpty }

  /// The status reason of the current row (nil: it counts), and for `unknown-status` the
  /// column that holds the unknown word.
  @_transparent
  mutating func reason<S: RecordSource>(_ source: S) -> (reason: ReasonCode?, column: Int) {
    var found: ReasonCode? = nil
    var foundColumn = -1
    for position in rules.indices {
      let (rule, indices) = rules[position]
      for (slot, index) in indices.enumerated() where index >= 0 {
        let cell = ByteText.trimmed(source.cell(index))
        // Where several columns may decide, the first non-empty one does.
        if cell.isEmpty && slot < indices.count - 1 { continue }
        let reason: ReasonCode?
        if let known = caches[position][slot].cached(cell) {
          reason = known
        } else {
          reason = Self.reason(of: rule, field: slot, TextDecoding.decode(cell, as: encoding), policy: policy)
          caches[position][slot].store(cell, reason)
        }
        if let reason, found.map({ reason < $0 }) ?? true {
          found = reason
          foundColumn = index
        }
        break
      }
    }
    return (found, foundColumn)
  }

  static func fields(of rule: StatusRule) -> [Field] {
    switch rule {
    case .deletedWhenTrue(let field), .inactiveWhenFalse(let field), .swakelolaMethod(let field):
      return [field]
    case .words(let list): return list.map(\.0)
    }
  }

  /// The reason a rule gives for a (trimmed) cell of its `field`-th column, or nil when it
  /// keeps the row. An empty cell is no word.
  static func reason(of rule: StatusRule, field: Int, _ text: String, policy: Policy) -> ReasonCode? {
    if text.isEmpty { return nil }
    switch rule {
    case .deletedWhenTrue:
      switch FlagWords.read(text, kind: .generic) {
      case .yes: return .deleted
      case .no: return nil
      default: return .unknownStatus
      }
    case .inactiveWhenFalse:
      switch FlagWords.read(text, kind: .generic) {
      case .yes: return nil
      case .no: return .inactive
      default: return .unknownStatus
      }
    case .words(let list):
      return list[field].1.reason(text)
    case .swakelolaMethod:
      return policy.excludeSwakelola && FlagWords.normalize(text).contains("swakelola") ? .swakelola : nil
    }
  }
}
