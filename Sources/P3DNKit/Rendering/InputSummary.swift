/// The per-file counts, warnings and rejected rows shared by the table and markdown
/// reports.
struct InputSummary {
  let language: Language

  func lines(_ report: AuditReport, rejectedShown: Int, markdown: Bool = false) -> [String] {
    let text = Localizer(language)
    var lines: [String] = ["", (markdown ? "### " : "") + text.pick("Berkas masukan", "Input files")]
    let bullet = markdown ? "- " : "  "
    let sub = markdown ? "  - " : "    "
    for input in report.inputs {
      let stages = input.stages.map { text.stage($0).lowercased() }.joined(separator: "+")
      let path = markdown ? "`\(input.path)`" : input.path
      // What the file is: its stage for spending, else its use.
      let what = input.use == .spending ? (stages.isEmpty ? "-" : stages) : text.use(input.use)
      let asOf = input.asOf.map { text.pick(", per \($0)", ", as of \($0)") } ?? ""
      lines.append(
        bullet
          + text.pick(
            "\(path) (profil \(input.profile), \(what), \(input.format)\(asOf)): \(input.rows) baris = \(input.included) disertakan + \(input.excluded) dikecualikan + \(input.rejected) ditolak",
            "\(path) (profile \(input.profile), \(what), \(input.format)\(asOf)): \(input.rows) rows = \(input.included) included + \(input.excluded) excluded + \(input.rejected) rejected"
          ))
      if !input.excludedByReason.isEmpty {
        lines.append(
          sub + text.pick("dikecualikan: ", "excluded: ")
            + input.excludedByReason.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
      }
      if !input.rejectedByReason.isEmpty {
        lines.append(
          sub + text.pick("ditolak: ", "rejected: ")
            + input.rejectedByReason.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
      }
      for warning in text.inputWarnings(input) {
        lines.append(sub + text.pick("peringatan: ", "warning: ") + warning.message)
      }
      // With a vendor list, which source decided UMK-K and local matters to the reader.
      if report.vendors != nil {
        for metric in [Metric.umkk, .local] {
          let counts = input.classifiedBy.counts(metric)
          if counts.isEmpty { continue }
          lines.append(
            sub + text.pick("\(text.metric(metric)) ditentukan oleh: ", "\(text.metric(metric)) decided by: ")
              + counts.map { "\(text.source($0.0)) \($0.1)" }.joined(separator: ", "))
        }
      }
    }
    if let list = report.vendors {
      let path = markdown ? "`\(list.path)`" : list.path
      lines.append(
        bullet
          + text.pick(
            "\(path) (daftar penyedia): \(list.rows) baris = \(list.entries) penyedia terbaca + \(list.unusable) tanpa identitas atau keterangan; \(list.conflicts) NPWP/kode dengan keterangan yang bertentangan (baris pertama dipakai)",
            "\(path) (vendor list): \(list.rows) rows = \(list.entries) vendors read + \(list.unusable) without an identity or a fact; \(list.conflicts) NPWPs/codes with conflicting facts (the first row wins)"
          ))
    }
    let total = report.rejected.count + report.rejectedOmitted
    if total > 0 {
      let shown = min(rejectedShown, report.rejected.count)
      lines.append("")
      lines.append(
        (markdown ? "### " : "")
          + text.pick(
            "Baris ditolak (\(shown) dari \(total) ditampilkan; semua ada di --format json)",
            "Rejected rows (\(shown) of \(total) shown; all are in --format json)"))
      for row in report.rejected.prefix(shown) {
        let column = row.column.map { text.pick(", kolom \($0)", ", column \($0)") } ?? ""
        let place = "\(row.path):\(row.line)\(column)"
        lines.append(
          bullet + (markdown ? "`\(place)`" : place) + ": \(row.code.rawValue): "
            + row.message.text(language))
      }
    }
    return lines
  }
}
