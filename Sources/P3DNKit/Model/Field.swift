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
  /// The vendor's code in an LKPP system (SIKaP, e-Katalog), for the vendor list.
  case vendorCode
  /// A second vendor code column, used on rows whose first one is empty or `0`.
  case vendorCodeFallback
  case vendorRegion
  case amount
  /// An amount taken off the line's amount (SIPD `Nilai Setoran`: money paid back).
  case reduction
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
  /// An order or package status whose words mark a cancelled or failed line.
  case cancellationStatus
  /// A second status column, read where the first is empty (e-Katalog v5
  /// `paket_status_str` after `status_paket`).
  case secondaryStatus
}
