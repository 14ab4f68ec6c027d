/// The meaning of a column, whatever an export calls it.
public enum Field: Int, CaseIterable, Sendable {
  case opdCode
  /// A second OPD code column used when the first is empty (SIRUP/SPSE `kd_satker`).
  case opdCodeFallback
  case opdName
  case stage
  case fiscalYear
  case date
  case lineID
  case rupCode
  case description
  case account
  case mak
  case vendor
  case vendorNPWP
  case vendorRegion
  case amount
  case pdnFlag
  case umkFlag
  case koperasiFlag
  case localFlag
  case pdnValue
  case umkValue
  case tkdn
  case bmp
  case deletedStatus
  case activeStatus
  case announcedStatus
  case legacyAnnouncedStatus
  case completionStatus
  case lineStatus
  case procurementMethod
}
