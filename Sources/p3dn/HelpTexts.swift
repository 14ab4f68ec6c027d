import ArgumentParser

/// The end of each command's `--help`: examples that run from the repository root on the
/// demo data, and what each exit status means for that command, in the language of
/// `--lang` / `P3DN_LANG`. `P3DN.main()` adds them after the argument parser's help.
enum HelpTexts {
  /// One example: what it does, then the command line.
  struct Example {
    let id: String
    let en: String
    let command: String
  }

  /// What one exit status means.
  struct Status {
    let code: Int
    let id: String
    let en: String
  }

  /// The help of `command` as `--help` prints it, with its examples and exit statuses.
  static func help(for command: ParsableCommand.Type) -> String {
    let help = P3DN.helpMessage(for: command)
    guard let epilogue = epilogue(for: command) else { return help }
    return trimmed(help) + "\n\n" + epilogue
  }

  /// `message`, with the examples and exit statuses of the command whose help it is.
  static func completed(_ message: String) -> String {
    for command in allCommands() where P3DN.helpMessage(for: command) == message {
      return help(for: command)
    }
    return message
  }

  /// Every command of the tree, the root first.
  static func allCommands(from root: ParsableCommand.Type = P3DN.self) -> [ParsableCommand.Type] {
    [root] + root.configuration.subcommands.flatMap { allCommands(from: $0) }
  }

  static func epilogue(for command: ParsableCommand.Type) -> String? {
    switch ObjectIdentifier(command) {
    case ObjectIdentifier(P3DN.self): return root
    case ObjectIdentifier(AuditCommand.self): return audit
    case ObjectIdentifier(CheckCommand.self): return check
    case ObjectIdentifier(ExplainCommand.self): return explain
    case ObjectIdentifier(ValidateCommand.self): return validate
    case ObjectIdentifier(ProfilesCommand.self): return profiles
    case ObjectIdentifier(PolicyCommand.self): return policy
    case ObjectIdentifier(PolicyCommand.Show.self): return policyShow
    case ObjectIdentifier(PolicyCommand.Check.self): return policyCheck
    case ObjectIdentifier(IngestCommand.self): return ingest
    case ObjectIdentifier(ReportCommand.self): return report
    case ObjectIdentifier(TrendCommand.self): return trend
    case ObjectIdentifier(SourcesCommand.self): return sources
    case ObjectIdentifier(ForgetCommand.self): return forget
    case ObjectIdentifier(DatabaseCommand.self): return database
    case ObjectIdentifier(DatabaseCommand.CheckCommand.self): return databaseCheck
    default: return nil
    }
  }

  // MARK: - The commands

  static var root: String {
    text(
      examples: [
        Example(
          id: "Audit kabupaten atas data demo:", en: "The district's audit of the demo data:",
          command: "p3dn audit Fixtures/kukar-2022 --year 2022"),
        Example(
          id: "Satu OPD: status tiap aturan dan baris yang perlu diperbaiki:",
          en: "One OPD: each rule's status and the lines to fix:",
          command: "p3dn check Fixtures/kukar-2022 --year 2022 --opd 1.02.0.00.0.00.02"),
        Example(
          id: "Temuan pada masukan, untuk CI (lihat docs/ci.md):",
          en: "Findings on the inputs, for CI (see docs/ci.md):",
          command: "p3dn validate Fixtures/kukar-2022 --year 2022 --format markdown"),
      ],
      statuses: [
        Status(code: 0, id: "perintah selesai.", en: "the command ran."),
        Status(
          code: 1,
          id:
            "gerbang perintah menghentikannya: --fail-on (audit, check, report), temuan (validate), masalah buku besar (db check).",
          en:
            "the command's gate stopped it: --fail-on (audit, check, report), findings (validate), a ledger problem (db check)."
        ),
        Status(
          code: 2,
          id:
            "kesalahan penggunaan (juga p3dn tanpa perintah), atau masukan, kebijakan atau buku besar yang tidak dapat dibaca; pesan di stderr.",
          en:
            "a usage error (p3dn without a command too), or an input, policy or ledger that cannot be read; the message on stderr."
        ),
      ])
  }

