import Foundation
import Testing

/// Rendered reports of the hand-worked fixtures, compared byte for byte with the files in
/// `Golden/`. After an intended change, regenerate them with
/// `P3DN_UPDATE_GOLDEN=1 swift test --filter Golden` and review the diff.
@Suite("Golden files")
struct GoldenTests {
  static let cases: [(String, [String])] = [
    ("hand-audit.json", ["--format", "json"]),
    ("hand-audit.id.txt", ["--format", "table"]),
    ("hand-audit.en.txt", ["--format", "table", "--lang", "en"]),
    ("hand-audit.csv", ["--format", "csv"]),
    ("hand-audit.md", ["--format", "markdown"]),
  ]

  @Test("audit of Fixtures/hand", arguments: cases)
  func golden(_ name: String, _ options: [String]) throws {
    let result = try Binary.run(
      ["audit", "Fixtures/hand/boundary-plan.csv", "--realization", "Fixtures/hand/realisasi-disdik.csv"]
        + options)
    #expect(result.status == 0)
    let url = Support.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["P3DN_UPDATE_GOLDEN"] == "1" {
      try result.stdout.write(to: url, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(result.stdout == expected)
  }
}
