/// Turns the sums of every file into the report: the reported year's lines, the OPDs and
/// the district, the checks.
enum ReportBuilder {
  static func build(
    year: Int, policy: Policy, results: [FileResult], stages: Set<Stage>, opdFilters: [String]
  ) -> AuditReport {
    var merged = YearSums()
    var inputs: [InputReport] = []
    var rejected: [RejectedRow] = []
    var rejectedTotal = 0
    for result in results {
      var included = 0
      var otherYear = 0
      for (lineYear, count) in result.candidatesByYear {
        if lineYear == nil || lineYear == year {
          included += count
        } else {
          otherYear += count
        }
      }
      for (lineYear, sums) in result.years where lineYear == nil || lineYear == year {
        merged.merge(sums)
      }
      var reasons = result.reasons
      if otherYear > 0 { reasons[.otherYear] = otherYear }
      let excluded = reasons.filter { !$0.key.isRejection }.sorted { $0.key < $1.key }
      let rejectedReasons = reasons.filter { $0.key.isRejection }.sorted { $0.key < $1.key }
      inputs.append(
        InputReport(
          path: result.path, profile: result.profile, stages: result.stagesSeen.sorted(),
          sha256: result.sha256, format: result.dialect, rows: result.rows, included: included,
          excluded: excluded.reduce(0) { $0 + $1.value },
          rejected: rejectedReasons.reduce(0) { $0 + $1.value },
          excludedByReason: excluded.map { ($0.key, $0.value) },
          rejectedByReason: rejectedReasons.map { ($0.key, $0.value) },
          warnings: result.warnings))
      rejected.append(contentsOf: result.rejected)
      rejectedTotal += result.rejectedTotal
    }

    let rules = policy.rules.filter { $0.applies(to: year) }
    let stageList = stages.sorted()
    var district = OPDSums()
    var opds: [GroupReport] = []
    for code in merged.opds.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
      guard let sums = merged.opds[code] else { continue }
      district.merge(sums)
      let name = sums.name
      guard matches(code: code, name: name, filters: opdFilters) else { continue }
      opds.append(group(code: code, name: name, sums: sums, rules: rules, stages: stageList))
    }
    // The district has a stage object for every stage with input, even when empty.
    for stage in stageList where district[stage] == nil { district[stage] = StageSums() }
    let districtReport = group(
      code: "", name: policy.regionName, sums: district, rules: rules, stages: stageList)
    return AuditReport(
      fiscalYear: year, policy: policy, stages: stageList, inputs: inputs,
      district: districtReport, opds: opds, rejected: rejected,
      rejectedOmitted: rejectedTotal - rejected.count, rules: rules)
  }

  static func matches(code: String, name: String, filters: [String]) -> Bool {
    if filters.isEmpty { return true }
    let lowerCode = code.lowercased()
    let lowerName = name.lowercased()
    return filters.contains { filter in
      let needle = filter.lowercased()
      return lowerCode.hasPrefix(needle) || lowerName.contains(needle)
    }
  }

  static func group(
    code: String, name: String, sums: OPDSums, rules: [Rule], stages: [Stage]
  ) -> GroupReport {
    var checks: [CheckResult] = []
    for rule in rules {
      for stage in rule.stages where stages.contains(stage) {
        checks.append(RuleCheck.evaluate(rule: rule, stage: stage, sums: sums[stage]))
      }
    }
    var againstPlan: RealizationAgainstPlan? = nil
    if let plan = sums.plan, let realization = sums.realization {
      againstPlan = RealizationAgainstPlan(
        total: Share(amount: realization.total, total: plan.total),
        pdn: Share(amount: realization.pdn.amount, total: plan.pdn.amount),
        umkk: Share(amount: realization.umkk.amount, total: plan.umkk.amount))
    }
    return GroupReport(
      code: code, name: name, plan: sums.plan.map(StageFigures.init),
      realization: sums.realization.map(StageFigures.init), checks: checks,
      againstPlan: againstPlan)
  }
}
