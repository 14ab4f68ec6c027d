/// The row's package key (CONTRACT §7.4), for a file whose packages another input may hold:
/// the keys its rows hold in any bucket, and what each package's candidate and swakelola
/// lines add, so that the file that does not count a package can take them out again
/// (``PackagePrecedence``).
struct PackageStage {
  /// The package key column (-1: the file's packages are not kept).
  let keyIndex: Int
  let nameIndex: Int
  let rupIndex: Int
  let linking: Bool

  init(auditor: FileAuditor, result: inout FileResult) {
    let dataset = auditor.profile.dataset(for: auditor.header)
    keyIndex =
      auditor.tracksPackages ? dataset?.packageKey.flatMap { auditor.header.index(ofAny: [$0]) } ?? -1 : -1
    nameIndex = auditor.columns.raw(.opdName)
    rupIndex = auditor.columns.raw(.rupCode)
    linking = auditor.linking
    if keyIndex >= 0 {
      result.packageLines = [:]
      result.swakelolaLines = [:]
      result.keySpace = dataset?.keySpace ?? ""
      result.datasetRank = dataset?.rank ?? 0
    }
  }

  /// Notes the package of any row (within one dataset, the file that counts a package
  /// decides it whatever its row's bucket).
  @_transparent
  func hold<S: RecordSource>(_ source: S, in result: inout FileResult) {
    if keyIndex >= 0 { result.heldKeys.insert(source.text(keyIndex)) }
  }

  /// The row's package key (nil: the file's packages are not kept).
  func key<S: RecordSource>(_ source: S) -> String? {
    keyIndex >= 0 ? source.text(keyIndex) : nil
  }

  /// A swakelola line reported apart.
  @_transparent
  func swakelola<S: RecordSource>(
    _ source: S, year: Int?, opd: @autoclosure () -> String, stage: Stage, amount: Money,
    in result: inout FileResult
  ) {
    guard keyIndex >= 0 else { return }
    result.swakelolaLines?[source.text(keyIndex), default: []].append(
      SwakelolaLine(year: year, opd: opd(), stage: stage, amount: MoneySum(amount)))
  }

  /// A candidate line and what it adds.
  @_transparent
  func candidate<S: RecordSource>(
    _ source: S, year: Int?, opd: @autoclosure () -> String, stage: Stage, amount: Money,
    classification: LineClassification, in result: inout FileResult
  ) {
    guard keyIndex >= 0 else { return }
    result.packageLines?[source.text(keyIndex), default: PackageLines()].add(
      year: year, opd: opd(), stage: stage, amount: amount, classification: classification,
      name: nameIndex >= 0 ? source.text(nameIndex) : nil,
      codes: rupIndex >= 0 ? RUPCodes.parse(source.text(rupIndex)) : nil, linking: linking)
  }
}
