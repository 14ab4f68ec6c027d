import Testing

@testable import P3DNKit

@Suite("Amounts (CONTRACT §4.1)")
struct MoneyTests {
  /// (cell, expected sen, rounded) — worked out by hand from the rules.
  static let valid: [(String, Int128, Bool)] = [
    ("1336777027.98", 133_677_702_798, false),
    ("1.234.567,89", 123_456_789, false),
    ("Rp 1.234.567", 123_456_700, false),
    ("Rp. 1.234.567,-", 123_456_700, false),
    ("rp1.234.567", 123_456_700, false),
    ("RP. 2.500.000,-", 250_000_000, false),
    ("-1.000", -100_000, false),
    ("(1.000)", -100_000, false),
    ("-Rp 1.000", -100_000, false),
    ("(Rp 1.000,50)", -100_050, false),
    ("1,234,567.89", 123_456_789, false),
    ("1.234", 123_400, false),
    ("1.23", 123, false),
    ("1,5", 150, false),
    ("1234,56", 123_456, false),
    ("1,234", 123_400, false),
    ("0", 0, false),
    ("0.00", 0, false),
    ("  75000000  ", 7_500_000_000, false),
    ("1 234 567", 123_456_700, false),
    ("12.500.000,5", 1_250_000_050, false),
    ("100.000", 10_000_000, false),
    ("0.125", 12_500, false),
    ("0.1250", 13, true),
    ("0.1249", 12, true),
    ("-0.1250", -13, true),
    ("0.12", 12, false),
    ("1,234.5678", 123_457, true),
    ("2.10000", 210, false),
    ("92233720368547758.07", Int128(Int64.max), false),
    ("92233720368547758.08", Int128(Int64.max) + 1, false),
    ("100000000000000000000", 10_000_000_000_000_000_000_000, false),
    ("999999999999999999999999999.99", 99_999_999_999_999_999_999_999_999_999, false),
    ("999.999.999.999.999.999.999.999.999,99", 99_999_999_999_999_999_999_999_999_999, false),
  ]

  @Test("valid amounts", arguments: valid)
  func validAmount(_ cell: String, _ sen: Int128, _ rounded: Bool) {
    #expect(AmountParser.parse(cell) == .value(Money(sen: sen), rounded: rounded))
  }

  @Test(
    "missing amounts",
    arguments: ["", "   ", "null", "NULL", "Null", "-", " - ", "NaN", "nan"])
  func missingAmount(_ cell: String) {
    #expect(AmountParser.parse(cell) == .missing)
  }

  @Test(
    "bad amounts",
    arguments: [
      "12,3,4", "12.34.56", "1.234.56", "75.000.00", "abc", "Rp", "1.234,567", "-(1.000)",
      "(-1.000)", "+1000", "1e9", "1.5E3", "12-", "--1", "(1.000", "1.", ".5", ",5", "1..2",
      "Rp -1.000", "1000000000000000000000000000", "1.000.000.000.000.000.000.000.000.000",
      String(repeating: "9", count: 60), "12 abc", "1.234,5,6",
    ])
  func badAmount(_ cell: String) {
    #expect(AmountParser.parse(cell) == .bad)
  }

  @Test func decimalStrings() {
    #expect(MoneySum(sen: 133_677_702_798).decimalString == "1336777027.98")
    #expect(MoneySum(sen: -150_000).decimalString == "-1500.00")
    #expect(MoneySum(sen: 5).decimalString == "0.05")
    #expect(MoneySum(sen: -5).decimalString == "-0.05")
    #expect(MoneySum.zero.decimalString == "0.00")
  }

  @Test func rupiahStrings() {
    #expect(MoneySum(sen: 123_456_700).rupiahString == "Rp 1.234.567")
    #expect(MoneySum(sen: 123_456_750).rupiahString == "Rp 1.234.567,50")
    #expect(MoneySum(sen: 105).rupiahString == "Rp 1,05")
    #expect(MoneySum(sen: -100_000).rupiahString == "-Rp 1.000")
    #expect(MoneySum(sen: 99_900).rupiahString == "Rp 999")
  }

  @Test("sums stay exact beyond 2^63 sen")
  func wideSums() {
    var sum = MoneySum.zero
    for _ in 0..<4 { sum += Money(sen: Int128(Int64.max)) }
    #expect(sum.sen == Int128(Int64.max) * 4)
    #expect(sum.decimalString == "368934881474191032.28")
  }

  @Test func shares() {
    #expect(Share(amount: m("41.23"), total: m("100"))?.decimalString == "41.23")
    #expect(Share(amount: m("1"), total: m("3"))?.decimalString == "33.33")
    #expect(Share(amount: m("2"), total: m("3"))?.decimalString == "66.67")
    // 0.125% rounds half away from zero to 0.13%.
    #expect(Share(amount: m("1"), total: m("800"))?.decimalString == "0.13")
    #expect(Share(amount: m("-1"), total: m("800"))?.decimalString == "-0.13")
    #expect(Share(amount: m("928"), total: m("1000"))?.decimalString == "92.8")
    #expect(Share(amount: m("5"), total: m("5"))?.decimalString == "100")
    #expect(Share(amount: m("5"), total: m("0")) == nil)
    #expect(Share(amount: m("5"), total: m("-5")) == nil)
  }
}

