extension ReadError {
  public func message(_ language: Language) -> String {
    let text = Localizer(language)
    switch self {
    case .cannotOpen(let path, let reason):
      return text.pick(
        "\(path): berkas tidak dapat dibuka (\(reason)). Periksa nama dan izin berkas.",
        "\(path): the file cannot be opened (\(reason)). Check its name and permissions.")
    case .ioFailure(let path, let reason):
      return text.pick(
        "\(path): gagal membaca berkas (\(reason)).", "\(path): reading the file failed (\(reason)).")
    case .utf16(let path):
      return text.pick(
        "\(path): berkas berenkode UTF-16. Simpan ulang sebagai CSV UTF-8 (Excel: \"CSV UTF-8\").",
        "\(path): the file is UTF-16 encoded. Save it again as UTF-8 CSV (Excel: \"CSV UTF-8\").")
    case .unterminatedQuote(let path, let line):
      return text.pick(
        "\(path):\(line): tanda kutip yang dibuka di baris ini tidak pernah ditutup sampai akhir berkas. Perbaiki tanda kutip pada baris itu.",
        "\(path):\(line): a quote opened on this line is never closed before the end of the file. Fix the quotes on that line."
      )
    case .recordTooLong(let path, let line):
      return text.pick(
        "\(path):\(line): satu baris data lebih dari 64 MB; kemungkinan tanda kutip tidak ditutup. Perbaiki tanda kutip pada baris itu.",
        "\(path):\(line): one record is longer than 64 MB, most likely an unclosed quote. Fix the quotes on that line."
      )
    case .badJSON(let path, let line, let column, let detail):
      return text.pick(
        "\(path):\(line):\(column): JSON tidak sah: \(detail.id). Ekspor harus berupa array objek JSON, atau halaman tersimpan yang array `data`-nya berisi objek.",
        "\(path):\(line):\(column): invalid JSON: \(detail.en). An export must be a JSON array of objects, or a saved page whose `data` array holds them."
      )
    case .badXLSX(let path, let detail):
      return text.pick(
        "\(path): berkas XLSX tidak dapat dibaca: \(detail.id). Simpan ulang dari Excel sebagai .xlsx.",
        "\(path): the XLSX file cannot be read: \(detail.en). Save it again from Excel as .xlsx.")
    case .noSuchSheet(let path, let name, let sheets):
      let list = sheets.map { "\"\($0)\"" }.joined(separator: ", ")
      return text.pick(
        "\(path): tidak ada lembar bernama \"\(name)\"; lembar yang ada: \(list). Pilih salah satu dengan --sheet.",
        "\(path): there is no sheet named \"\(name)\"; the sheets are: \(list). Choose one with --sheet.")
    }
  }
}

