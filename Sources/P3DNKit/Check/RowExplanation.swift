/// `p3dn explain FILE:LINE`: one row as read, every decision the audit took on it in the
/// order of CONTRACT §4.1 and §7, and for each metric what decided it. Values only;
/// renderers turn it into text.
public struct RowExplanation: Sendable {
  public enum Bucket: String, Sendable {
    case included
    case excluded
    case rejected
  }

  /// A step of the row's way through the audit.
  public enum Step: String, Sendable, CaseIterable {
    /// What the file is for the audit (CONTRACT §7.2).
    case file
    /// An older snapshot of its dataset (§7.3).
    case snapshot
    /// An earlier contract version (§7.5).
    case version
    /// The number of fields against the header.
    case fields
    case total
    case stage
    case status
    case amount
    case opd
    /// The fiscal year's cell or the date (a bad date is rejected here).
    case date
    case contractValue = "contract-value"
    case account
    /// An identical row, or a payment listed again (§7.1, FORMATS 1058).
    case copy
    /// The row's fiscal year against the reported one.
    case year
    /// A package another file counts (§7.4).
    case package
  }

  /// One decision: the step, what it read, and the reason code it gave (nil: passed).
  public struct Decision: Sendable, Equatable {
    public let step: Step
    public let reason: ReasonCode?
    public let detail: LocalizedText
  }

  /// What decided one metric of an included line.
  public struct MetricDecision: Sendable, Equatable {
    /// `yes` (the line qualifies, in full or for `amount`), `no`, or `unknown`.
    public let value: String
    /// The qualifying amount, when known.
    public let amount: MoneySum?
    /// The source's code (`value`, `flag`, `tkdn`, `koperasi-name`, `kab-kota`,
    /// `vendors-npwp`, `vendors-code`, `vendors-name`, `unknown`).
    public let decidedBy: String
    /// The columns read, with their cells where the row's text is at hand; for the vendor
    /// list, the entry's key.
    public let evidence: [String]
  }

  public let path: String
  public let line: Int
  /// The row's number in its file, and how many rows start on the same line.
  public let position: Int
  public let rowsOnLine: Int
  /// Whether it comes from the ledger (no row text kept there).
  public let fromLedger: Bool
  /// When the file named is a copy: the file its rows were read in.
  public let readAs: String?
  public let profile: String
  public let dataset: String?
  public let use: FileUse
  public let stage: Stage?
  public let fiscalYear: Int
  /// The record's text as in the file (CSV), and each field by its header's name.
  public let raw: String?
  public let fields: [(name: String, value: String)]
  public let decisions: [Decision]
  public let bucket: Bucket
  public let reason: ReasonCode?
  public let opdCode: String?
  public let opdName: String?
  public let amount: MoneySum?
  /// For an included line.
  public let classification: [Metric: MetricDecision]?
}
