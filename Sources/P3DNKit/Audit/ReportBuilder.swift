/// Turns the sums of every file into the report: the reported year's lines, the OPDs and
/// the district, the checks.
enum ReportBuilder {
  static func build(
    year: Int, policy: Policy, results: [FileResult], stages: Set<Stage>, opdFilters: [String],
    denominator: Denominator = .rup
  ) -> AuditReport {
    // An OPD whose lines carry no name takes the one a satker directory gives it.
    var directory = SatkerDirectory()
    for result in results { if let known = result.directory { directory.merge(known) } }
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
      var tally = ClassificationTally()
      for (lineYear, sums) in result.years where lineYear == nil || lineYear == year {
        merged.merge(sums)
        tally.merge(sums.tally)
      }
      let warnings = result.warnings
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
          warnings: warnings))
      inputs[inputs.count - 1].classifiedBy = tally
      inputs[inputs.count - 1].use = result.use
      inputs[inputs.count - 1].dataset = result.dataset
      inputs[inputs.count - 1].asOf = result.asOf
      inputs[inputs.count - 1].sameAs = result.sameAs
      inputs[inputs.count - 1].supersededBy = result.supersededBy
      inputs[inputs.count - 1].fiscalYears = result.fiscalYears.sorted()
      inputs[inputs.count - 1].cellFindings = result.cellFindings
      inputs[inputs.count - 1].header = result.headerSignature.split(
        separator: ",", omittingEmptySubsequences: false
      ).map(String.init)
      inputs[inputs.count - 1].setAside = result.setAsideAmounts.sorted { $0.key < $1.key }.map {
        ($0.key, $0.value)
      }
      rejected.append(contentsOf: result.rejected)
      rejectedTotal += result.rejectedTotal
    }

    let rules = policy.rules.filter { $0.applies(to: year) }
    let stageList = stages.sorted()
    // RUP codes planned and realized anywhere in the district: a package is linked
    // whichever OPD's file names it.
    let linking = stages.contains(.plan) && stages.contains(.realization)
    var plannedCodes = Set<String>()
    var realizedCodes = Set<String>()
    if linking {
      for sums in merged.opds.values {
        plannedCodes.formUnion(sums.extras.planned.keys)
        for key in sums.extras.realized.keys {
          for code in key.split(separator: ";") { realizedCodes.insert(String(code)) }
        }
        realizedCodes.formUnion(sums.extras.alsoRealized)
      }
    }
    let context = GroupContext(
      rules: rules, stages: stageList, denominator: denominator,
      links: linking ? (plannedCodes, realizedCodes) : nil)
    var district = OPDSums()
    var opds: [GroupReport] = []
    var listed = 0
    for code in merged.opds.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
      guard let sums = merged.opds[code] else { continue }
      district.merge(sums)
      // Listed: OPDs with an included line (spending or budget); swakelola alone is not.
      guard sums.plan != nil || sums.realization != nil || sums.extras.budget != nil else { continue }
      listed += 1
      let name = sums.name.isEmpty ? directory.name(of: code) ?? "" : sums.name
      guard matches(code: code, name: name, filters: opdFilters) else { continue }
      opds.append(group(code: code, name: name, sums: sums, context))
    }
    // The district has a stage object for every stage with input, even when empty.
    for stage in stageList where district[stage] == nil { district[stage] = StageSums() }
    let budgetedPlan = merged.opds.values.filter { $0.extras.budget != nil }
      .reduce(MoneySum.zero) { $0 + ($1.plan?.total ?? .zero) }
    let districtReport = group(
      code: "", name: policy.regionName, sums: district, context,
      divisors: districtDivisors(merged.opds, context), budgetedPlan: budgetedPlan)
    var report = AuditReport(
      fiscalYear: year, policy: policy, stages: stageList, inputs: inputs,
      district: districtReport, opds: opds, rejected: rejected,
      rejectedOmitted: rejectedTotal - rejected.count, rules: rules)
    report.denominator = denominator
    // One OPD's inputs are not the district's: their total is labelled as theirs.
    if listed <= 1 {
      report.totalScope = .inputs(opds: listed)
    } else if let names = foreignKLPDs(results, policy: policy) {
      report.totalScope = .otherRegion(klpd: names)
    }
    if linking { report.linkedCodes = LinkedCodes(planned: plannedCodes, realized: realizedCodes) }
    return report
  }

  /// The KLPD names the data gives, when there are some and none is the policy's region
  /// (a ministry's pull audited with a district's policy); nil otherwise.
  static func foreignKLPDs(_ results: [FileResult], policy: Policy) -> [String]? {
    let names = results.reduce(into: Set<String>()) { $0.formUnion($1.klpdNames) }
    let matcher = policy.regionMatcher
    if names.isEmpty || names.contains(where: matcher.matches) { return nil }
    return names.sorted()
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

  /// What every group of one report is built with.
  struct GroupContext {
    let rules: [Rule]
    let stages: [Stage]
    let denominator: Denominator
    /// Every planned and every realized RUP code, when the audit has both stages.
    let links: (planned: Set<String>, realized: Set<String>)?
  }

  /// `--denominator budget`: an OPD's procurement budget, where it has a positive one.
  static func budgetDivisor(_ sums: OPDSums, _ context: GroupContext) -> MoneySum? {
    guard context.denominator == .budget, let budget = sums.extras.budget, budget.total.sen > 0 else {
      return nil
    }
    return budget.total
  }

  /// The district's divisor of a stage under `--denominator budget`: each OPD's budget, or
  /// its lines' total where it has no budget.
  static func districtDivisors(_ opds: [String: OPDSums], _ context: GroupContext) -> [Stage: MoneySum]? {
    guard context.denominator == .budget else { return nil }
    var divisors: [Stage: MoneySum] = [:]
    for stage in context.stages {
      var total = MoneySum.zero
      for sums in opds.values { total += budgetDivisor(sums, context) ?? sums[stage]?.total ?? .zero }
      divisors[stage] = total
    }
    return divisors
  }

  /// `divisors`: per stage, what the shares are divided by (nil: the OPD's own budget
  /// under `--denominator budget`, else the lines' total).
  /// `budgetedPlan`: for the district, the planned total of the OPDs that have a budget
  /// (its "% input RUP" compares like with like); nil for an OPD (its own plan total).
  static func group(
    code: String, name: String, sums: OPDSums, _ context: GroupContext, divisors: [Stage: MoneySum]? = nil,
    budgetedPlan: MoneySum? = nil
  ) -> GroupReport {
    let extras = sums.extras
    let ownBudget = budgetDivisor(sums, context)
    let divisor = { (stage: Stage) in divisors?[stage] ?? ownBudget }
    var checks: [CheckResult] = []
    for rule in context.rules {
      for stage in rule.stages where context.stages.contains(stage) {
        checks.append(
          RuleCheck.evaluate(rule: rule, stage: stage, sums: sums[stage], denominator: divisor(stage)))
      }
    }
    var againstPlan: RealizationAgainstPlan? = nil
    if let plan = sums.plan, let realization = sums.realization {
      againstPlan = RealizationAgainstPlan(
        total: Share(amount: realization.total, total: plan.total),
        pdn: Share(amount: realization.pdn.amount, total: plan.pdn.amount),
        umkk: Share(amount: realization.umkk.amount, total: plan.umkk.amount))
    }
    var report = GroupReport(
      code: code, name: name, plan: sums.plan.map { StageFigures($0, budget: divisor(.plan)) },
      realization: sums.realization.map { StageFigures($0, budget: divisor(.realization)) }, checks: checks,
      againstPlan: againstPlan)
    if let budget = extras.budget {
      let planned = context.stages.contains(.plan) ? (budgetedPlan ?? sums.plan?.total ?? .zero) : nil
      report.budget = BudgetFigures(
        rows: budget.lines, procurement: budget.total,
        rupInput: planned.flatMap { Share(amount: $0, total: budget.total) })
    }
    if extras.swakelolaPlan.lines > 0 { report.swakelolaPlan = extras.swakelolaPlan }
    if extras.swakelolaRealization.lines > 0 { report.swakelolaRealization = extras.swakelolaRealization }
    if let links = context.links { report.links = planLinks(extras, links) }
    return report
  }

  /// The links of one group's lines against every planned and realized code.
  static func planLinks(_ extras: OPDExtras, _ all: (planned: Set<String>, realized: Set<String>))
    -> PlanLinks
  {
    var withoutRealization = LineTotal()
    for (code, total) in extras.planned where !all.realized.contains(code) {
      withoutRealization.lines += 1
      withoutRealization.total += total.total
    }
    var inPlan = LineTotal()
    var notInPlan = LineTotal()
    for (key, total) in extras.realized {
      if key.split(separator: ";").contains(where: { all.planned.contains(String($0)) }) {
        inPlan.merge(total)
      } else {
        notInPlan.merge(total)
      }
    }
    return PlanLinks(
      plannedPackages: extras.planned.count, plannedWithoutRealization: withoutRealization,
      realizedInPlan: inPlan, realizedNotInPlan: notInPlan,
      realizedWithoutCode: extras.realizedWithoutCode)
  }
}
