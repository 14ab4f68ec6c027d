import Foundation
import Testing

@testable import P3DNKit

@Suite("Rendering")
struct RenderingTests {
  @Test("CSV cells a spreadsheet would run as formulas are neutralized; quoting")
  func csvCells() {
    #expect(CSVRenderer.neutralize("=SUM(A1)") == "'=SUM(A1)")
    #expect(CSVRenderer.neutralize("+62") == "'+62")
    #expect(CSVRenderer.neutralize("-x") == "'-x")
    #expect(CSVRenderer.neutralize("@cmd") == "'@cmd")
    #expect(CSVRenderer.neutralize("Dinas") == "Dinas")
    #expect(CSVRenderer.quote("a,b") == "\"a,b\"")
    #expect(CSVRenderer.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVRenderer.quote("plain") == "plain")
  }

  @Test("an OPD name starting with = reaches the CSV neutralized")
  func csvNeutralizedName() throws {
    let path = Support.temporaryFile(
      "kode_opd,nama_opd,tahap,nilai\n1.01,\"=HYPERLINK(\"\"x\"\")\",rencana,5\n")
    let report = try Support.audit([path], year: 2022)
    let csv = CSVRenderer().render(report)
    #expect(csv.contains("opd,1.01,\"'=HYPERLINK(\"\"x\"\")\",plan,1,5.00"))
  }

  @Test("the rejected list is cut at its limit and says how many were left out")
  func rejectedLimit() throws {
    var text = "kode_opd,tahap,nilai\n"
    for _ in 0..<25 { text += "1.01,rencana,abc\n" }
    let path = Support.temporaryFile(text)
    var request = AuditRequest(
      inputs: [path], policy: try Support.defaultPolicy(), year: 2022, rejectedLimit: 10)
    request.checksFilters = false
    let report = try AuditEngine.run(request)
    #expect(report.rejected.count == 10)
    #expect(report.rejectedOmitted == 15)
    #expect(report.inputs[0].rejected == 25)
    let json = JSONRenderer(language: .en).render(report)
    #expect(json.contains("\"rejected_omitted\": 15"))
  }

  @Test("JSON strings are escaped")
  func jsonEscapes() {
    var output: [UInt8] = []
    JSONValue.writeString("a\"b\\c\nd\u{1}é\u{7F}\u{85}\u{A0}\t\r", to: &output)
    #expect(
      String(decoding: output, as: UTF8.self) == "\"a\\\"b\\\\c\\nd\\u0001é\\u007f\\u0085\u{A0}\\t\\r\"")
  }

  @Test(
    "colour on a terminal, never with NO_COLOR",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func colourOnTerminal() throws {
    let command =
      "\(try #require(Binary.path)) audit Fixtures/hand/boundary-plan.csv --realization Fixtures/hand/realisasi-disdik.csv"
    let coloured = try Binary.runCommand("/usr/bin/script", ["-qec", command, "/dev/null"])
    #expect(coloured.stdout.contains("\u{1B}["))
    let plain = try Binary.runCommand(
      "/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1"])
    #expect(!plain.stdout.contains("\u{1B}["))
    #expect(plain.stdout.contains("LULUS"))
  }

  @Test("an output file that cannot be written is exit 2")
  func unwritableOutput() throws {
    let result = try Binary.run([
      "audit", "Fixtures/hand/boundary-plan.csv", "--year", "2022", "--output", "/nonexistent/dir/report.txt",
    ])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("/nonexistent/dir/report.txt"))
  }
}
