/// Every profile, in detection order: the first whose columns a header holds wins.
public enum ProfileRegistry {
  public static let all: [Profile] =
    Profile.nonSpendingProfiles + [
      .spseEkontrak, .spseSelesai, .pencatatanNonTender, .pencatatanNonTenderRealisasi, .pencatatanSwakelola,
      .pencatatanSwakelolaRealisasi, .ekatalogV6, .ekatalogV6Inaproc, .ekatalogV5, .tokoDaring,
      .strukturAnggaran,
      .sirupSwakelola, .sirupPenyedia, .sipdRealisasi, .canonical,
    ]

  public static func named(_ name: String) -> Profile? {
    all.first { $0.name == name.lowercased() }
  }

  public static var names: [String] { all.map(\.name) }
}
