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

/// What a status word means for a row: it counts, or it excludes the row for a reason.
public enum StatusOutcome: Sendable, Equatable {
  case counts
  case excluded(ReasonCode)
}

/// The words of one status column: a closed list (CONTRACT §7.6). Words are compared as
/// flag words (case, spaces, `-` and `_` ignored); a word not listed is `unknown-status`.
public struct StatusWords: Sendable {
  let outcomes: [String: StatusOutcome]

  public init(counts: [String], _ excluded: [(ReasonCode, [String])] = []) {
    var outcomes: [String: StatusOutcome] = [:]
    for word in counts { outcomes[FlagWords.normalize(word)] = .counts }
    for (reason, words) in excluded {
      for word in words { outcomes[FlagWords.normalize(word)] = .excluded(reason) }
    }
    self.outcomes = outcomes
  }

  init(outcomes: [String: StatusOutcome]) { self.outcomes = outcomes }

  /// The reason a word gives (nil: the row counts); an empty cell is no word.
  func reason(_ text: String) -> ReasonCode? {
    let word = FlagWords.normalize(text)
    if word.isEmpty { return nil }
    switch outcomes[word] {
    case .counts: return nil
    case .excluded(let reason): return reason
    case nil: return .unknownStatus
    }
  }

  /// The same list with words added (a mapping's `[status]` table); added words win.
  func adding(_ other: [String: StatusOutcome]) -> StatusWords {
    StatusWords(outcomes: outcomes.merging(other) { _, added in added })
  }

  /// The words listed, as written in the list (normalized), by outcome.
  public var listed: [(word: String, outcome: StatusOutcome)] {
    outcomes.map { ($0.key, $0.value) }.sorted { $0.word < $1.word }
  }
}

/// A status column rule that moves a row out of scope (CONTRACT §4.1 excluded reasons).
public enum StatusRule: Sendable {
  /// `status_delete_rup` true (text or JSON boolean) → `deleted`; false counts; any other
  /// word → `unknown-status`.
  case deletedWhenTrue(Field)
  /// `status_aktif_rup` false → `inactive`; true counts; any other word → `unknown-status`.
  case inactiveWhenFalse(Field)
  /// A closed list of words; the first field of `fields` whose cell is not empty decides
  /// (e-Katalog v5: `status_paket` where present, else `paket_status_str`).
  case words([(Field, StatusWords)])
  /// A procurement-method cell naming `swakelola` → `swakelola` (when the policy
  /// excludes swakelola). Not a status: any other method counts.
  case swakelolaMethod(Field)

  /// A closed list on one column.
  public static func closed(_ field: Field, _ words: StatusWords) -> StatusRule { .words([(field, words)]) }
}

/// What a file is for an audit (CONTRACT §7.2): `inputs[].use`.
public enum FileUse: String, Sendable, Codable {
  case spending
  case budget
  case directory
  case notSpending = "not-spending"
}

/// One dataset a profile reads (a row of FORMATS' ISB or INAPROC tables), told apart from
/// the profile's others by a column only it has.
public struct DatasetRule: Sendable {
  /// The dataset's name, its path after `/v1/` (`tender/tender-selesai-nilai`).
  public let name: String
  /// A column that marks it (nil: any header of the profile).
  let marker: String?
  /// The package key column, and the key space it names (two datasets whose keys share a
  /// space hold the same packages: CONTRACT §7.4).
  let packageKey: String?
  let keySpace: String
  /// Rank within the stage when two datasets hold one package: lower counts first.
  let rank: Int

  public init(_ name: String, marker: String? = nil, key: String? = nil, space: String = "", rank: Int = 0) {
    self.name = name
    self.marker = marker
    self.packageKey = key
    self.keySpace = space
    self.rank = rank
  }
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
  /// A satker directory (SIRUP master-satker, e-Katalog instansi-satker): maps OPD ids to
  /// codes; its rows are `not-spending`.
  case directory(DirectoryKind)
  /// A dataset that holds no spending (announcements, schedules, programs…): every row
  /// is `not-spending`.
  case notSpending

  /// `inputs[].use`.
  public var use: FileUse {
    switch self {
    case .lines, .vendors: return .spending
    case .budget: return .budget
    case .directory: return .directory
    case .notSpending: return .notSpending
    }
  }

  /// Whether its rows are read for amounts (spending lines or a budget).
  public var readsAmounts: Bool { self == .lines || self == .budget }
}

/// Which ids a satker directory maps to codes.
public enum DirectoryKind: String, Sendable, Codable {
  /// SIRUP's numeric `kd_satker` (master-satker, ISB 1008).
  case sirup
  /// e-Katalog's satker id (instansi-satker; the v5 orders' `satker_id`).
  case ekatalog
}

/// Where a row's OPD code comes from.
public enum OPDRule: Sendable, Equatable {
  /// The OPD code column, else the fallback column when the first is empty.
  case codeOrFallback
  /// The OPD code column when not empty, else the fallback column only when it holds a
  /// dotted code or a satker directory among the inputs knows it (as a code, or as an id
  /// of that kind); else `missing-opd` (SPSE: `kd_satker` is an LPSE-local number in some
  /// exports; INAPROC `tender-selesai-nilai` has no code column).
  case codeOrKnownFallback(DirectoryKind)
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
  /// The datasets it reads, the first whose marker the header holds (empty: a hand-made
  /// format, which never supersedes another file).
  public let datasets: [DatasetRule]
  /// A contract's version column (e-kontrak `versi_addendum`): only a package's highest
  /// version counts, earlier ones are `superseded` (CONTRACT §7.5).
  public let versionColumn: String?
  /// Whether a header (already known to hold this profile's amount and OPD columns)
  /// belongs to this profile, given the normalized names it holds.
  let recognizes: @Sendable (HeaderNames) -> Bool

  public init(
    name: String, summary: LocalizedText, stage: Stage?, columns: [ColumnSpec],
    statusRules: [StatusRule], opdRule: OPDRule, zeroAmountIsNoContractValue: Bool,
    isSwakelola: Bool = false, yearFromDate: Bool = false, kind: ProfileKind = .lines,
    extraWords: ExtraFlagWords = ExtraFlagWords(), paymentKey: [String] = [],
    datasets: [DatasetRule] = [], versionColumn: String? = nil,
    recognizes: @escaping @Sendable (HeaderNames) -> Bool
  ) {
    self.datasets = datasets
    self.versionColumn = versionColumn
    self.paymentKey = paymentKey
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

  /// The dataset a header of this profile is (nil: a hand-made format).
  public func dataset(for header: HeaderNames) -> DatasetRule? {
    datasets.first { rule in rule.marker.map(header.contains) ?? true }
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
