/// A JSON value with ordered object keys, for deterministic output.
indirect enum JSONValue {
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
    var output = ""
    output.reserveCapacity(1 << 16)
    write(to: &output, indent: 0)
    output.append("\n")
    return output
  }

  private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

  private static func indentation(_ level: Int) -> String {
    level < indents.count ? indents[level] : String(repeating: "  ", count: level)
  }

  private func write(to output: inout String, indent: Int) {
    switch self {
    case .null: output.append("null")
    case .bool(let value): output.append(value ? "true" : "false")
    case .number(let text): output.append(text)
    case .string(let text): Self.writeString(text, to: &output)
    case .array(let values):
      if values.isEmpty {
        output.append("[]")
        return
      }
      output.append("[\n")
      for (index, value) in values.enumerated() {
        output.append(Self.indentation(indent + 1))
        value.write(to: &output, indent: indent + 1)
        output.append(index + 1 < values.count ? ",\n" : "\n")
      }
      output.append(Self.indentation(indent) + "]")
    case .object(let members):
      if members.isEmpty {
        output.append("{}")
        return
      }
      output.append("{\n")
      for (index, (key, value)) in members.enumerated() {
        output.append(Self.indentation(indent + 1))
        Self.writeString(key, to: &output)
        output.append(": ")
        value.write(to: &output, indent: indent + 1)
        output.append(index + 1 < members.count ? ",\n" : "\n")
      }
      output.append(Self.indentation(indent) + "}")
    }
  }

  static func writeString(_ text: String, to output: inout String) {
    output.append("\"")
    // Most strings need no escape: append them whole.
    var plain = true
    for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 {
      plain = false
      break
    }
    if plain {
      output.append(text)
      output.append("\"")
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output.append("\\\"")
      case "\\": output.append("\\\\")
      case "\n": output.append("\\n")
      case "\r": output.append("\\r")
      case "\t": output.append("\\t")
      default:
        if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
          let hex = String(scalar.value, radix: 16)
          output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output.append("\"")
  }
}
