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

  /// The profile of a file whose columns fit two datasets: ISB's RUP budget lines of
  /// provider packages (1028) and of swakelola packages (1033) have the same columns (the
  /// INAPROC shapes carry `id_paket_anggaran_penyedia` / `_swakelola`); the file's name
  /// tells them apart (`swakelola` or `1033` in it: 1033), else it is read as 1028.
  static func refined(_ profile: Profile, _ header: HeaderNames, path: String, forced: Profile?) -> Profile {
    guard forced == nil, profile.name == Profile.sirupPenyedia.name,
      profile.dataset(for: header)?.marker == "kd_komponen"
    else { return profile }
    let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
    return name.contains("swakelola") || name.contains("1033") ? .sirupSwakelola : profile
  }
}
