/// `p3dn check`: one OPD's status and what to fix, from the input files or from files
/// already read (the ledger) and the OPD's rows.
public enum OPDCheck {
  /// Reads the inputs (once for the report, once more for the OPD's rows) and checks the
  /// OPD that `filter` names.
  public static func run(_ request: AuditRequest, opd filter: String) throws(AuditError) -> CheckReport {
    var plain = request
    plain.opdFilters = []
    plain.rowSink = nil
    let (files, vendors) = try AuditEngine.read(plain)
    var (report, settlement) = try AuditEngine.settle(files, request: plain)
    report.vendors = vendors.map(VendorListSummary.init)
    let opd = try match(filter, in: report)
    // The OPD's rows: those of its code, and rows rejected for a missing OPD code that
    // carry its name.
    let code = opd.code
    let name = opd.name.lowercased()
    let collector = RowCollector { record in
      record.opdCode == code
        || (record.reason == .missingOPD && record.opdName.map { $0.lowercased() == name } == true)
    }
    let indices = try Dictionary(
      AuditEngine.inputFiles(plain).enumerated().map { ($1.path, $0) },
      uniquingKeysWith: { first, _ in first })
    var collecting = plain
    collecting.rowSink = { path in indices[path].map { collector.sink(file: $0) } }
    _ = try AuditEngine.read(collecting)
    return try build(
      report: report, settlement: settlement, opd: opd, rows: collector.collected, request: plain)
  }

  /// The check of an OPD of `report` from its rows (each with its file's place among the
  /// report's files).
  public static func build(
    report: AuditReport, settlement: Settlement, opd: GroupReport, rows: [RowEvidence], request: AuditRequest
  ) throws(AuditError) -> CheckReport {
    let (_, mapped) = try AuditEngine.chosenProfiles(request)
    let builder = CheckBuilder(audit: report, settlement: settlement, opd: opd, mapped: mapped)
    return builder.build(rows: rows)
  }

  /// The one OPD `filter` names: its code exactly, else its name exactly, else the one OPD
  /// whose code starts with it or whose name holds it (case ignored). None, or several, is
  /// an error that lists the candidates.
  public static func match(_ filter: String, in report: AuditReport) throws(AuditError) -> GroupReport {
    let needle = filter.trimmingCharacters(in: " ").lowercased()
    if let exact = report.opds.first(where: { $0.code.lowercased() == needle }) { return exact }
    let named = report.opds.filter { $0.name.lowercased() == needle }
    if named.count == 1, let only = named.first { return only }
    let matching = report.opds.filter {
      ReportBuilder.matches(code: $0.code, name: $0.name, filters: [needle])
    }
    if matching.count == 1, let only = matching.first { return only }
    if matching.isEmpty {
      throw .noSuchOPD(filter: filter, closest: FilterCheck.closest(to: filter, in: report.opds))
    }
    throw .severalOPDs(filter: filter, matches: matching.map { "\($0.code) \($0.name)" })
  }
}

extension String {
  /// Without the characters of `set` at either end.
  public func trimmingCharacters(in set: String) -> String {
    var result = Substring(self)
    while let first = result.first, set.contains(first) { result.removeFirst() }
    while let last = result.last, set.contains(last) { result.removeLast() }
    return String(result)
  }
}
