/// A JSON value with ordered object keys, for deterministic output.
enum JSONValue {
  case null
  case bool(Bool)
  /// A number already in its JSON text form (`40`, `92.8`).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  static func int(_ value: Int) -> JSONValue { .number(String(value)) }
  static func money(_ value: MoneySum) -> JSONValue { .string(value.decimalString) }
  static func share(_ value: Share?) -> JSONValue { value.map { .number($0.decimalString) } ?? .null }

  /// Pretty-printed with two-space indentation and a final newline.
  func rendered() -> String {
    var output: [UInt8] = []
    output.reserveCapacity(1 << 16)
    write(to: &output, indent: 0)
    output.append(0x0A)
    return String(decoding: output, as: UTF8.self)
  }

  private static func indent(_ output: inout [UInt8], _ level: Int) {
    output.append(contentsOf: repeatElement(0x20, count: 2 * level))
  }

  private static func append(_ text: StaticString, to output: inout [UInt8]) {
    output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  private func write(to output: inout [UInt8], indent: Int) {
    switch self {
    case .null: Self.append("null", to: &output)
    case .bool(let value): Self.append(value ? "true" : "false", to: &output)
    case .number(let text): output.append(contentsOf: text.utf8)
    case .string(let text): Self.writeString(text, to: &output)
    case .array(let values):
      if values.isEmpty {
        Self.append("[]", to: &output)
        return
      }
      Self.append("[\n", to: &output)
      for (index, value) in values.enumerated() {
        Self.indent(&output, indent + 1)
        value.write(to: &output, indent: indent + 1)
        Self.append(index + 1 < values.count ? ",\n" : "\n", to: &output)
      }
      Self.indent(&output, indent)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        Self.append("{}", to: &output)
        return
      }
      Self.append("{\n", to: &output)
      for (index, (key, value)) in members.enumerated() {
        Self.indent(&output, indent + 1)
        Self.writeString(key, to: &output)
        Self.append(": ", to: &output)
        value.write(to: &output, indent: indent + 1)
        Self.append(index + 1 < members.count ? ",\n" : "\n", to: &output)
      }
      Self.indent(&output, indent)
      output.append(UInt8(ascii: "}"))
    }
  }

  /// A JSON string: quotes, backslashes and control characters (C0, DEL and the C1
  /// range, which UTF-8 writes as `C2 80`–`C2 9F`) escaped; everything else as is, in runs.
  static func writeString(_ text: String, to output: inout [UInt8]) {
    output.append(0x22)
    var text = text
    text.withUTF8 { bytes in
      var runStart = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        let isC1 =
          byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] >= 0x80 && bytes[index + 1] < 0xA0
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || isC1 else {
          index += 1
          continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        switch byte {
        case 0x22: append("\\\"", to: &output)
        case 0x5C: append("\\\\", to: &output)
        case 0x0A: append("\\n", to: &output)
        case 0x0D: append("\\r", to: &output)
        case 0x09: append("\\t", to: &output)
        case 0xC2:
          escape(UInt32(bytes[index + 1]), to: &output)
          index += 1
        default: escape(UInt32(byte), to: &output)
        }
        index += 1
        runStart = index
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
    output.append(0x22)
  }

  private static func escape(_ value: UInt32, to output: inout [UInt8]) {
    let digits: StaticString = "0123456789abcdef"
    append("\\u00", to: &output)
    output.append(digits.utf8Start[Int(value >> 4)])
    output.append(digits.utf8Start[Int(value & 0xF)])
  }
}
