/// Reads a vendor list file (CSV, JSON or XLSX) into a ``VendorList``.
public enum VendorListLoader {
  public static func load(path: String, bufferSize: Int = 1 << 20) throws(AuditError) -> VendorList {
    let opened = try InputOpener.open(path: path, forcedProfile: .vendorList, bufferSize: bufferSize)
    let header = opened.header
    // Every column of a kind (an export may carry a 15- and a 16-digit NPWP, or codes of
    // several systems); the first non-empty cell of a kind is used.
    func columns(_ names: [String]) -> [Int] {
      let wanted = Set(names.map(HeaderNames.normalize))
      return header.original.indices.filter { wanted.contains(HeaderNames.normalize(header.original[$0])) }
    }
    let npwpColumns = columns(VendorListColumns.npwp)
    let codeColumns = columns(VendorListColumns.codes)
    let nameColumn = header.index(ofAny: VendorListColumns.names)
    let scaleColumn = header.index(ofAny: VendorListColumns.scale)
    let koperasiColumn = header.index(ofAny: VendorListColumns.koperasi)
    let regionColumn = header.index(ofAny: VendorListColumns.region)

    var list = VendorList(path: path, sha256: "", profile: opened.profile.name)
    func read<S: RecordSource>(_ source: S) throws(AuditError) {
      while try source.nextRow() {
        list.rows += 1
        let npwp = npwpColumns.lazy.map { source.text($0) }.first { VendorList.npwpKey($0) != nil }
        let codes = codeColumns.map { source.text($0) }.filter { !$0.isEmpty }
        let name = nameColumn.map { source.text($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let entry = Self.entry(
          scale: scaleColumn.map { source.text($0) } ?? "",
          koperasi: koperasiColumn.map { source.text($0) } ?? "",
          region: regionColumn.map { source.text($0) } ?? "")
        let hasFact = entry.umk == .yes || entry.umk == .no || entry.koperasi != nil || entry.region != nil
        guard hasFact, npwp != nil || !codes.isEmpty || name != nil else {
          list.unusable += 1
          continue
        }
        list.add(entry, npwp: npwp, codes: codes, name: name)
      }
    }
    if let csv = opened.csv {
      try read(csv)
    } else if let json = opened.json {
      try read(json)
    } else if let sheet = opened.sheet {
      try read(sheet)
    }
    return list.withChecksum(opened.sha256)
  }

  /// What a row's scale, koperasi and kab/kota cells say.
  static func entry(scale: String, koperasi: String, region: String) -> VendorEntry {
    var umk = FlagWords.read(scale, kind: .umk)
    var isKoperasi: Bool? = nil
    switch FlagWords.read(koperasi, kind: .generic) {
    case .yes: isKoperasi = true
    case .no: isKoperasi = false
    case .empty, .unrecognized: break
    }
    // A scale cell that says `Koperasi` makes the vendor one, whatever its size.
    if FlagWords.normalize(scale).contains("koperasi") {
      isKoperasi = true
      if umk == .unrecognized { umk = .empty }
    }
    let missing = AmountParser.isMissingWord(region)
    return VendorEntry(umk: umk, koperasi: isKoperasi, region: missing ? nil : region.trimmingWhitespace())
  }
}