  static var audit: String {
    text(
      examples: [
        Example(
          id: "Audit kabupaten atas data demo:", en: "The district's audit of the demo data:",
          command: "p3dn audit Fixtures/kukar-2022 --year 2022"),
        Example(
          id: "Satu OPD, sebagai Markdown untuk ringkasan job CI:",
          en: "One OPD, as Markdown for a CI job summary:",
          command: "p3dn audit Fixtures/kukar-2022 --year 2022 --opd \"Dinas Kesehatan\" --format markdown"),
        Example(
          id: "Gerbang CI: status 1 bila aturan wajib gagal; laporan JSON ke berkas:",
          en: "A CI gate: status 1 when a mandatory rule fails; the JSON report to a file:",
          command:
            "p3dn audit Fixtures/kukar-2022 --year 2022 --fail-on breach --format json --output audit.json"),
      ],
      statuses: [
        Status(
          code: 0, id: "laporan ditulis (dan --fail-on tidak menghentikannya).",
          en: "the report was written (and --fail-on did not stop it)."),
        Status(
          code: 1,
          id:
            "--fail-on breach: aturan wajib gagal untuk kabupaten atau OPD yang dilaporkan (undetermined: juga yang belum pasti); laporan tetap ditulis, pemeriksaannya di stderr.",
          en:
            "--fail-on breach: a mandatory rule failed for the district or a reported OPD (undetermined: also one left undetermined); the report is still written, those checks on stderr."
        ),
        Status(
          code: 2,
          id:
            "kesalahan penggunaan, atau masukan, kebijakan atau berkas keluaran yang tidak dapat dibaca atau ditulis; stdout kosong, pesan di stderr menyebut berkas, baris dan kolom.",
          en:
            "a usage error, or an input, policy or output file that cannot be read or written; nothing on stdout, the message on stderr names the file, line and column."
        ),
      ])
  }

  static var check: String {
    text(
      examples: [
        Example(
          id: "Satu OPD dari berkas: tiap aturan, kekurangannya, baris yang perlu diperbaiki:",
          en: "One OPD from the files: each rule, its gap, the lines to fix:",
          command: "p3dn check Fixtures/kukar-2022 --year 2022 --opd 1.02.0.00.0.00.02"),
        Example(
          id: "OPD yang sama dari buku besar (setelah p3dn ingest), Markdown, status 1 bila gagal:",
          en: "The same OPD from the ledger (after p3dn ingest), Markdown, status 1 on a breach:",
          command:
            "p3dn check --opd \"Dinas Kesehatan\" --year 2022 --db kukar.sqlite --format markdown --fail-on breach"
        ),
      ],
      statuses: [
        Status(
          code: 0, id: "pemeriksaan ditulis (dan --fail-on tidak menghentikannya).",
          en: "the check was written (and --fail-on did not stop it)."),
        Status(
          code: 1,
          id:
            "--fail-on breach: aturan wajib gagal untuk OPD ini (undetermined: juga yang belum pasti); pemeriksaan tetap ditulis.",
          en:
            "--fail-on breach: a mandatory rule failed for this OPD (undetermined: also one left undetermined); the check is still written."
        ),
        Status(
          code: 2,
          id:
            "kesalahan penggunaan; --opd tidak cocok dengan satu OPD pun, atau cocok dengan beberapa (pesannya mendaftarnya); masukan, kebijakan atau buku besar yang tidak dapat dibaca.",
          en:
            "a usage error; --opd matches no OPD, or several (the message lists them); an input, policy or ledger that cannot be read."
        ),
      ])
  }

  static var explain: String {
    text(
      examples: [
        Example(
          id: "Mengapa baris tender ini dihitung begitu, dibaca bersama isi foldernya:",
          en: "Why a tender line counts as it does, read with the rest of its folder:",
          command: "p3dn explain Fixtures/kukar-2022/spse-tender-2022.csv:27 Fixtures/kukar-2022 --year 2022"),
        Example(
          id: "Mengapa sebuah baris ditolak, sebagai JSON:", en: "Why a row was rejected, as JSON:",
          command:
            "p3dn explain --line 13 Fixtures/kukar-2022/bendahara-dinkes-2022.csv --year 2022 --format json"),
        Example(
          id: "Baris yang sama dari buku besar, seperti saat dimasukkan:",
          en: "The same row from the ledger, as it was ingested:",
          command: "p3dn explain Fixtures/kukar-2022/spse-tender-2022.csv:27 --year 2022 --db kukar.sqlite"),
      ],
      statuses: [
        Status(
          code: 0, id: "baris dijelaskan (explain tidak pernah keluar 1).",
          en: "the row was explained (explain never exits 1)."),
        Status(
          code: 2,
          id:
            "kesalahan penggunaan; tidak ada baris yang dimulai pada baris itu; berkasnya bukan masukan atau tidak ada di buku besar; masukan, kebijakan atau buku besar yang tidak dapat dibaca.",
          en:
            "a usage error; no row starts on that line; the file is not an input, or not in the ledger; an input, policy or ledger that cannot be read."
        ),
      ])
  }

