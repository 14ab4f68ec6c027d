/// Spending a file lists more than once (CONTRACT §7.1, §7.5, FORMATS 1058): a row
/// identical to an earlier row in every cell but `last_update_ref` is `duplicate`; in a
/// contract file, a row of an earlier version of its package is `superseded`; in 1058, a
/// payment listed again under another RUP code of its package is `duplicate`.
struct CopyStage {
  /// The column left out of a row's identity (`last_update_ref`, an opaque token that
  /// changes with every pull), or -1.
  let skippedColumn: Int
  /// The identities of the file's rows (two readings when a row may repeat another).
  private let identities: RowIdentities
  /// Contract versions: the package key and version columns, and each package's highest
  /// version (from a first pass over the file).
  let versionKeyIndex: Int
  let versionIndex: Int
  let highestVersions: [String: Int]
  /// Payments (profile `paymentKey`) → how often each RUP code listed them.
  let paymentColumns: [Int]
  let rupIndex: Int
  private var payments: [String: [String: Int]] = [:]

  init(
    profile: Profile, header: HeaderNames, columns: BoundColumns, highestVersions: [String: Int],
    identities: RowIdentities
  ) {
    self.identities = identities
    skippedColumn = header.index(ofAny: ["last_update_ref"]) ?? -1
    let versions = ContractVersions.columns(profile: profile, header: header)
    versionKeyIndex = versions?.key ?? -1
    versionIndex = versions?.version ?? -1
    self.highestVersions = highestVersions
    paymentColumns = profile.paymentKey.compactMap { header.index(ofAny: [$0]) }
    rupIndex = columns.raw(.rupCode)
  }

  /// Whether the row belongs to an earlier version of its contract than the highest.
  @_transparent
  func isEarlierVersion<S: RecordSource>(_ source: S) -> Bool {
    guard versionIndex >= 0 else { return false }
    let key = source.text(versionKeyIndex)
    guard let highest = highestVersions[key] else { return false }
    return ContractVersions.version(source.cell(versionIndex)) < highest
  }

  /// Whether the row repeats an earlier row of the file in every cell (but the skipped
  /// one). In a first reading the answer is no, and the row's key is noted (here rather
  /// than in ``RowIdentities``, so that the row loop inlines it).
  @_transparent
  func repeatsEarlierRow<S: RecordSource>(_ source: S) -> Bool {
    let print = RowFingerprint.of(source, skipping: skippedColumn)
    guard identities.comparesFully else {
      if !identities.seen.insert(print.high) { _ = identities.repeated.insert(print.high) }
      return false
    }
    return identities.repeats(print)
  }

  /// Whether the row's payment was already listed under another RUP code of its package
  /// as often: the k-th row of a payment under one code is a copy when another code
  /// listed it k times or more.
  @_transparent
  mutating func repeatsPayment<S: RecordSource>(_ source: S) -> Bool {
    guard !paymentColumns.isEmpty else { return false }
    let key = paymentColumns.map { source.text($0) }.joined(separator: "\u{1F}")
    let rupText = rupIndex >= 0 ? source.text(rupIndex) : ""
    var listed = payments[key] ?? [:]
    let occurrence = (listed[rupText] ?? 0) + 1
    let elsewhere = listed.filter { $0.key != rupText }.values.max() ?? 0
    listed[rupText] = occurrence
    payments[key] = listed
    return occurrence <= elsewhere
  }
}

/// Contract versions (CONTRACT §7.5): a package's rows in an e-kontrak file, one per
/// addendum version; only the highest counts.
enum ContractVersions {
  /// The package key and version columns of a profile with versions, in this header.
  static func columns(profile: Profile, header: HeaderNames) -> (key: Int, version: Int)? {
    guard let name = profile.versionColumn, let version = header.index(ofAny: [name]),
      let keyName = profile.dataset(for: header)?.packageKey, let key = header.index(ofAny: [keyName])
    else { return nil }
    return (key, version)
  }

