/// An OPD code as written in the data, and the OPD it rolls up to.
public enum OPDCode {
  /// A Kepmendagri 050-5889 code (8 dotted segments of digits) whose last segment is not
  /// `0000` is a sub-unit; it rolls up to the same code ending in `0000`. Any other code is its
  /// own OPD.
  public static func rollUp(_ code: String) -> String {
    let segments = code.split(separator: ".", omittingEmptySubsequences: false)
    guard segments.count == 8, let last = segments.last, last != "0000",
      segments.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return code }
    return segments.dropLast().joined(separator: ".") + ".0000"
  }

  /// Whether the code is dotted (as SIPD codes are), not an LPSE-local number.
  public static func isDotted(_ code: String) -> Bool {
    code.contains(".") && code.split(separator: ".").count >= 2
  }
}