  /// `p3dn validate`'s examples and exit statuses.
  static var validate: String {
    text(
      examples: [
        Example(
          id: "Setiap temuan pada data demo, satu per baris:",
          en: "Every finding on the demo data, one a line:",
          command: "p3dn validate Fixtures/kukar-2022 --year 2022"),
        Example(
          id: "Untuk code scanning GitHub: SARIF, dan aturan wajib yang gagal sebagai temuan:",
          en: "For GitHub code scanning: SARIF, with the mandatory rules that fail as findings:",
          command:
            "p3dn validate Fixtures/kukar-2022 --year 2022 --fail-on breach --format sarif --output p3dn.sarif"
        ),
        Example(
          id: "Anotasi pada pull request; peringatan juga membuatnya gagal:",
          en: "Annotations on a pull request; warnings fail it too:",
          command: "p3dn validate Fixtures/kukar-2022/spse-nontender-2022.csv --werror --format github"),
      ],
      statuses: [
        Status(
          code: 0, id: "masukan sah: tidak ada kesalahan (dengan --werror, tidak ada peringatan juga).",
          en: "the inputs are valid: no error (with --werror, no warning either)."),
        Status(
          code: 1,
          id:
            "masukan tidak sah: ada kesalahan (berkas yang tidak dapat dibaca atau dikenali, baris yang ditolak, dengan --fail-on aturan wajib yang gagal atau belum pasti), atau dengan --werror ada peringatan; temuan tetap ditulis, ringkasannya di stderr.",
          en:
            "the inputs are invalid: an error (a file that cannot be read or recognized, a rejected row, with --fail-on a mandatory rule that fails or is undetermined), or with --werror a warning; the findings are still written, a summary on stderr."
        ),
        Status(
          code: 2,
          id:
            "kesalahan penggunaan, jalur yang tidak ada, berkas kebijakan yang tidak dapat dibaca, atau berkas keluaran yang tidak dapat ditulis.",
          en:
            "a usage error, a path that does not exist, a policy file that cannot be read, or an output file that cannot be written."
        ),
      ])
  }

  static var profiles: String {
    text(
      examples: [
        Example(
          id: "Setiap format ekspor yang dikenali, dengan kolomnya:",
          en: "Every export format p3dn recognizes, with its columns:", command: "p3dn profiles"),
        Example(
          id: "Dalam bahasa Inggris, hanya nama profilnya:", en: "In English, the profile names alone:",
          command: "p3dn profiles --lang en | grep -v '^ '"),
      ],
      statuses: [
        Status(code: 0, id: "daftar ditulis.", en: "the list was written."),
        Status(code: 2, id: "kesalahan penggunaan.", en: "a usage error."),
      ])
  }

  static var policy: String {
    text(
      examples: [
        Example(
          id: "Tulis kebijakan bawaan sebagai berkas untuk diubah:",
          en: "Write the built-in policy as a file to edit:", command: "p3dn policy show > my-policy.toml"),
        Example(
          id: "Periksa berkas yang diubah sebelum dipakai dengan --policy:",
          en: "Check the edited file before using it with --policy:",
          command: "p3dn policy check my-policy.toml"),
      ],
      statuses: [
        Status(code: 0, id: "perintahnya selesai.", en: "the subcommand ran."),
        Status(
          code: 2,
          id: "kesalahan penggunaan (juga p3dn policy tanpa subperintah), atau kebijakan yang tidak sah.",
          en: "a usage error (p3dn policy without a subcommand too), or a policy that is not valid."),
      ])
  }

  static var policyShow: String {
    text(
      examples: [
        Example(
          id: "Tulis kebijakan bawaan sebagai berkas untuk diubah:",
          en: "Write the built-in policy as a file to edit:", command: "p3dn policy show > my-policy.toml"),
        Example(
          id: "Cetak berkas kebijakan setelah memeriksanya:", en: "Print a policy file after checking it:",
          command: "p3dn policy show --policy my-policy.toml"),
      ],
      statuses: [
        Status(code: 0, id: "kebijakan dicetak.", en: "the policy was printed."),
        Status(
          code: 2,
          id: "kesalahan penggunaan, atau berkas --policy yang tidak dapat dibaca atau tidak sah.",
          en: "a usage error, or a --policy file that cannot be read or is not valid."),
      ])
  }

