/// The row's amount (CONTRACT §4.1 "Amount"): the amount column by the amount rules, less
/// a reduction column where the profile has one (SIPD `Nilai Setoran`). For a profile
/// whose amount is a package's contract or realized value, a missing or zero value is
/// `no-contract-value`.
struct AmountStage {
  enum Outcome {
    case value(Money, noContractValue: Bool)
    case rejected(column: String, ReasonCode, LocalizedText)
  }

  let amountIndex: Int
  let amountColumn: String
  let reductionIndex: Int
  let reductionColumn: String
  let zeroIsNoContractValue: Bool

  init(profile: Profile, header: HeaderNames, columns: BoundColumns) {
    amountIndex = columns.raw(.amount)
    amountColumn = header.original[amountIndex]
    reductionIndex = columns.raw(.reduction)
    reductionColumn = reductionIndex >= 0 ? header.original[reductionIndex] : ""
    zeroIsNoContractValue = profile.zeroAmountIsNoContractValue
  }

  @_transparent
  func read<S: RecordSource>(_ source: S, warnings: inout FileWarnings) -> Outcome {
    var amount = Money.zero
    var noContractValue = false
    switch AmountParser.parse(source.cell(amountIndex)) {
    case .value(let value, let rounded):
      amount = value
      if rounded { warnings.roundedAmounts += 1 }
      if value == .zero && zeroIsNoContractValue { noContractValue = true }
    case .missing:
      guard zeroIsNoContractValue else {
        return .rejected(
          column: amountColumn, .missingAmount, LocalizedText(id: "nilai kosong", en: "the amount is empty"))
      }
      noContractValue = true
    case .bad:
      return .rejected(column: amountColumn, .badAmount, Self.unreadable(source.text(amountIndex)))
    }
    if reductionIndex >= 0 {
      switch AmountParser.parse(source.cell(reductionIndex)) {
      case .value(let value, let rounded):
        if rounded { warnings.roundedAmounts += 1 }
        amount = Money(sen: amount.sen - value.sen)
      case .missing:
        break
      case .bad:
        return .rejected(column: reductionColumn, .badAmount, Self.unreadable(source.text(reductionIndex)))
      }
    }
    return .value(amount, noContractValue: noContractValue)
  }

  /// The amount of a row for a warning (unknown statuses): its value, else zero.
  /// Whether a reduction column is taken off the amount (SIPD's Nilai Setoran).
  var reduces: Bool { reductionIndex >= 0 }

  /// The amount cell's value, nil when it does not read as an amount.
  func readable<S: RecordSource>(_ source: S) -> Money? {
    guard amountIndex >= 0 else { return nil }
    if case .value(let value, _) = AmountParser.parse(ByteText.trimmed(source.cell(amountIndex))) {
      return value
    }
    return nil
  }

  func plainAmount<S: RecordSource>(_ source: S) -> Money {
    if case .value(let value, _) = AmountParser.parse(source.cell(amountIndex)) { return value }
    return .zero
  }

  static func unreadable(_ text: String) -> LocalizedText {
    LocalizedText(
      id: "nilai \"\(text)\" tidak dapat dibaca sebagai rupiah",
      en: "the amount \"\(text)\" cannot be read as rupiah")
  }
}