  /// A version cell: its whole number; an empty or unreadable cell is -1 (below version 0:
  /// a row with no contract yet gives way to any contract of its package).
  static func version(_ cell: UnsafeBufferPointer<UInt8>) -> Int {
    let trimmed = ByteText.trimmed(cell)
    guard !trimmed.isEmpty, trimmed.count <= 9 else { return -1 }
    var value = 0
    for byte in trimmed {
      // `2.0` from a spreadsheet is version 2.
      if byte == UInt8(ascii: ".") { break }
      guard byte >= 0x30 && byte <= 0x39 else { return -1 }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  /// Each package's highest version in a file (a first pass over its rows).
  static func highest<S: RecordSource>(in source: S, key: Int, version: Int) throws(AuditError) -> [String:
    Int]
  {
    var highest: [String: Int] = [:]
    while try source.nextRow() {
      let package = source.text(key)
      let value = Self.version(source.cell(version))
      if highest[package].map({ value > $0 }) ?? true { highest[package] = value }
    }
    return highest
  }
}

/// A row's identity: 128 bits hashed from its bytes (a CSV record as one span; else its
/// trimmed cells), so that two different rows are taken for one with a chance far below
/// one in 10^20 for a file of millions of rows.
struct RowFingerprint: Hashable {
  let high: UInt64
  let low: UInt64

  @inline(__always)
  static func of<S: RecordSource>(_ source: S, skipping skipped: Int) -> RowFingerprint {
    var hasher = Hasher128()
    if skipped < 0, let span = source.recordBytes {
      hasher.add(span)
    } else {
      for index in 0..<source.fieldCount where index != skipped {
        hasher.add(ByteText.trimmed(source.cell(index)))
      }
    }
    return hasher.finish()
  }

  /// Two 64-bit lanes over the bytes, eight at a time, each byte count mixed in.
  struct Hasher128 {
    var first: UInt64 = 0x9E37_79B9_7F4A_7C15
    var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always)
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
      first = (first ^ UInt64(truncatingIfNeeded: bytes.count)) &* 0xFF51_AFD7_ED55_8CCD
      guard let base = bytes.baseAddress else { return }
      let raw = UnsafeRawPointer(base)
      var offset = 0
      // Sixteen bytes a step: one multiply per lane.
      while offset + 16 <= bytes.count {
        let a = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        let b = raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
        first = ((first ^ a) &* 0xFF51_AFD7_ED55_8CCD).rotateLeft(29)
        second = ((second ^ b) &* 0xC4CE_B9FE_1A85_EC53).rotateLeft(31)
        offset += 16
      }
      var tail: (UInt64, UInt64) = (0, 0)
      if offset < bytes.count && bytes.count >= 16 {
        // The last sixteen bytes, overlapping the ones already taken.
        tail.0 = raw.loadUnaligned(fromByteOffset: bytes.count - 16, as: UInt64.self)
        tail.1 = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
      } else {
        var shift: UInt64 = 0
        while offset < bytes.count {
          let byte = UInt64(bytes[offset])
          if shift < 64 { tail.0 |= byte << shift } else { tail.1 |= byte << (shift - 64) }
          shift += 8
          offset += 1
        }
      }
      first = ((first ^ tail.0) &* 0xFF51_AFD7_ED55_8CCD).rotateLeft(29)
      second = ((second ^ tail.1 ^ UInt64(truncatingIfNeeded: bytes.count)) &* 0xC4CE_B9FE_1A85_EC53)
        .rotateLeft(31)
    }

    /// Each half from both lanes.
    @inline(__always)
    func finish() -> RowFingerprint {
      var high = first ^ (second &* 0x9E37_79B9_7F4A_7C15)
      high ^= high >> 31
      high = high &* 0xD6E8_FEB8_6659_FD93
      high ^= high >> 32
      var low = second ^ (first &* 0xD6E8_FEB8_6659_FD93)
      low ^= low >> 33
      low = low &* 0x9E37_79B9_7F4A_7C15
      low ^= low >> 29
      return RowFingerprint(high: high, low: low)
    }
  }
}

