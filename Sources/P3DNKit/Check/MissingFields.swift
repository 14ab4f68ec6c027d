/// For a line whose metric is unknown: the columns of its file that could have decided it
/// (CONTRACT §4.2) — empty or not recognized on that line — or none, when the file has no
/// such column (then only a vendor list can tell, for UMK-K and local).
struct MissingFields {
  private var byFile: [[Metric: [String]]]

  /// The fields read for each metric, in the order §4.2 tries them.
  static let fields: [Metric: [Field]] = [
    .pdn: [.pdnValue, .pdnFlag, .tkdn, .bmp],
    .umkk: [.umkValue, .umkFlag, .koperasiFlag],
    .local: [.localFlag, .vendorRegion],
  ]

  init(settlement: Settlement, mapped: Profile?) {
    byFile = settlement.files.map { file in
      guard let profile = Self.profile(named: file.profile, mapped: mapped) else { return [:] }
      return Self.columns(profile: profile, header: HeaderNames(file.header))
    }
  }

  func columns(for metric: Metric, file: Int) -> [String] {
    file < byFile.count ? byFile[file][metric] ?? [] : []
  }

  static func profile(named name: String, mapped: Profile?) -> Profile? {
    if let mapped, mapped.name == name { return mapped }
    return ProfileRegistry.named(name)
  }

  /// Per metric, the names of the profile's columns the header holds (as the profile
  /// names them).
  static func columns(profile: Profile, header: HeaderNames) -> [Metric: [String]] {
    let bound = BoundColumns(profile: profile, header: header)
    var found: [Metric: [String]] = [:]
    for (metric, fields) in Self.fields {
      found[metric] = fields.compactMap { field -> String? in
        guard let index = bound[field], let spec = profile.spec(for: field) else { return nil }
        let name = header.original[index]
        return spec.names.first { HeaderNames.normalize($0) == HeaderNames.normalize(name) } ?? name
      }
    }
    return found
  }
}
