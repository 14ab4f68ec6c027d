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
  /// Whether a header (already known to hold this profile's amount and OPD columns)
  /// belongs to this profile, given the normalized names it holds.
  let recognizes: @Sendable (HeaderNames) -> Bool

  public func spec(for field: Field) -> ColumnSpec? {
    columns.first { $0.field == field }
  }

  /// The profile's amount column names (for messages and `p3dn profiles`).
  public var amountNames: [String] { spec(for: .amount)?.names ?? [] }
  public var opdNames: [String] {
    (spec(for: .opdCode)?.names ?? []) + (spec(for: .opdCodeFallback)?.names ?? [])
  }
}

/// Text in the two languages of the tool.
public struct LocalizedText: Sendable, Equatable {
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
