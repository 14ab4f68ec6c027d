/// A column an export format may carry: its meaning and the header names it goes by.
public struct ColumnSpec: Sendable {
  public let field: Field
  /// Accepted header names, the usual one first. Matching ignores case, spaces,
  /// underscores, hyphens and dots.
  public let names: [String]
  public let required: Bool

  public init(_ field: Field, _ names: [String], required: Bool = false) {
    self.field = field
    self.names = names
    self.required = required
  }

  /// The work unit and fiscal year columns that the LKPP datasets of ISB share: the dotted
  /// code `kd_satker_str` (required), the numeric `kd_satker` where it is empty, the name
  /// `nama_satker` and `tahun_anggaran`.
  public static let isbSatker = [
    ColumnSpec(.opdCode, ["kd_satker_str"], required: true),
    ColumnSpec(.opdCodeFallback, ["kd_satker"]),
    ColumnSpec(.opdName, ["nama_satker"]),
    ColumnSpec(.fiscalYear, ["tahun_anggaran"]),
  ]
}

/// A status column rule that moves a row out of scope (CONTRACT §4.1 excluded reasons).
public enum StatusRule: Sendable {
  /// `status_delete_rup` true (text or JSON boolean) → `deleted`.
  case deletedWhenTrue(Field)
  /// `status_aktif_rup` false → `inactive`.
  case inactiveWhenFalse(Field)
  /// Any value other than `word` → `not-announced`; an empty cell excludes nothing.
  case notAnnouncedUnless(Field, String)
  /// Legacy `statusumumkan`: `Terumumkan` in scope, `Terdelete` → `deleted`, any other
  /// value → `not-announced`; an empty cell excludes nothing.
  case legacyAnnouncement(Field)
  /// Any value other than `word` (including empty) → `not-completed`.
  case notCompletedUnless(Field, String)
  /// A free-text line status of hand-made sheets: cancelled and unfinished words.
  case lineStatus(Field)
  /// A procurement-method cell naming `swakelola` → `swakelola` (when the policy
  /// excludes swakelola).
  case swakelolaMethod(Field)
  /// A cell that contains one of the word stems `words` (compared as flag words: case,
  /// spaces, `-` and `_` ignored; `batal` is in `Paket Dibatalkan`) → `cancelled`.
  case cancelledWhen(Field, [String])
}

/// What the rows of a profile are.
public enum ProfileKind: Sendable, Equatable {
  /// Procurement lines: plan or realization amounts, classified and summed.
  case lines
  /// A per-OPD budget (SIRUP struktur anggaran): the denominator for "% input RUP" and
  /// `--denominator budget`, never summed as spending.
  case budget
  /// The team's vendor list (`--vendors`): what is known of each vendor, not spending.
  case vendors
}

/// Where a row's OPD code comes from.
public enum OPDRule: Sendable {
  /// The OPD code column, else the fallback column when the first is empty.
  case codeOrFallback
  /// The OPD code column when not empty, else the fallback column only when it holds a
  /// dotted code (SPSE: `kd_satker` is an LPSE-local number in some exports).
  case codeOrDottedFallback
}

/// An export format: how its columns map to fields, which rows are in scope, and which
/// stage its lines belong to.
public struct Profile: Sendable {
  public let name: String
  public let summary: LocalizedText
  /// The stage of every line, or nil when it comes from a `tahap` column or the command
  /// line (the canonical profile).
  public let stage: Stage?
  public let columns: [ColumnSpec]
  public let statusRules: [StatusRule]
  public let opdRule: OPDRule
  /// A missing or zero amount is `no-contract-value` (excluded) rather than rejected.
  public let zeroAmountIsNoContractValue: Bool
  /// Every line is a swakelola line: excluded as `swakelola` when the policy excludes
  /// swakelola, and its amount reported apart.
  public let isSwakelola: Bool
  /// A row without a fiscal year takes the year of its date column.
  public let yearFromDate: Bool
  public let kind: ProfileKind
  /// Words a mapping file adds to the yes-words and no-words of every flag.
  public let extraWords: ExtraFlagWords
  /// Columns that together identify one payment, for exports that list a payment once per
  /// RUP code (ISB 1058): a row repeating an earlier payment under another code is
  /// `duplicate`. Empty: no such check (and the file may be read in parallel chunks).
  public let paymentKey: [String]
  /// The column naming a line's package, for profiles whose packages another profile
  /// also reports (1057 records and their 1058 lines): both given count a package twice.
  public let packageColumn: String?
  /// Whether a header (already known to hold this profile's amount and OPD columns)
  /// belongs to this profile, given the normalized names it holds.
  let recognizes: @Sendable (HeaderNames) -> Bool

  public init(
    name: String, summary: LocalizedText, stage: Stage?, columns: [ColumnSpec],
    statusRules: [StatusRule], opdRule: OPDRule, zeroAmountIsNoContractValue: Bool,
    isSwakelola: Bool = false, yearFromDate: Bool = false, kind: ProfileKind = .lines,
    extraWords: ExtraFlagWords = ExtraFlagWords(), paymentKey: [String] = [], packageColumn: String? = nil,
    recognizes: @escaping @Sendable (HeaderNames) -> Bool
  ) {
    self.paymentKey = paymentKey
    self.packageColumn = packageColumn
    self.name = name
    self.summary = summary
    self.stage = stage
    self.columns = columns
    self.statusRules = statusRules
    self.opdRule = opdRule
    self.zeroAmountIsNoContractValue = zeroAmountIsNoContractValue
    self.isSwakelola = isSwakelola
    self.yearFromDate = yearFromDate
    self.kind = kind
    self.extraWords = extraWords
    self.recognizes = recognizes
  }

  public func spec(for field: Field) -> ColumnSpec? {
    columns.first { $0.field == field }
  }

  /// The profile's amount column names (for messages and `p3dn profiles`).
  public var amountNames: [String] { spec(for: .amount)?.names ?? [] }
  public var opdNames: [String] {
    (spec(for: .opdCode)?.names ?? []) + (spec(for: .opdCodeFallback)?.names ?? [])
  }
}

/// Yes-words and no-words beyond those of CONTRACT §4.2, from a mapping file; matched
/// like the built-in words (case, spaces, `-` and `_` ignored).
public struct ExtraFlagWords: Sendable, Equatable {
  public var yes: Set<String>
  public var no: Set<String>

  public init(yes: [String] = [], no: [String] = []) {
    self.yes = Set(yes.map(FlagWords.normalize))
    self.no = Set(no.map(FlagWords.normalize))
  }
}

/// Text in the two languages of the tool.
public struct LocalizedText: Sendable, Equatable, Codable {
  public let id: String
  public let en: String

  public init(id: String, en: String) {
    self.id = id
    self.en = en
  }

  public func text(_ language: Language) -> String { language == .en ? en : id }
}

/// The language of human-facing text.
public enum Language: String, CaseIterable, Sendable {
  case id
  case en
}
