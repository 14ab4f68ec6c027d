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

  @_transparent
  mutating func read<S: RecordSource>(_ source: S) -> Outcome {
    if yearIndex >= 0, let value = DateReader.fiscalYear(source.cell(yearIndex)) { return .year(value) }
    guard dateIndex >= 0 else { return .year(nil) }
    let cell = ByteText.trimmed(source.cell(dateIndex))
    if cell.isEmpty { return .year(nil) }
    // Each source says `.some(nil)` for a cell that is not a real date.
    let found: Int?? = DateReader.fastYear(cell) ?? dates.cached(cell) ?? slowYear(cell)
    guard case .some(.some(let value)) = found else { return badDate(source) }
    return .year(value)
  }

  /// A date cell of another form than the ten-byte ones, read once.
  private mutating func slowYear(_ cell: UnsafeBufferPointer<UInt8>) -> Int?? {
    let year = DateReader.parse(TextDecoding.decode(cell, as: encoding))?.year
    dates.store(cell, year)
    return .some(year)
  }

  private func badDate<S: RecordSource>(_ source: S) -> Outcome {
    let text = source.text(dateIndex)
    return .badDate(
      column: header.original[dateIndex],
      LocalizedText(
        id:
          "tanggal \"\(text)\" bukan tanggal yang sah (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy atau 12 Maret 2025)",
        en: "the date \"\(text)\" is not a valid date (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy or 12 Maret 2025)"
      ))
  }
}
