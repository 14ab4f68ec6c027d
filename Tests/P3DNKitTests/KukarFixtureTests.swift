import Foundation
import Testing

@testable import P3DNKit

/// The demo set `Fixtures/kukar-2022` against `Fixtures/expected/kukar-2022.json`, whose
/// figures the fixture generator computed line by line from what it wrote.
@Suite("Demo data Kutai Kartanegara 2022")
struct KukarFixtureTests {
  struct Expected: Decodable {
    struct FileCounts: Decodable {
      let rows: Int
      let included: Int
      let excluded: Int
      let rejected: Int
      let excluded_by_reason: [String: Int]
      let rejected_by_reason: [String: Int]
    }
    struct Metric: Decodable {
      let amount: String
      let unknown: String
    }
    struct Stage: Decodable {
      let lines: Int
      let total: String
      let pdn: Metric
      let umkk: Metric
      let local: Metric
    }
    struct Group: Decodable {
      let plan: Stage?
      let realization: Stage?
    }
    struct CheckFigures: Decodable {
      let status: String
      let gap: String?
    }
    struct Checks: Decodable {
      let rule: String
      let district: [String: CheckFigures]
      let opds: [String: [String: CheckFigures]]
    }
    let fiscal_year: Int
    let files: [String: FileCounts]
    let district: Group
    let opds: [String: Group]
    let opd_names: [String: String]
    let checks: Checks
    struct Count: Decodable {
      let lines: Int
      let total: String
    }
    struct Packages: Decodable {
      let packages: Int
      let pagu: String
    }
    struct Links: Decodable {
      let planned_packages: Int
      let planned_without_realization: Packages
      let realized_in_plan: Count
      let realized_not_in_plan: Count
      let realized_without_rup: Count
    }
    struct AllLinks: Decodable {
      let district: Links
      let opds: [String: Links]
    }
    let links: AllLinks
  }

  static func expected() throws -> Expected {
    let data = try Data(contentsOf: Support.root.appendingPathComponent("Fixtures/expected/kukar-2022.json"))
    return try JSONDecoder().decode(Expected.self, from: data)
  }

  static func report() throws -> AuditReport {
    try Support.audit([Support.fixture("kukar-2022")], year: 2022)
  }

  @Test("plan ↔ realization links by RUP code, per OPD and for the district")
  func links() throws {
    let expected = try Self.expected()
    let report = try Self.report()
    func same(_ links: PlanLinks?, _ want: Expected.Links, _ label: String) {
      guard let links else {
        Issue.record("\(label): no links")
        return
      }
      #expect(links.plannedPackages == want.planned_packages, "\(label)")
      #expect(links.plannedWithoutRealization.lines == want.planned_without_realization.packages, "\(label)")
      #expect(
        links.plannedWithoutRealization.total.decimalString == want.planned_without_realization.pagu,
        "\(label)")
      for (got, wanted) in [
        (links.realizedInPlan, want.realized_in_plan), (links.realizedNotInPlan, want.realized_not_in_plan),
        (links.realizedWithoutCode, want.realized_without_rup),
      ] {
        #expect(got.lines == wanted.lines && got.total.decimalString == wanted.total, "\(label)")
      }
    }
    same(report.district.links, expected.links.district, "district")
    #expect(report.opds.count == expected.links.opds.count)
    for opd in report.opds {
      guard let want = expected.links.opds[opd.code] else {
        Issue.record("\(opd.code) is not expected")
        continue
      }
      same(opd.links, want, opd.code)
    }
  }

  @Test("per-file counts by reason")
  func files() throws {
    let expected = try Self.expected()
    let report = try Self.report()
    #expect(report.inputs.count == expected.files.count)
    for input in report.inputs {
      let name = URL(fileURLWithPath: input.path).lastPathComponent
      let want = try #require(expected.files[name])
      #expect(input.rows == want.rows, "\(name)")
      #expect(input.included == want.included, "\(name)")
      #expect(input.excluded == want.excluded, "\(name)")
      #expect(input.rejected == want.rejected, "\(name)")
      #expect(
        Dictionary(uniqueKeysWithValues: input.excludedByReason.map { ($0.0.rawValue, $0.1) })
          == want.excluded_by_reason, "\(name)")
      #expect(
        Dictionary(uniqueKeysWithValues: input.rejectedByReason.map { ($0.0.rawValue, $0.1) })
          == want.rejected_by_reason, "\(name)")
    }
  }

  @Test("district and per-OPD figures, names and checks")
  func figures() throws {
    let expected = try Self.expected()
    let report = try Self.report()
    #expect(report.fiscalYear == expected.fiscal_year)
    Self.compare(report.district, expected.district, "district")
    #expect(Set(report.opds.map(\.code)) == Set(expected.opds.keys))
    for group in report.opds {
      guard let want = expected.opds[group.code] else { continue }
      Self.compare(group, want, group.code)
      #expect(group.name == expected.opd_names[group.code])
      for (stage, figures) in expected.checks.opds[group.code] ?? [:] {
        let check = group.checks.first { $0.rule.id == expected.checks.rule && $0.stage.rawValue == stage }
        #expect(check?.status.rawValue == figures.status, "\(group.code) \(stage)")
        #expect(check?.gap?.decimalString == figures.gap, "\(group.code) \(stage)")
      }
    }
    for (stage, figures) in expected.checks.district {
      let check = report.district.checks.first {
        $0.rule.id == expected.checks.rule && $0.stage.rawValue == stage
      }
      #expect(check?.status.rawValue == figures.status)
    }
  }

  static func compare(_ group: GroupReport, _ want: Expected.Group, _ label: String) {
    for stage in P3DNKit.Stage.allCases {
      let got = group[stage]
      let expected = stage == .plan ? want.plan : want.realization
      #expect((got == nil) == (expected == nil), "\(label) \(stage)")
      guard let got, let expected else { continue }
      #expect(got.lines == expected.lines, "\(label) \(stage)")
      #expect(got.total.decimalString == expected.total, "\(label) \(stage)")
      for (metric, figures) in [
        (P3DNKit.Metric.pdn, expected.pdn), (.umkk, expected.umkk), (.local, expected.local),
      ] {
        #expect(got[metric].amount.decimalString == figures.amount, "\(label) \(stage) \(metric)")
        #expect(got[metric].unknown.decimalString == figures.unknown, "\(label) \(stage) \(metric)")
      }
    }
  }

  @Test(
    "rows = included + excluded + rejected on every fixture",
    arguments: [
      ["kukar-2022"], ["hand/boundary-plan.csv"],
    ])
  func rowsAddUp(_ paths: [String]) throws {
    let report = try Support.audit(paths.map(Support.fixture), year: 2022)
    for input in report.inputs {
      #expect(input.rows == input.included + input.excluded + input.rejected)
      #expect(input.excluded == input.excludedByReason.reduce(0) { $0 + $1.1 })
      #expect(input.rejected == input.rejectedByReason.reduce(0) { $0 + $1.1 })
    }
    // Every included line is in exactly one OPD.
    for stage in report.stages {
      let lines = report.opds.reduce(0) { $0 + ($1[stage]?.lines ?? 0) }
      #expect(lines == report.district[stage]?.lines)
    }
  }

  @Test("the same audit whatever the read buffer size")
  func bufferSizes() throws {
    let large = try Support.audit([Support.fixture("kukar-2022")], year: 2022)
    let small = try Support.audit([Support.fixture("kukar-2022")], year: 2022, bufferSize: 64)
    #expect(JSONRenderer(language: .en).render(large) == JSONRenderer(language: .en).render(small))
  }
}
