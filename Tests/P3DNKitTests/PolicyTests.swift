import Foundation
import Testing

@testable import P3DNKit

@Suite("Policy (POLICY.md)")
struct PolicyTests {
  @Test("the built-in kukar-p3dn carries exactly the rules of POLICY.md")
  func builtIn() throws {
    let policy = try PolicyLoader.builtIn()
    #expect(policy.id == "kukar-p3dn")
    #expect(policy.accounts == ["5.1.02", "5.2"])
    #expect(policy.excludeSwakelola)
    #expect(policy.pdnTKDNBMPMinimum == Percentage(whole: 40))
    #expect(policy.regionNames == ["Kutai Kartanegara", "Kukar"])
    let expected: [(String, Metric, Int?, Severity, Int?, Int?, String)] = [
      (
        "inpres-2-2022/umkk-40", .umkk, 40, .mandatory, 2022, nil,
        "Inpres 2/2022; Perpres 16/2018 jo. 12/2021 Pasal 65(3); UU Cipta Kerja Pasal 97"
      ),
      ("lkpp-se-8-2023/pdn-95", .pdn, 95, .target, 2023, nil, "SE Kepala LKPP 8/2023"),
      ("inpres-2-2022/pdn", .pdn, nil, .info, 2022, 2022, "Inpres 2/2022 (PDN use, no percentage)"),
      (
        "perbup-kukar-74-2021/produk-daerah", .local, nil, .info, 2022, nil,
        "Perbup Kutai Kartanegara 74/2021"
      ),
    ]
    #expect(policy.rules.count == expected.count)
    for (rule, want) in zip(policy.rules, expected) {
      #expect(rule.id == want.0)
      #expect(rule.metric == want.1)
      #expect(rule.stages == [.plan, .realization])
      #expect(rule.minimum == want.2.map { Percentage(whole: Int64($0)) })
      #expect(rule.severity == want.3)
      #expect(rule.fromYear == want.4)
      #expect(rule.toYear == want.5)
      #expect(rule.basis == want.6)
    }
    #expect(
      policy.rules.filter { $0.applies(to: 2022) }.map(\.id) == [
        "inpres-2-2022/umkk-40", "inpres-2-2022/pdn", "perbup-kukar-74-2021/produk-daerah",
      ])
    #expect(
      policy.rules.filter { $0.applies(to: 2025) }.map(\.id) == [
        "inpres-2-2022/umkk-40", "lkpp-se-8-2023/pdn-95", "perbup-kukar-74-2021/produk-daerah",
      ])
  }

  @Test("a copy of `policy show` with one number changed loads")
  func editedCopy() throws {
    let text = Policy.defaultText.replacingFirst("min = 40\nseverity", with: "min = 37.5\nseverity")
    let policy = try PolicyLoader.load(text: text, path: "my.toml")
    #expect(policy.rules[0].minimum == Percentage.parse("37.5"))
  }

  static let minimal = """
    id = "p"
    [[rules]]
    id = "a"
    metric = "umkk"
    min = 40
    severity = "mandatory"
    """

  @Test(
    "bad policy files",
    arguments: [
      (
        minimal.replacingFirst("\"umkk\"", with: "\"ukm\""),
        PolicyError.unknownMetric(path: "p.toml", rule: "a", value: "ukm")
      ),
      (
        minimal.replacingFirst("min = 40", with: "min = 140"),
        .minimumOutOfRange(path: "p.toml", rule: "a", value: "140")
      ),
      (
        minimal.replacingFirst("min = 40", with: "min = -1"),
        .minimumOutOfRange(path: "p.toml", rule: "a", value: "-1")
      ),
      (
        minimal + "\n[[rules]]\nid = \"a\"\nmetric = \"pdn\"\nseverity = \"info\"\n",
        .duplicateRule(path: "p.toml", rule: "a")
      ),
      (
        minimal.replacingFirst("severity = \"mandatory\"", with: "severity = \"wajib\""),
        .unknownSeverity(path: "p.toml", rule: "a", value: "wajib")
      ),
      (minimal.replacingFirst("min = 40\n", with: ""), .minimumRequired(path: "p.toml", rule: "a")),
      (minimal + "\nbasis_typo = \"x\"\n", .unknownKey(path: "p.toml", key: "rules[1].basis_typo")),
      ("id = \"p\"\n", .noRules(path: "p.toml")),
      (
        minimal.replacingFirst("metric = \"umkk\"", with: "metric = \"umkk\"\nstages = [\"rencana\"]"),
        .unknownStage(path: "p.toml", rule: "a", value: "rencana")
      ),
    ])
  func badPolicies(_ text: String, _ error: PolicyError) {
    #expect(throws: error) { try PolicyLoader.load(text: text, path: "p.toml") }
  }

  @Test("invalid TOML names its line and column")
  func badTOML() {
    do {
      _ = try PolicyLoader.load(text: "id = \"p\"\n[[rules]\n", path: "p.toml")
      Issue.record("expected an error")
    } catch {
      guard case .badTOML(let path, let line, let column, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(path == "p.toml")
      #expect(line == 2)
      #expect(column > 0)
    }
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