  static var policyCheck: String {
    text(
      examples: [
        Example(
          id: "Periksa berkas kebijakan (id dan jumlah aturannya di stderr):",
          en: "Check a policy file (its id and number of rules on stderr):",
          command: "p3dn policy check my-policy.toml"),
        Example(
          id: "Salin kebijakan bawaan lalu periksa:", en: "Copy the built-in policy, then check it:",
          command: "p3dn policy show > my-policy.toml && p3dn policy check my-policy.toml"),
      ],
      statuses: [
        Status(code: 0, id: "kebijakannya sah.", en: "the policy is valid."),
        Status(
          code: 2,
          id:
            "kesalahan penggunaan, atau berkas yang tidak dapat dibaca atau tidak sah (pesannya menyebut masalahnya).",
          en: "a usage error, or a file that cannot be read or is not valid (the message says what is wrong)."
        ),
      ])
  }

  static var ingest: String {
    text(
      examples: [
        Example(
          id: "Masukkan data demo ke buku besar baru:", en: "Ingest the demo data into a new ledger:",
          command: "p3dn ingest Fixtures/kukar-2022 --db kukar.sqlite"),
        Example(
          id: "Lembar kerja tanpa kolom tahap, dengan tanggal datanya:",
          en: "A sheet without a tahap column, with the date its figures are as of:",
          command:
            "p3dn ingest --realization Fixtures/hand/realisasi-disdik.csv --as-of 2022-12-31 --db disdik.sqlite"
        ),
      ],
      statuses: [
        Status(
          code: 0, id: "setiap berkas ditambahkan, atau tidak berubah (SHA-256 yang sama sudah ada).",
          en: "every file was added, or left unchanged (the same SHA-256 is already there)."),
        Status(
          code: 2,
          id:
            "kesalahan penggunaan, berkas yang tidak dapat dibaca atau dikenali, atau buku besar yang tidak dapat dibuka atau ditulis; buku besar tetap seperti semula.",
          en:
            "a usage error, a file that cannot be read or recognized, or a ledger that cannot be opened or written; the ledger is left as it was."
        ),
      ])
  }

  static var report: String {
    text(
      examples: [
        Example(
          id: "Laporan dari buku besar (setelah p3dn ingest), sumber terbaru:",
          en: "The report from the ledger (after p3dn ingest), newest sources:",
          command: "p3dn report --db kukar.sqlite --year 2022"),
        Example(
          id: "Per akhir bulan, Markdown, status 1 bila aturan wajib gagal:",
          en: "As of a month's end, Markdown, status 1 when a mandatory rule fails:",
          command:
            "p3dn report --db kukar.sqlite --year 2022 --month 2022-12 --format markdown --fail-on breach"),
      ],
      statuses: [
        Status(
          code: 0, id: "laporan ditulis (dan --fail-on tidak menghentikannya).",
          en: "the report was written (and --fail-on did not stop it)."),
        Status(
          code: 1,
          id:
            "--fail-on breach: aturan wajib gagal untuk kabupaten atau OPD yang dilaporkan (undetermined: juga yang belum pasti); laporan tetap ditulis.",
          en:
            "--fail-on breach: a mandatory rule failed for the district or a reported OPD (undetermined: also one left undetermined); the report is still written."
        ),
        Status(
          code: 2,
          id:
            "kesalahan penggunaan, tidak ada buku besar, tidak ada sumber per tanggal itu, atau kebijakan yang tidak dapat dibaca.",
          en: "a usage error, no ledger, no source as of that date, or a policy that cannot be read."),
      ])
  }

  static var trend: String {
    text(
      examples: [
        Example(
          id: "Tren kabupaten dari buku besar (setelah p3dn ingest):",
          en: "The district's trend from the ledger (after p3dn ingest):",
          command: "p3dn trend --db kukar.sqlite --year 2022"),
        Example(
          id: "Juni sampai Desember, dengan satu OPD, sebagai CSV:",
          en: "June to December, with one OPD, as CSV:",
          command:
            "p3dn trend --db kukar.sqlite --year 2022 --from 2022-06 --to 2022-12 --opd \"Dinas Kesehatan\" --format csv"
        ),
      ],
      statuses: [
        Status(code: 0, id: "tren ditulis.", en: "the trend was written."),
        Status(
          code: 2,
          id:
            "kesalahan penggunaan, tidak ada buku besar atau sumbernya, atau kebijakan yang tidak dapat dibaca.",
          en: "a usage error, no ledger or no source in it, or a policy that cannot be read."),
      ])
  }

