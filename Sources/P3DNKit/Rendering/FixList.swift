/// The failed and undetermined checks of a report, each as a sentence with the amount of
/// qualifying spending still missing: what a treasurer has to fix. The total of inputs
/// that cover one OPD is that OPD's, so its checks are not repeated as the district's.
/// The share is written on the same side of the minimum as the exact ratio (``ShareText``).
struct FixList {
  let language: Language

  struct Item {
    let text: String
    let status: CheckStatus
  }

  func items(_ report: AuditReport) -> [Item] {
    let text = Localizer(language)
    let format = NumberFormat(language: language)
    var items: [Item] = []
    let groups = report.totalScope == .district ? [report.district] + report.opds : report.opds
    for group in groups {
      for check in group.checks where check.status == .fail || check.status == .undetermined {
        guard let minimum = check.rule.minimum else { continue }
        let who = group.code.isEmpty ? text.pick("Kabupaten", "District") : "\(group.code) \(group.name)"
        let figures = group[check.stage]?[check.metric]
        let total = group[check.stage]?.denominatorTotal ?? .zero
        let metric = text.metric(check.metric)
        let amount = figures?.amount ?? .zero
        let exact = ShareText.text(
          amount: amount, total: total, minimum: minimum, separator: format.separator)
        let share = "\(metric) \(format.rupiah(amount)) / \(format.rupiah(total)) = \(exact)%"
        let gap = check.gap.map { format.rupiah($0) } ?? "-"
        let unknown = format.rupiah(figures?.unknown ?? .zero)
        let place = "\(who), \(text.stage(check.stage).lowercased())"
        let threshold = "\(format.percentage(minimum))% (\(text.severity(check.rule.severity)))"
        let sentence =
          check.status == .fail
          ? text.pick(
            "\(place): \(share) < \(threshold); kurang \(gap)",
            "\(place): \(share) < \(threshold); short by \(gap)")
          : text.pick(
            "\(place): \(share), belum pasti terhadap \(threshold): \(unknown) tanpa keterangan \(metric) menentukan; kurang \(gap) dari baris yang diketahui",
            "\(place): \(share), undetermined against \(threshold): \(unknown) with no \(metric) information decides; \(gap) short on known lines"
          )
        items.append(Item(text: sentence, status: check.status))
      }
    }
    return items
  }
}
