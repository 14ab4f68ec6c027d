import Foundation
import Testing

@testable import P3DNKit

/// Paths and helpers shared by the tests.
enum Support {
  /// The repository root (the folder holding Package.swift).
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  static func fixture(_ relative: String) -> String {
    root.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
  }

  /// The real public exports shipped beside the project (read-only).
  /// A real ISB export of Kab. Bandung (a copy in Fixtures: the tests read nothing
  /// outside the repository).
  static func sharedData(_ relative: String) -> String {
    root.appendingPathComponent("Fixtures/isb-kab-bandung-2025").appendingPathComponent(relative).path
  }

  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// Writes bytes to a new temporary file and returns its path.
  static func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("p3dn-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    return url.path
  }

  /// A new empty folder under the temporary directory.
  static func temporaryFolder() -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("p3dn-\(UUID().uuidString)")
      .path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  static func temporaryFile(_ text: String, name: String = "input.csv") -> String {
    temporaryFile(Array(text.utf8), name: name)
  }

  static func defaultPolicy() throws -> Policy { try PolicyLoader.builtIn() }

  /// Runs an audit of the given files with the default policy.
  static func audit(
    _ inputs: [String], plan: [String] = [], realization: [String] = [], year: Int? = nil,
    profile: String? = nil, policy: Policy? = nil, opd: [String] = [], bufferSize: Int = 1 << 20,
    threads: Int = 1, chunkSize: Int = 8 << 20, vendors: String? = nil, map: String? = nil,
    sheet: String? = nil, denominator: Denominator = .rup
  ) throws -> AuditReport {
    var request = AuditRequest(
      inputs: inputs, planFiles: plan, realizationFiles: realization, profileName: profile,
      policy: try policy ?? defaultPolicy(), year: year, opdFilters: opd, bufferSize: bufferSize)
    request.threads = threads
    request.chunkSize = chunkSize
    request.vendorsPath = vendors
    request.mapPath = map
    request.sheet = sheet
    request.denominator = denominator
    // These tests look at inputs whose rows may all be excluded; the CLI's typo checks
    // are tested through the binary.
    request.checksFilters = false
    return try AuditEngine.run(request)
  }

  /// All records of a file, decoded, read through the streaming reader with a given
  /// buffer size (small sizes cross record boundaries on purpose).
  static func records(path: String, dialect: CSVDialect, bufferSize: Int) throws -> [[String]] {
    let reader = CSVFileReader(input: try FileBytes(path: path), dialect: dialect, bufferSize: bufferSize)
    var rows: [[String]] = []
    while try reader.next() {
      rows.append(
        (0..<reader.fieldCount).map { index in
          TextDecoding.decode(reader.cell(index), as: dialect.encoding)
        })
    }
    return rows
  }
}

extension AuditReport {
  func input(_ suffix: String) -> InputReport? { inputs.first { $0.path.hasSuffix(suffix) } }
  func opd(_ code: String) -> GroupReport? { opds.first { $0.code == code } }
}

extension InputReport {
  func count(_ reason: ReasonCode) -> Int {
    (excludedByReason + rejectedByReason).first { $0.0 == reason }?.1 ?? 0
  }
}

/// Money from a decimal string in tests: `m("1234.56")`.
func m(_ text: String) -> MoneySum {
  guard case .value(let money, _) = AmountParser.parse(text) else { return MoneySum(sen: -999_999) }
  return MoneySum(money)
}

/// A fixed-seed generator (64-bit LCG) for generated test inputs: the same seed gives the
/// same inputs on every run, so a failure comes back.
struct SeededNumbers {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A number in 0..<bound.
  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}