  static var sources: String {
    text(
      examples: [
        Example(
          id: "Sumber di buku besar (setelah p3dn ingest):",
          en: "The sources in the ledger (after p3dn ingest):",
          command: "p3dn sources --db kukar.sqlite"),
        Example(
          id: "Dengan kepala kolom bahasa Inggris:", en: "With English column headings:",
          command: "p3dn sources --db kukar.sqlite --lang en"),
      ],
      statuses: [
        Status(code: 0, id: "daftar ditulis.", en: "the list was written."),
        Status(
          code: 2, id: "kesalahan penggunaan, atau tidak ada buku besar di jalur itu.",
          en: "a usage error, or no ledger at that path."),
      ])
  }

  static var forget: String {
    text(
      examples: [
        Example(
          id: "Cari nomor sumbernya:", en: "Find the source's id:", command: "p3dn sources --db kukar.sqlite"),
        Example(
          id: "Hapus sumber 4 dan barisnya:", en: "Remove source 4 and its rows:",
          command: "p3dn forget 4 --db kukar.sqlite"),
      ],
      statuses: [
        Status(code: 0, id: "sumbernya dihapus.", en: "the source was removed."),
        Status(
          code: 2, id: "kesalahan penggunaan, tidak ada sumber itu, atau tidak ada buku besar.",
          en: "a usage error, no such source, or no ledger."),
      ])
  }

  /// `db` and `db check` show the same examples.
  static let databaseExamples = [
    Example(
      id: "Periksa buku besar (setelah p3dn ingest):", en: "Check the ledger (after p3dn ingest):",
      command: "p3dn db check --db kukar.sqlite"),
    Example(
      id: "Periksa buku besar sebelum melaporkan darinya:",
      en: "Check the ledger before reporting from it:",
      command: "p3dn db check --db kukar.sqlite --lang en && p3dn report --db kukar.sqlite --year 2022"),
  ]

  static var database: String {
    text(
      examples: databaseExamples,
      statuses: [
        Status(code: 0, id: "subperintahnya selesai.", en: "the subcommand ran."),
        Status(code: 1, id: "db check menemukan masalah.", en: "db check found a problem."),
        Status(
          code: 2, id: "kesalahan penggunaan (juga p3dn db tanpa subperintah), atau tidak ada buku besar.",
          en: "a usage error (p3dn db without a subcommand too), or no ledger."),
      ])
  }

  static var databaseCheck: String {
    text(
      examples: databaseExamples,
      statuses: [
        Status(code: 0, id: "buku besar baik.", en: "the ledger is sound."),
        Status(
          code: 1, id: "ada masalah integritas atau jumlah baris; setiap masalah di stdout.",
          en: "an integrity or row-count problem; each problem on stdout."),
        Status(
          code: 2, id: "kesalahan penggunaan, atau buku besar yang tidak ada atau tidak dapat dibuka.",
          en: "a usage error, or a ledger that does not exist or cannot be opened."),
      ])
  }

  // MARK: - Layout

  /// The examples and exit statuses, as sections after the argument parser's.
  static func text(examples: [Example], statuses: [Status]) -> String {
    var lines = [Help.string("CONTOH:", "EXAMPLES:")]
    for example in examples {
      lines += wrap(Help.string(example.id, example.en), width: width, indent: "  ")
      lines.append("    " + example.command)
    }
    lines.append("")
    lines.append(Help.string("STATUS KELUAR:", "EXIT STATUS:"))
    for status in statuses {
      let text = wrap(Help.string(status.id, status.en), width: width - 5, indent: "")
      for (index, line) in text.enumerated() {
        lines.append((index == 0 ? "  \(status.code)  " : "     ") + line)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The width of the text lines (example command lines are never broken).
  static let width = 80

  /// `text` in lines of at most `width` characters, each starting with `indent`.
  static func wrap(_ text: String, width: Int, indent: String) -> [String] {
    var lines: [String] = []
    var line = indent
    for word in text.split(separator: " ") {
      if line.count > indent.count && line.count + 1 + word.count > width {
        lines.append(line)
        line = indent
      }
      line += (line.count > indent.count ? " " : "") + word
    }
    lines.append(line)
    return lines
  }

  static func trimmed(_ text: String) -> String {
    var text = Substring(text)
    while text.last == "\n" { text = text.dropLast() }
    return String(text)
  }
}