extension PolicyError {
  public func message(_ language: Language) -> String {
    let text = Localizer(language)
    switch self {
    case .unreadable(let path, let reason):
      return text.pick(
        "\(path): berkas kebijakan tidak dapat dibaca (\(reason)).",
        "\(path): the policy file cannot be read (\(reason)).")
    case .badTOML(let path, let line, let column, let detail):
      return text.pick(
        "\(path):\(line):\(column): TOML tidak sah (pesan pengurai: \(detail)). Bandingkan dengan `p3dn policy show`.",
        "\(path):\(line):\(column): invalid TOML: \(detail). Compare with `p3dn policy show`.")
    case .unknownKey(let path, let key):
      return text.pick(
        "\(path): kunci \"\(key)\" tidak dikenal. Kunci yang sah ada di `p3dn policy show`.",
        "\(path): unknown key \"\(key)\". The valid keys are in `p3dn policy show`.")
    case .missingKey(let path, let key):
      return text.pick(
        "\(path): kunci \"\(key)\" wajib diisi.", "\(path): the key \"\(key)\" is required.")
    case .badValue(let path, let key, let expected):
      return text.pick(
        "\(path): \"\(key)\" harus berisi \(expected.id).", "\(path): \"\(key)\" must be \(expected.en).")
    case .unknownMetric(let path, let rule, let value):
      return text.pick(
        "\(path): aturan \"\(rule)\": metrik \"\(value)\" tidak dikenal; gunakan pdn, umkk atau local.",
        "\(path): rule \"\(rule)\": unknown metric \"\(value)\"; use pdn, umkk or local.")
    case .unknownStage(let path, let rule, let value):
      return text.pick(
        "\(path): aturan \"\(rule)\": tahap \"\(value)\" tidak dikenal; gunakan plan atau realization.",
        "\(path): rule \"\(rule)\": unknown stage \"\(value)\"; use plan or realization.")
    case .unknownSeverity(let path, let rule, let value):
      return text.pick(
        "\(path): aturan \"\(rule)\": severity \"\(value)\" tidak dikenal; gunakan mandatory, target atau info.",
        "\(path): rule \"\(rule)\": unknown severity \"\(value)\"; use mandatory, target or info.")
    case .minimumOutOfRange(let path, let rule, let value):
      return text.pick(
        "\(path): aturan \"\(rule)\": min \(value) di luar 0 sampai 100.",
        "\(path): rule \"\(rule)\": min \(value) is outside 0 to 100.")
    case .minimumRequired(let path, let rule):
      return text.pick(
        "\(path): aturan \"\(rule)\": aturan mandatory atau target memerlukan min; tanpa min gunakan severity = \"info\".",
        "\(path): rule \"\(rule)\": a mandatory or target rule needs a min; without one use severity = \"info\"."
      )
    case .duplicateRule(let path, let rule):
      return text.pick(
        "\(path): id aturan \"\(rule)\" dipakai lebih dari sekali; setiap aturan memerlukan id sendiri.",
        "\(path): the rule id \"\(rule)\" is used more than once; every rule needs its own id.")
    case .noRules(let path):
      return text.pick(
        "\(path): kebijakan tidak memiliki aturan [[rules]].", "\(path): the policy has no [[rules]].")
    }
  }
}