extension UInt64 {
  @inline(__always)
  fileprivate func rotateLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}

/// The identities of a file's rows (CONTRACT §7.1), in memory that stays small: a first
/// reading keeps 64 bits of each candidate row's identity and notes the keys seen twice;
/// only when there are some is the file read again, comparing the full 128 bits of the rows
/// that carry those keys. A row that repeats another always repeats its key, so the second
/// reading finds every copy, and a key shared by two different rows costs a reading, never
/// a row.
final class RowIdentities: @unchecked Sendable {
  /// First reading: the keys seen, and those seen more than once.
  let seen = KeySet()
  let repeated = KeySet()
  /// The keys to check in a second reading, and the full identities of their rows.
  let check: KeySet?
  private var exact = Set<RowFingerprint>()
  /// One reading that compares every row's full identity (a file whose rows go to a sink
  /// as they are read, which must not be read twice).
  let comparesAll: Bool

  init(check: KeySet? = nil, comparesAll: Bool = false) {
    self.check = check
    self.comparesAll = comparesAll
  }

  /// Whether rows are compared by their full identities (a second reading, or one reading
  /// for a sink); else this is a first reading, which notes keys.
  var comparesFully: Bool { comparesAll || check != nil }

  /// Whether the row repeats an earlier one, by its full identity: every row's, or in a
  /// second reading those with a repeated key.
  func repeats(_ print: RowFingerprint) -> Bool {
    if let check, !comparesAll, !check.contains(print.high) { return false }
    return !exact.insert(print).inserted
  }
}

/// A set of 64-bit keys in an open-addressing table of one flat buffer. One thread uses it
/// at a time (a chunk's reader, then the merger under its lock).
final class KeySet: @unchecked Sendable {
  private var keys: UnsafeMutablePointer<UInt64>
  private var mask = 63
  private(set) var count = 0

  init() {
    keys = .allocate(capacity: 64)
    keys.initialize(repeating: 0, count: 64)
  }

  deinit { keys.deallocate() }

  var isEmpty: Bool { count == 0 }

  /// 0 marks an empty slot: the key 0 is stored as 1.
  @inline(__always)
  private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

  /// Adds a key; false when it was there already.
  @inline(__always)
  func insert(_ key: UInt64) -> Bool {
    let key = Self.stored(key)
    var index = Int(truncatingIfNeeded: key >> 7) & mask
    while keys[index] != 0 {
      if keys[index] == key { return false }
      index = (index + 1) & mask
    }
    keys[index] = key
    count += 1
    if 4 * count > 3 * (mask + 1) { grow() }
    return true
  }

  @inline(__always)
  func contains(_ key: UInt64) -> Bool {
    let key = Self.stored(key)
    var index = Int(truncatingIfNeeded: key >> 7) & mask
    while keys[index] != 0 {
      if keys[index] == key { return true }
      index = (index + 1) & mask
    }
    return false
  }

  /// Adds every key of `other`; the ones already here are added to `repeated` too.
  func formUnion(_ other: KeySet, notingRepeatsIn repeated: KeySet? = nil) {
    for position in 0...other.mask where other.keys[position] != 0 {
      if !insert(other.keys[position]) { _ = repeated?.insert(other.keys[position]) }
    }
  }

  private func grow() {
    let old = (keys, mask + 1)
    let size = 2 * old.1
    keys = .allocate(capacity: size)
    keys.initialize(repeating: 0, count: size)
    mask = size - 1
    for position in 0..<old.1 where old.0[position] != 0 {
      var index = Int(truncatingIfNeeded: old.0[position] >> 7) & mask
      while keys[index] != 0 { index = (index + 1) & mask }
      keys[index] = old.0[position]
    }
    old.0.deallocate()
  }
}
