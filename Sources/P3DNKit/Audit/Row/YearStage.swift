/// The row's fiscal year (CONTRACT §4.1 "Fiscal year"): a four-digit fiscal-year cell,
/// else (profiles that take it from a date) the year of the date cell, which must then be
/// a real date; else no year.
struct YearStage {
  enum Outcome {
    case year(Int?)
    case badDate(column: String, LocalizedText)
  }

  let yearIndex: Int
  let dateIndex: Int
  let header: HeaderNames
  let encoding: TextEncoding
  private var dates = ByteCache<Int?>(limit: 1 << 16)

  init(profile: Profile, header: HeaderNames, columns: BoundColumns, encoding: TextEncoding) {
    yearIndex = columns.raw(.fiscalYear)
    dateIndex = profile.yearFromDate ? columns.raw(.date) : -1
    self.header = header
    self.encoding = encoding
  }

  @inline(__always)
  mutating func read<S: RecordSource>(_ source: S) -> Outcome {
    if yearIndex >= 0, let value = DateReader.fiscalYear(source.cell(yearIndex)) { return .year(value) }
    guard dateIndex >= 0 else { return .year(nil) }
    let cell = ByteText.trimmed(source.cell(dateIndex))
    if cell.isEmpty { return .year(nil) }
    let encoding = self.encoding
    guard
      let value = DateReader.fastYear(cell)
        ?? dates.value(for: cell, compute: { DateReader.parse(TextDecoding.decode($0, as: encoding))?.year })
    else {
      let text = source.text(dateIndex)
      return .badDate(
        column: header.original[dateIndex],
        LocalizedText(
          id:
            "tanggal \"\(text)\" bukan tanggal yang sah (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy atau 12 Maret 2025)",
          en: "the date \"\(text)\" is not a valid date (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy or 12 Maret 2025)"
        ))
    }
    return .year(value)
  }
}
