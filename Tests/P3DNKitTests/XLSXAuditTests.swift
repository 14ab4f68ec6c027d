import Foundation
import Testing

@testable import P3DNKit

/// Audits of `.xlsx` inputs written by openpyxl (`scripts/csv-to-xlsx.py`) from CSV files
/// whose figures are known: the same rows must give the same report whichever the format.
/// The workbooks are committed in `Fixtures/xlsx/`; `scripts/make-xlsx-fixtures.py` writes
/// them from the CSV files named here, with the options each needs.
@Suite("XLSX inputs through the audit")
struct XLSXAuditTests {
  /// The path of a committed workbook under `Fixtures/xlsx/`.
  static func workbook(_ relative: String) -> String {
    let path = Support.fixture("xlsx/" + relative)
    #expect(FileManager.default.fileExists(atPath: path), "\(path) is committed")
    return path
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
    // Written with --backslash --title "PENCATATAN NON TENDER 2025".
    let xlsx = Self.workbook("audit/SPSE-PencatatanNonTender_1057.xlsx")
    let fromCSV = try Support.audit([csv])
    let fromXLSX = try Support.audit([xlsx])
    #expect(Self.summary(fromXLSX) == Self.summary(fromCSV))
    #expect(fromXLSX.inputs.first?.format == "XLSX \"Data\"")
    #expect(fromXLSX.district.realization?.total == m("15938368314.00"))
  }

  @Test("a real 1213 export (MAK cells, long codes) as a workbook: the same report as the CSV")
  func ekatalog() throws {
    let csv = Support.sharedData("Ecat-PaketEPurchasingV6_1213.csv")
    // Written with --backslash.
    let xlsx = Self.workbook("audit/Ecat-PaketEPurchasingV6_1213.xlsx")
    #expect(Self.summary(try Support.audit([xlsx])) == Self.summary(try Support.audit([csv])))
  }

  @Test("a SIPD report saved as a workbook: title rows, text amounts, line numbers are sheet rows")
  func sipd() throws {
    let csv = HandExportTests.file("sipd-realisasi-dinkes.csv")
    // Written with --delimiter ";".
    let xlsx = Self.workbook("audit/sipd-realisasi-dinkes.xlsx")
    let report = try Support.audit([xlsx], year: 2025)
    #expect(Self.summary(report) == Self.summary(try Support.audit([csv], year: 2025)))
    #expect(report.rejected.map(\.line) == [8, 9])
    #expect(report.opd("1.02.0.00.0.00.01.0000")?.realization?.total == m("13000000"))
  }

  @Test("a vendor list as a workbook decides what the CSV list decides")
  func vendors() throws {
    let list = Self.workbook("audit/daftar-penyedia.xlsx")
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
    // ekatalog-v6-orders.csv as a workbook, alone in its folder.
    let xlsx = Self.workbook("folder/ekatalog-v6-orders.xlsx")
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
