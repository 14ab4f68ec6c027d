import Foundation
import Testing

@testable import P3DNKit

/// Runs the built `p3dn` binary and checks stdout, stderr and the exit status.
enum Binary {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static let path: String? = {
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
      candidates.append(executable.deletingLastPathComponent())
    }
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      candidates.append(URL(fileURLWithPath: link).deletingLastPathComponent())
    }
    for folder in candidates {
      let binary = folder.appendingPathComponent("p3dn").path
      if FileManager.default.isExecutableFile(atPath: binary) { return binary }
    }
    return nil
  }()

  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    let binary = try #require(path, "the p3dn binary is built next to the tests")
    return try runCommand(binary, arguments, environment: environment)
  }

  static func runCommand(_ executable: String, _ arguments: [String], environment: [String: String] = [:])
    throws -> Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = Support.root
    var env = ProcessInfo.processInfo.environment
    env["P3DN_LANG"] = nil
    env["NO_COLOR"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

@Suite("End to end: the p3dn binary")
struct EndToEndTests {
  static let plan = "Fixtures/hand/boundary-plan.csv"
  static let realization = "Fixtures/hand/realisasi-disdik.csv"

  @Test func version() throws {
    let result = try Binary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == "0.1.0\n")
  }

  @Test("audit --format json: exit 0, JSON on stdout, nothing on stderr")
  func jsonAudit() throws {
    let result = try Binary.run(["audit", Self.plan, "--realization", Self.realization, "--format", "json"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["schema"] as? String == "p3dn.audit.v1")
    #expect(object?["fiscal_year"] as? Int == 2022)
  }

  @Test("--fail-on breach exits 1 when a mandatory rule fails, and still prints the report")
  func failOnBreach() throws {
    let result = try Binary.run([
      "audit", Self.plan, "--realization", Self.realization, "--fail-on", "breach",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.contains("GAGAL"))
    let never = try Binary.run(["audit", Self.plan, "--realization", Self.realization, "--fail-on", "never"])
    #expect(never.status == 0)
    // Only Dinas Pendidikan, which passes; the district still fails.
    let one = try Binary.run([
      "audit", Self.plan, "--realization", Self.realization, "--fail-on", "breach", "--opd", "1.01",
    ])
    #expect(one.status == 1)
  }

  @Test("--fail-on breach exits 0 when every mandatory rule passes")
  func noBreach() throws {
    let path = Support.temporaryFile(
      "kode_opd,tahap,nilai,umk\n1.01,rencana,100,Ya\n1.01,rencana,150,Tidak\n")
    let result = try Binary.run(["audit", path, "--year", "2022", "--fail-on", "breach"])
    #expect(result.status == 0)
  }

  @Test(
    "input errors exit 2 with nothing on stdout and a message naming the file",
    arguments: [
      (["audit", "Fixtures/hand/nope.csv"], "Fixtures/hand/nope.csv"),
      (["audit", "Fixtures/hand/realisasi-disdik.csv"], "--realization Fixtures/hand/realisasi-disdik.csv"),
      (["audit", "Fixtures/hand/boundary-plan.csv", "--profile", "sipd"], "sipd"),
      (
        ["audit", "Fixtures/hand/boundary-plan.csv", "--policy", "Fixtures/hand/README.md"],
        "Fixtures/hand/README.md"
      ),
      (["audit", "Fixtures/kukar-2022"], "2021 (Fixtures/kukar-2022/"),
      (["audit", "Fixtures/hand/boundary-plan.csv", "--no-such-option"], "--no-such-option"),
      (["audit"], "--plan"),
      (["audit", "Fixtures/hand/boundary-plan.csv", "--format", "xml"], "xml"),
    ])
  func inputErrors(_ arguments: [String], _ mentioned: String) throws {
    let result = try Binary.run(arguments)
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.contains(mentioned))
  }

  @Test("a bad amount in a file is a rejected row with file, line and column, not an exit 2")
  func rejectedRowsAreReported() throws {
    let result = try Binary.run(["audit", Self.plan, "--realization", Self.realization, "--lang", "en"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Fixtures/hand/boundary-plan.csv:15, column nilai: bad-amount"))
    #expect(result.stdout.contains("14 rows = 7 included + 4 excluded + 3 rejected"))
  }

  @Test("Indonesian by default, English with --lang en or P3DN_LANG=en")
  func languages() throws {
    let indonesian = try Binary.run(["audit", Self.plan, "--realization", Self.realization])
    #expect(indonesian.stdout.contains("Audit P3DN tahun anggaran 2022"))
    let english = try Binary.run(["audit", Self.plan, "--realization", Self.realization, "--lang", "en"])
    #expect(english.stdout.contains("P3DN audit, fiscal year 2022"))
    let environment = try Binary.run(
      ["audit", Self.plan, "--realization", Self.realization], environment: ["P3DN_LANG": "en"])
    #expect(environment.stdout == english.stdout)
    let upper = try Binary.run(
      ["audit", Self.plan, "--realization", Self.realization], environment: ["P3DN_LANG": "EN"])
    #expect(upper.stdout == english.stdout)
    let error = try Binary.run(["audit", "nope.csv", "--lang", "en"])
    #expect(error.stderr.contains("no such file or folder"))
    // Machine output is the same in both languages except for messages.
    let jsonID = try Binary.run(["audit", Self.plan, "--realization", Self.realization, "--format", "csv"])
    let jsonEN = try Binary.run([
      "audit", Self.plan, "--realization", Self.realization, "--format", "csv", "--lang", "en",
    ])
    #expect(jsonID.stdout == jsonEN.stdout)
  }

  @Test("two runs give byte-identical output", arguments: ["table", "json", "csv", "markdown"])
  func deterministic(_ format: String) throws {
    let arguments = ["audit", "Fixtures/kukar-2022", "--year", "2022", "--format", format]
    let first = try Binary.run(arguments)
    let second = try Binary.run(arguments)
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    #expect(!first.stdout.isEmpty)
  }

  @Test("no colour when stdout is not a terminal")
  func noColourInPipes() throws {
    let result = try Binary.run(["audit", Self.plan, "--realization", Self.realization])
    #expect(!result.stdout.contains("\u{1B}["))
  }

  @Test("--output writes the report to a file and nothing to stdout")
  func outputFile() throws {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("p3dn-\(UUID()).json").path
    let result = try Binary.run([
      "audit", Self.plan, "--realization", Self.realization, "--format", "json", "--output", target,
    ])
    #expect(result.status == 0)
    #expect(result.stdout == "")
    let direct = try Binary.run(["audit", Self.plan, "--realization", Self.realization, "--format", "json"])
    #expect(try String(contentsOfFile: target, encoding: .utf8) == direct.stdout)
  }

  @Test("policy show prints the built-in policy, which loads back unchanged")
  func policyShow() throws {
    let result = try Binary.run(["policy", "show"])
    #expect(result.status == 0)
    #expect(result.stdout == Policy.defaultText)
    let copy = Support.temporaryFile(
      result.stdout.replacingFirst("min = 40\nseverity", with: "min = 10\nseverity"), name: "my.toml")
    let audit = try Binary.run([
      "audit", Self.plan, "--realization", Self.realization, "--policy", copy, "--fail-on", "breach",
    ])
    #expect(audit.status == 0)
    let bad = Support.temporaryFile(
      result.stdout.replacingFirst("min = 40\nseverity", with: "min = 400\nseverity"), name: "bad.toml")
    let rejected = try Binary.run(["audit", Self.plan, "--policy", bad])
    #expect(rejected.status == 2)
    #expect(rejected.stdout == "")
    #expect(rejected.stderr.contains("inpres-2-2022/umkk-40"))
  }

  @Test("profiles lists every profile with its columns")
  func profiles() throws {
    let result = try Binary.run(["profiles", "--lang", "en"])
    #expect(result.status == 0)
    for name in ProfileRegistry.names { #expect(result.stdout.contains(name)) }
    #expect(result.stdout.contains("nilai_kontrak"))
    #expect(result.stdout.contains("jumlahpagu"))
  }

  @Test("validate: exit 1 when rows are rejected, 0 when clean")
  func validate() throws {
    let dirty = try Binary.run(["validate", Self.plan, "--format", "json"])
    #expect(dirty.status == 1)
    let object = try JSONSerialization.jsonObject(with: Data(dirty.stdout.utf8)) as? [String: Any]
    #expect(object?["errors"] as? Int == 3)
    let clean = try Binary.run(["validate", "--realization", Self.realization])
    #expect(clean.status == 0)
  }
}