/// The number forms of CONTRACT §4.1 as regular expressions, applied in order: an
/// independent model of the amount parser, compared on many generated numbers.
@Suite("Amount forms against their regular expressions")
struct AmountFormModelTests {
  static func model(_ text: String) -> AmountReading {
    let forms: [(Regex<Substring>, grouping: Character?, decimal: Character?)] = [
      (try! Regex(#"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$"#), ".", ","),
      (try! Regex(#"^\d+,\d{1,2}$"#), nil, ","),
      (try! Regex(#"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$"#), ",", "."),
      (try! Regex(#"^\d+(?:\.\d+)?$"#), nil, "."),
    ]
    for form in forms where text.wholeMatch(of: form.0) != nil {
      var integer = text
      var fraction = ""
      if let decimal = form.decimal, let cut = text.lastIndex(of: decimal) {
        integer = String(text[..<cut])
        fraction = String(text[text.index(after: cut)...])
      }
      if let grouping = form.grouping { integer.removeAll { $0 == grouping } }
      let significant = integer.drop { $0 == "0" }
      guard significant.count <= 27 else { return .bad }
      var sen = (Int128(String(significant)) ?? 0) * 100
      let digits = Array(fraction)
      if !digits.isEmpty { sen += Int128(String(digits[0]))! * 10 }
      if digits.count >= 2 { sen += Int128(String(digits[1]))! }
      if digits.count >= 3, digits[2] >= "5" { sen += 1 }
      let rounded = digits.count > 2 && digits.dropFirst(2).contains { $0 != "0" }
      return .value(Money(sen: sen), rounded: rounded)
    }
    return .bad
  }

  @Test("20,000 generated numbers read as the model reads them")
  func generated() {
    var numbers = SeededNumbers(seed: 2022)
    func next(_ bound: Int) -> Int { numbers.next(bound) }
    let alphabet = Array("0123456789.,")
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<(1 + next(14)) {
        // Mostly digits, some separators.
        text.append(next(4) == 0 ? alphabet[10 + next(2)] : alphabet[next(10)])
      }
      let expected = Self.model(text)
      #expect(AmountParser.parse(text) == expected, "\(text)")
      if AmountParser.parse(text) != expected { return }
    }
  }
}

/// The one-pass reading of the commonest spellings gives what the general reader gives,
/// on generated cells with and without `Rp`, `Rp.`, spaces and `,-`.
@Suite("Amounts: the one-pass path")
struct AmountFastPathTests {
  @Test("known cells")
  func known() {
    let cases: [(String, Int128?)] = [
      ("141.267.618,57", 14_126_761_857), ("Rp 244.095.122", 24_409_512_200),
      ("Rp. 246.718.322,-", 24_671_832_200), ("rp.1.234,5", 123_450), ("42.959.967", 4_295_996_700),
      ("1234,56", 123_456), ("0", 0), ("1.234", 123_400),
      // Left to the general reader: plain decimals, English grouping, signs, blanks.
      ("1.23", nil), ("1234.567", nil), ("1,234", nil), ("-1.000", nil), (" 1.000", nil),
      ("Rp  1.000", nil), ("1.000,5-", nil), ("1234567890123456789", nil), ("Rp", nil), ("", nil),
    ]
    for (text, sen) in cases {
      var bytes = Array(text.utf8)
      let fast = bytes.withUnsafeMutableBufferPointer { AmountParser.indonesianSen(UnsafeBufferPointer($0)) }
      #expect(fast == sen, "\(text)")
    }
  }

  @Test("50,000 generated cells")
  func generated() {
    var numbers = SeededNumbers(seed: 74)
    func next(_ bound: Int) -> Int { numbers.next(bound) }
    let prefixes = ["", "", "Rp", "Rp ", "Rp.", "Rp. ", "rp", "RP. ", "Rp  ", "-"]
    let suffixes = ["", "", "", ",-", "-", " "]
    let alphabet = Array("0123456789.,")
    var taken = 0
    for _ in 0..<50_000 {
      var text = prefixes[next(prefixes.count)]
      for _ in 0..<(1 + next(24)) {
        text.append(next(4) == 0 ? alphabet[10 + next(2)] : alphabet[next(10)])
      }
      text += suffixes[next(suffixes.count)]
      var bytes = Array(text.utf8)
      let (fast, general) = bytes.withUnsafeMutableBufferPointer { buffer in
        let cell = UnsafeBufferPointer(buffer)
        return (AmountParser.indonesianSen(cell), AmountParser.parseGeneral(cell))
      }
      guard let fast else { continue }
      taken += 1
      #expect(general == .value(Money(sen: fast), rounded: false), "\(text)")
      if general != .value(Money(sen: fast), rounded: false) { return }
    }
    // The path is taken often enough for the comparison to mean something.
    #expect(taken > 3_000)
  }
}
