import Foundation
import Testing

@testable import P3DNKit

/// Audits of `.xlsx` inputs written by openpyxl (`scripts/csv-to-xlsx.py`) from CSV files
/// whose figures are known: the same rows must give the same report whichever the format.
@Suite("XLSX inputs through the audit")
struct XLSXAuditTests {
  /// Writes `source` as a workbook with openpyxl and returns its path.
  static func workbook(_ source: String, _ options: [String] = []) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "p3dn-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let target = folder.appendingPathComponent(
      URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent + ".xlsx"
    ).path
    let result = try Binary.runCommand(
      "/usr/bin/env", ["python3", "scripts/csv-to-xlsx.py", source, target] + options)
    #expect(result.status == 0, "openpyxl wrote the workbook: \(result.stderr)")
    return target
  }

  /// The counts and figures that must not depend on the file format.
  static func summary(_ report: AuditReport) -> [String] {
    var lines = report.inputs.map { input in
      "\(input.profile) \(input.rows) \(input.included) \(input.excluded) \(input.rejected) "
        + (input.excludedByReason + input.rejectedByReason).map { "\($0.0.rawValue)=\($0.1)" }.joined(
          separator: ",")
    }
    for group in [report.district] + report.opds {
      for stage in Stage.allCases {
        guard let figures = group[stage] else { continue }
        lines.append(
          "\(group.code) \(stage) \(figures.lines) \(figures.total.decimalString) "
            + Metric.allCases.map {
              "\(figures[$0].amount.decimalString)/\(figures[$0].unknown.decimalString)"
            }
            .joined(separator: " "))
      }
    }
    return lines
  }

  @Test("a real 1057 export as a workbook with a merged title row: the same report as the CSV")
  func nonTender() throws {
    let csv = Support.sharedData("SPSE-PencatatanNonTender_1057.csv")
    let xlsx = try Self.workbook(csv, ["--backslash", "--title", "PENCATATAN NON TENDER 2025"])
    let fromCSV = try Support.audit([csv])
    let fromXLSX = try Support.audit([xlsx])
    #expect(Self.summary(fromXLSX) == Self.summary(fromCSV))
    #expect(fromXLSX.inputs.first?.format == "XLSX \"Data\"")
    #expect(fromXLSX.district.realization?.total == m("15938368314.00"))
  }

  @Test("a real 1213 export (MAK cells, long codes) as a workbook: the same report as the CSV")
  func ekatalog() throws {
    let csv = Support.sharedData("Ecat-PaketEPurchasingV6_1213.csv")
    let xlsx = try Self.workbook(csv, ["--backslash"])
    #expect(Self.summary(try Support.audit([xlsx])) == Self.summary(try Support.audit([csv])))
  }

  @Test("a SIPD report saved as a workbook: title rows, text amounts, line numbers are sheet rows")
  func sipd() throws {
    let csv = HandExportTests.file("sipd-realisasi-dinkes.csv")
    let xlsx = try Self.workbook(csv, ["--delimiter", ";"])
    let report = try Support.audit([xlsx], year: 2025)
    #expect(Self.summary(report) == Self.summary(try Support.audit([csv], year: 2025)))
    #expect(report.rejected.map(\.line) == [8, 9])
    #expect(report.opd("1.02.0.00.0.00.01.0000")?.realization?.total == m("13000000"))
  }

  @Test("a vendor list as a workbook decides what the CSV list decides")
  func vendors() throws {
    let list = try Self.workbook(HandExportTests.file("daftar-penyedia.csv"))
    let inputs = [
      HandExportTests.file("ekatalog-v6-orders.csv"), HandExportTests.file("nontender-realisasi-pu.csv"),
    ]
    let fromXLSX = try Support.audit(inputs, vendors: list)
    let fromCSV = try Support.audit(inputs, vendors: HandExportTests.file("daftar-penyedia.csv"))
    #expect(Self.summary(fromXLSX) == Self.summary(fromCSV))
    #expect((fromXLSX.vendors?.rows, fromXLSX.vendors?.entries) == (5, 4))
  }

  @Test("the binary: a folder's .xlsx is read; --sheet with an unknown name exits 2 naming the sheets")
  func binary() throws {
    let xlsx = try Self.workbook(HandExportTests.file("ekatalog-v6-orders.csv"))
    let folder = URL(fileURLWithPath: xlsx).deletingLastPathComponent().path
    let result = try Binary.run(["audit", folder, "--format", "json"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"profile\": \"ekatalog-v6\""))
    let missing = try Binary.run(["audit", xlsx, "--sheet", "Rekap"])
    #expect(missing.status == 2)
    #expect(missing.stdout == "")
    #expect(missing.stderr.contains(xlsx) && missing.stderr.contains("\"Data\""))
  }
}