extension AuditError {
  public func message(_ language: Language) -> String {
    let text = Localizer(language)
    switch self {
    case .noInputs:
      return text.pick(
        "tidak ada berkas masukan. Sebutkan berkas atau folder, atau gunakan --plan/--realization.",
        "no input files. Name files or folders, or use --plan/--realization.")
    case .missingFile(let path):
      return text.pick(
        "\(path): berkas atau folder tidak ditemukan.", "\(path): no such file or folder.")
    case .emptyFolder(let path):
      return text.pick(
        "\(path): folder (dan subfoldernya) tidak berisi berkas *.csv, *.json atau *.xlsx.",
        "\(path): the folder (and its subfolders) holds no *.csv, *.json or *.xlsx file.")
    case .folderGivenAsFile(let path):
      return text.pick(
        "\(path): ini folder; --plan dan --realization menerima berkas. Sebutkan berkasnya satu per satu, atau folder tanpa opsi.",
        "\(path): this is a folder; --plan and --realization take files. Name its files one by one, or the folder without an option."
      )
    case .twoStages(let path, let other):
      let same = path == other ? path : "\(path) (= \(other))"
      return text.pick(
        "\(same): berkas yang sama diberikan dengan --plan dan --realization. Pilih satu tahap.",
        "\(same): the same file is given with both --plan and --realization. Choose one stage.")
    case .emptyFile(let path):
      return text.pick(
        "\(path): berkas kosong; tidak ada header maupun baris.",
        "\(path): the file is empty; it has no header and no rows.")
    case .emptyJSONArray(let path):
      return text.pick(
        "\(path): array JSON kosong; tanpa satu objek pun formatnya tidak dapat dikenali dan tidak ada baris untuk diaudit.",
        "\(path): empty JSON array; without a single object its format cannot be recognized and there are no rows to audit."
      )
    case .read(let error):
      return error.message(language)
    case .unknownProfile(let name):
      return text.pick(
        "profil \"\(name)\" tidak dikenal; profil yang ada: \(ProfileRegistry.names.joined(separator: ", ")) (lihat `p3dn profiles`).",
        "unknown profile \"\(name)\"; the profiles are: \(ProfileRegistry.names.joined(separator: ", ")) (see `p3dn profiles`)."
      )
    case .unrecognizedHeader(let path, let firstRecord, let forced) where forced == Profile.vendorList.name:
      let seen = firstRecord.prefix(12).joined(separator: ", ")
      return text.pick(
        "\(path): bukan daftar penyedia: dalam 50 baris pertama tidak ada header dengan kolom identitas (npwp, kd_penyedia, nama_penyedia) dan kolom keterangan (skala_usaha, koperasi, kab_kota); lihat docs/formats.md. Baris pertama: \(seen).",
        "\(path): not a vendor list: none of the first 50 records is a header with an identity column (npwp, kd_penyedia, nama_penyedia) and a fact column (skala_usaha, koperasi, kab_kota); see docs/formats.md. First record: \(seen)."
      )
    case .unrecognizedHeader(let path, let firstRecord, let forced):
      let needs = ProfileRegistry.all.filter { forced == nil || $0.name == forced }.map { profile in
        "\(profile.name): \(profile.amountNames.first ?? "") + \(profile.opdNames.first ?? "")"
      }.joined(separator: "; ")
      let seen = firstRecord.prefix(12).joined(separator: ", ")
      return text.pick(
        "\(path): format tidak dikenali: dalam 50 baris pertama tidak ada header dengan kolom nilai dan kolom kode OPD (\(needs); lihat `p3dn profiles`). Baris pertama: \(seen).",
        "\(path): format not recognized: none of the first 50 records is a header with an amount column and an OPD code column (\(needs); see `p3dn profiles`). First record: \(seen)."
      )
    case .missingColumn(let path, let profile, let line, let missing):
      return text.pick(
        "\(path):\(line): header profil \(profile) tidak memiliki kolom \(missing.joined(separator: " / ")). Tambahkan kolom itu atau pilih profil lain dengan --profile.",
        "\(path):\(line): the \(profile) header has no \(missing.joined(separator: " / ")) column. Add that column or choose another profile with --profile."
      )
    case .unknownFileStage(let path):
      return text.pick(
        "\(path): tahap (rencana atau realisasi) tidak diketahui. Tambahkan kolom `tahap` berisi rencana/realisasi, atau beri berkas dengan --plan \(path) atau --realization \(path).",
        "\(path): the stage (plan or realization) is unknown. Add a `tahap` column holding rencana/realisasi, or pass the file as --plan \(path) or --realization \(path)."
      )
    case .badStageCell(let path, let line, let column, let value):
      return text.pick(
        "\(path):\(line): kolom \(column): tahap \"\(value)\" bukan rencana/plan atau realisasi/realization. Perbaiki sel itu, atau beri berkas dengan --plan/--realization.",
        "\(path):\(line): column \(column): stage \"\(value)\" is not rencana/plan or realisasi/realization. Fix the cell, or pass the file with --plan/--realization."
      )
    case .severalYears(let years, let files):
      let list = years.map { year in
        "\(year) (\((files[year] ?? []).joined(separator: ", ")))"
      }.joined(separator: "; ")
      return text.pick(
        "data berisi beberapa tahun anggaran: \(list). Pilih satu dengan --year, mis. --year \(years.last ?? 0).",
        "the data holds several fiscal years: \(list). Choose one with --year, e.g. --year \(years.last ?? 0)."
      )
    case .noRowsForYear(let year, let years):
      let list = years.map(String.init).joined(separator: ", ")
      return text.pick(
        "tidak ada baris yang disertakan untuk tahun anggaran \(year)"
          + (years.isEmpty ? "." : "; tahun yang memiliki baris: \(list)."),
        "no row of any input is included for fiscal year \(year)"
          + (years.isEmpty ? "." : "; years with included rows: \(list).")
      )
    case .noSuchOPD(let filter, let closest):
      let list = closest.joined(separator: "; ")
      return text.pick(
        "--opd \"\(filter)\" tidak cocok dengan OPD mana pun dalam data"
          + (closest.isEmpty ? "." : "; yang terdekat: \(list)."),
        "--opd \"\(filter)\" matches no OPD of the data" + (closest.isEmpty ? "." : "; the closest: \(list).")
      )
    case .severalOPDs(let filter, let matches):
      let list = matches.joined(separator: "; ")
      return text.pick(
        "--opd \"\(filter)\" cocok dengan \(matches.count) OPD: \(list). Sebutkan kode OPD-nya, atau nama yang lebih lengkap.",
        "--opd \"\(filter)\" matches \(matches.count) OPDs: \(list). Give the OPD's code, or more of its name."
      )
    case .notAnInput(let path, let inputs):
      let list = inputs.prefix(5).joined(separator: ", ") + (inputs.count > 5 ? ", …" : "")
      return text.pick(
        "\(path) bukan salah satu berkas masukan (\(list)); sebutkan berkasnya sebagai masukan atau dengan path yang sama.",
        "\(path) is none of the input files (\(list)); name it as an input, or by the same path."
      )
    case .noRowAtLine(let path, let line, let rows):
      let span =
        rows.map {
          text.pick(
            "; baris data ada di baris \($0.lowerBound) sampai \($0.upperBound)",
            "; its rows are on lines \($0.lowerBound) to \($0.upperBound)")
        } ?? text.pick("; berkas ini tidak memiliki baris data", "; the file has no rows")
      return text.pick(
        "\(path):\(line): tidak ada baris data yang dimulai di baris ini (header, baris kosong, atau di luar berkas)\(span).",
        "\(path):\(line): no row starts on this line (the header, a blank line, or beyond the file)\(span)."
      )
    case .noYear(let files):
      let list = files.joined(separator: ", ")
      return text.pick(
        "\(list): tidak ada baris yang dapat dipakai dengan tahun anggaran (kolom tahun_anggaran/tahun atau tanggal). Sebutkan tahunnya dengan --year.",
        "\(list): no usable row carries a fiscal year (a tahun_anggaran/tahun or date column). Give the year with --year."
      )
    case .policy(let error):
      return error.message(language)
    case .mapping(let error):
      return Self.mappingMessage(error, text)
    case .mappedColumnsMissing(let path, let mapping, let amount, let opd, let firstRecord):
      let seen = firstRecord.prefix(12).joined(separator: ", ")
      let wanted = "\(opd.joined(separator: " / ")) + \(amount.joined(separator: " / "))"
      return text.pick(
        "\(path): header tidak memuat kolom pemetaan \"\(mapping)\" (\(wanted)) dalam 50 baris pertama, dan tidak ada profil bawaan yang cocok. Periksa nama kolom di berkas --map. Baris pertama: \(seen).",
        "\(path): no header within the first 50 records holds the columns of the mapping \"\(mapping)\" (\(wanted)), and no built-in profile fits. Check the column names in the --map file. First record: \(seen)."
      )
    case .noBudgetInput(let files):
      return text.pick(
        "\(files.joined(separator: ", ")): --denominator budget memerlukan berkas struktur anggaran (ISB 1084, profil struktur-anggaran, kolom belanja_pengadaan). Tambahkan berkas itu, atau gunakan --denominator rup.",
        "\(files.joined(separator: ", ")): --denominator budget needs a budget structure file (ISB 1084, profile struktur-anggaran, column belanja_pengadaan). Add that file, or use --denominator rup."
      )
    }
  }

