import Testing

@testable import P3DNKit

/// ISB API output is often one line: an error's column is counted from the line's start.
@Suite("JSON errors on one line")
struct JSONErrorTests {
  @Test(
    "the column of an error on a minified array",
    arguments: [
      // The `5` is the 131st byte of the line.
      (
        "[{\"kd_satker_str\": \"1.01.0.00.0.00.01.0000\", \"pagu\": 5, \"kd_rup\":\"1\", \"tahun_anggaran\": 2025},"
          + " {\"kd_satker_str\": \"x\", \"pagu\": 6}, 5]", 1, 131
      ),
      // `tru` starts at byte 101 of the second line.
      (
        "[\n{\"kd_satker_str\": \"1.01.0.00.0.00.01.0000\", \"pagu\": 5, \"kd_rup\":\"1\", \"tahun_anggaran\": 2025}, {\"a\": tru}]",
        2, 101
      ),
    ])
  func column(text: String, line: Int, column: Int) throws {
    let path = Support.temporaryFile(text, name: "minified.json")
    #expect {
      try Support.audit([path], year: 2025)
    } throws: { error in
      guard case .read(.badJSON(_, let gotLine, let gotColumn, _)) = error as? AuditError else {
        return false
      }
      return gotLine == line && gotColumn == column
    }
  }
}
