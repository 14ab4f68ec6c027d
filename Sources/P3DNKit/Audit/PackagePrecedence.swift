/// What the candidate rows of one package add to a file's sums (CONTRACT §7.4), kept for
/// files whose packages another input may also hold, so that the file that loses a package
/// can take exactly those rows out again.
struct PackageLines: Codable, Sendable, Equatable {
  /// Candidate rows and their amount.
  var rows = 0
  var amount = MoneySum.zero
  var parts: [Part] = []

  /// The package's rows of one fiscal year, OPD and stage.
  struct Part: Codable, Sendable, Equatable {
    var year: Int?
    var opd: String
    var stage: Stage
    var sums = StageSums()
    /// Lines by metric and classification source (as ``ClassificationTally``).
    var tally = ClassificationTally()
    var names: [String: Int] = [:]
    var planned: [String: LineTotal] = [:]
    var realized: [String: LineTotal] = [:]
    var realizedWithoutCode = LineTotal()
  }

  /// Adds one candidate row. `codes`: its RUP codes when the file links them (nil: no RUP
  /// column, or no linking).
  mutating func add(
    year: Int?, opd: String, stage: Stage, amount: Money, classification: LineClassification, name: String?,
    codes: [String]?, linking: Bool
  ) {
    rows += 1
    self.amount += amount
    let index: Int
    if let found = parts.firstIndex(where: { $0.year == year && $0.opd == opd && $0.stage == stage }) {
      index = found
    } else {
      parts.append(Part(year: year, opd: opd, stage: stage))
      index = parts.count - 1
    }
    parts[index].sums.add(amount: amount, classification)
    parts[index].tally.count(classification)
    if let name, !name.isEmpty { parts[index].names[name, default: 0] += 1 }
    guard linking else { return }
    guard let codes else {
      if stage == .realization { parts[index].realizedWithoutCode.add(amount) }
      return
    }
    if stage == .plan {
      for code in codes { parts[index].planned[code, default: LineTotal()].add(amount) }
    } else if codes.isEmpty {
      parts[index].realizedWithoutCode.add(amount)
    } else {
      parts[index].realized[codes.joined(separator: ";"), default: LineTotal()].add(amount)
    }
  }
}

/// A swakelola line of a package (excluded under the policy, its amount reported apart).
struct SwakelolaLine: Codable, Sendable, Equatable {
  var year: Int?
  var opd: String
  var stage: Stage
  var amount: MoneySum
}

/// A package counts once across the inputs of its stage (CONTRACT §7.4). When two files
/// hold one key, the file that ranks first counts it and the other's rows of that key are
/// `duplicate`: by the rank of their datasets (results before contracts, records before
/// their lines, package-level RUP before budget lines), then the later as-of, then the
/// later path. Within one dataset the first file's row decides whatever its bucket; across
/// datasets only an included row holds the key.
enum PackagePrecedence {
  static func apply(_ results: inout [FileResult], year: Int) {
    var bySpace: [String: [Int]] = [:]
    for (index, result) in results.enumerated() where result.packageLines != nil {
      if let space = result.keySpace { bySpace[space, default: []].append(index) }
    }
    for (_, members) in bySpace where members.count > 1 {
      let ranked = members.sorted { rankedBefore(results[$0], results[$1]) }
      // Keys held by an included row (any dataset), and by any row (per dataset).
      var included: [String: Int] = [:]
      var held: [String: [String: Int]] = [:]
      for index in ranked {
        let dataset = results[index].dataset ?? ""
        // The packages a file ranked before it counts.
        let lost = (results[index].packageLines ?? [:]).keys.compactMap { key in
          (included[key] ?? held[dataset]?[key]).map { (key, $0) }
        }
        for (key, winner) in lost.sorted(by: { $0.0 < $1.0 }) {
          results[index].setAside(package: key, countedBy: results[winner].path)
        }
        // What this file now holds.
        for (key, lines) in results[index].packageLines ?? [:] where included[key] == nil {
          if lines.parts.contains(where: { $0.year == nil || $0.year == year }) { included[key] = index }
        }
        for key in results[index].heldKeys where held[dataset]?[key] == nil {
          held[dataset, default: [:]][key] = index
        }
      }
      swakelolaOnce(&results, ranked: ranked)
    }
  }

  /// The swakelola lines reported apart count once too: a package's lines in the file
  /// that ranks first (1030 before its budget lines 1033, 1059 before its lines 1060).
  static func swakelolaOnce(_ results: inout [FileResult], ranked: [Int]) {
    var shown: Set<String> = []
    for index in ranked {
      guard let lines = results[index].swakelolaLines else { continue }
      for (key, parts) in lines.sorted(by: { $0.key < $1.key }) where !shown.insert(key).inserted {
        for part in parts {
          guard var extras = results[index].years[part.year]?.opds[part.opd]?.extras else { continue }
          if part.stage == .plan {
            extras.swakelolaPlan.subtract(LineTotal(lines: 1, total: part.amount))
          } else {
            extras.swakelolaRealization.subtract(LineTotal(lines: 1, total: part.amount))
          }
          results[index].years[part.year]?.opds[part.opd]?.extras = extras
        }
        results[index].swakelolaLines?[key] = nil
      }
    }
  }

  /// Whether file `a` counts a package before file `b`.
  static func rankedBefore(_ a: FileResult, _ b: FileResult) -> Bool {
    if a.datasetRank != b.datasetRank { return a.datasetRank < b.datasetRank }
    let (left, right) = (a.asOf ?? "", b.asOf ?? "")
    if left != right { return left > right }
    return Array(b.path.utf8).lexicographicallyPrecedes(Array(a.path.utf8))
  }
}

extension FileResult {
  /// Takes a package's candidate rows out of the sums: they are `duplicate`, set aside as
  /// counted by `winner`.
  mutating func setAside(package key: String, countedBy winner: String) {
    guard let lines = packageLines?.removeValue(forKey: key) else { return }
    lostPackages[key] = winner
    for part in lines.parts {
      candidatesByYear[part.year, default: 0] -= part.sums.lines
      years[part.year]?.remove(part)
    }
    reasons[.duplicate, default: 0] += lines.rows
    setAsideAmounts[.duplicate, default: .zero] += lines.amount
    warnings.countedElsewhere[winner, default: FileWarnings.WordCount()].rows += 1
    warnings.countedElsewhere[winner, default: FileWarnings.WordCount()].amount += lines.amount
  }
}

extension YearSums {
  /// Takes one package's part out of an OPD's sums.
  mutating func remove(_ part: PackageLines.Part) {
    guard var opd = opds[part.opd] else { return }
    if var stage = opd[part.stage] {
      stage.subtract(part.sums)
      opd[part.stage] = stage.lines > 0 ? stage : nil
    }
    for (name, count) in part.names {
      if let seen = opd.names[name] {
        opd.names[name] = seen.count > count ? (seen.count - count, seen.first) : nil
      }
    }
    for (code, total) in part.planned {
      opd.extras.planned[code]?.subtract(total)
      if opd.extras.planned[code]?.lines == 0 { opd.extras.planned[code] = nil }
    }
    for (codes, total) in part.realized {
      opd.extras.realized[codes]?.subtract(total)
      if opd.extras.realized[codes]?.lines == 0 { opd.extras.realized[codes] = nil }
    }
    opd.extras.realizedWithoutCode.subtract(part.realizedWithoutCode)
    opds[part.opd] = opd
    tally.subtract(part.tally)
  }
}