  /// A `--map` problem: the policy reader's findings, in the words of a mapping file.
  private static func mappingMessage(_ error: PolicyError, _ text: Localizer) -> String {
    let keys = MappingLoader.fieldKeys.map(\.key).joined(separator: ", ")
    switch error {
    case .unreadable(let path, let reason):
      return text.pick(
        "\(path): berkas pemetaan kolom tidak dapat dibaca (\(reason)).",
        "\(path): the column mapping file cannot be read (\(reason)).")
    case .badTOML(let path, let line, let column, let detail):
      return text.pick(
        "\(path):\(line):\(column): TOML tidak sah (pesan pengurai: \(detail)). Contoh ada di docs/formats.md.",
        "\(path):\(line):\(column): invalid TOML: \(detail). An example is in docs/formats.md.")
    case .unknownKey(let path, let key):
      return text.pick(
        "\(path): kunci \"\(key)\" tidak dikenal. Kunci yang sah: name, stage, zero_is_no_value, [columns] (\(keys)), [words] (yes, no).",
        "\(path): unknown key \"\(key)\". The valid keys: name, stage, zero_is_no_value, [columns] (\(keys)), [words] (yes, no)."
      )
    case .missingKey(let path, let key):
      return text.pick(
        "\(path): kunci \"\(key)\" wajib diisi (nama kolom di header lembar kerja).",
        "\(path): the key \"\(key)\" is required (a column name of the sheet's header).")
    case .badValue(let path, let key, let expected):
      return text.pick(
        "\(path): \"\(key)\" harus berisi \(expected.id).", "\(path): \"\(key)\" must be \(expected.en).")
    default:
      return error.message(text.language)
    }
  }
}
