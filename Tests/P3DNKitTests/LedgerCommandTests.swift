import Foundation
import Testing

/// The ledger commands of the binary: ingest, sources, forget, db check.
@Suite("End to end: the ledger commands")
struct LedgerCommandTests {
  @Test("ingest twice says unchanged; sources, db check and forget; errors exit 2")
  func commands() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("p3dn-db-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let db = folder.appendingPathComponent("ledger.sqlite").path
    let plan = Support.fixture("exports/sirup-penyedia-2025.csv")
    let orders = Support.fixture("exports/ekatalog-v6-orders.csv")

    let first = try Binary.run(["ingest", plan, orders, "--db", db, "--as-of", "2025-09-30", "--lang", "en"])
    #expect(first.status == 0)
    #expect(first.stdout.contains("added source 1: \(plan) (sirup-penyedia, as of 2025-09-30): 5 rows"))
    #expect(
      first.stdout.contains("added source 2: \(orders) (ekatalog-v6, as of 2025-09-30): 5 rows = 4 included"))

    let again = try Binary.run(["ingest", orders, "--db", db, "--lang", "en"])
    #expect(again.status == 0)
    #expect(again.stdout == "unchanged: \(orders) is already source 2 (same SHA-256, as of 2025-09-30)\n")

    // P3DN_DB names the ledger when --db does not.
    let sources = try Binary.run(["sources", "--lang", "en"], environment: ["P3DN_DB": db])
    #expect(sources.status == 0)
    #expect(sources.stdout.split(separator: "\n").count == 3)
    #expect(sources.stdout.contains("2\t2025-09-30\tekatalog-v6\trealization\t2025\t5\t4\t1\t0\t\(orders)"))

    let check = try Binary.run(["db", "check", "--db", db, "--lang", "en"])
    #expect((check.status, check.stdout) == (0, "ledger ok\n"))

    let forget = try Binary.run(["forget", "2", "--db", db, "--lang", "en"])
    #expect(forget.status == 0)
    let missing = try Binary.run(["forget", "2", "--db", db, "--lang", "en"])
    #expect(missing.status == 2)
    #expect(missing.stdout == "")
    #expect(missing.stderr.contains("there is no source 2"))

    // Only ingest creates a ledger: the other commands on a path with none exit 2 and
    // leave no file behind.
    let typo = folder.appendingPathComponent("ledgr.sqlite").path
    for command in [["report"], ["trend"], ["sources"], ["forget", "1"], ["db", "check"]] {
      let result = try Binary.run(command + ["--db", typo, "--lang", "en"])
      #expect(result.status == 2, "\(command)")
      #expect(result.stdout == "", "\(command)")
      #expect(
        result.stderr.contains("\(typo): there is no ledger here; `p3dn ingest` creates it"), "\(command)")
    }
    #expect(!FileManager.default.fileExists(atPath: typo))

    let badDate = try Binary.run(["ingest", orders, "--db", db, "--as-of", "30/09/2025", "--lang", "en"])
    #expect(badDate.status == 2)
    #expect(badDate.stderr.contains("is not a date yyyy-mm-dd"))
  }

  @Test("a hand-made sheet that covers the OPDs of another one is said to; --map is taken")
  func overlaps() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("p3dn-db-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let db = folder.appendingPathComponent("ledger.sqlite").path
    let header = "kode_opd;nama_opd;tahap;tanggal;uraian;nilai;umk\n"
    let june = Support.temporaryFile(
      header + "1.01.0.00.0.00.01.0000;Dinas Pendidikan;realisasi;2025-06-10;ATK;1.000;ya\n",
      name: "disdik-juni.csv")
    let july = Support.temporaryFile(
      header + "1.01.0.00.0.00.01.0000;Dinas Pendidikan;realisasi;2025-06-10;ATK;1.000;ya\n"
        + "1.01.0.00.0.00.01.0000;Dinas Pendidikan;realisasi;2025-07-02;Tinta;2.000;ya\n",
      name: "disdik-juli.csv")
    let health = Support.temporaryFile(
      header + "1.02.0.00.0.00.01.0000;Dinas Kesehatan;realisasi;2025-07-05;Obat;3.000;tidak\n",
      name: "dinkes.csv")
    let plan = Support.temporaryFile(
      header + "1.01.0.00.0.00.01.0000;Dinas Pendidikan;rencana;2025-01-10;ATK;5.000;ya\n",
      name: "rencana.csv")

    let first = try Binary.run(["ingest", june, health, plan, "--db", db, "--lang", "en"])
    #expect(first.status == 0)
    // Other OPDs, or another stage: nothing to say.
    #expect(!first.stdout.contains("warning"))
    let second = try Binary.run(["ingest", july, "--db", db, "--lang", "en"])
    #expect(second.status == 0)
    #expect(
      second.stdout.contains(
        "  warning: source 1 (\(june)) also has lines of 1 of its OPDs (1.01.0.00.0.00.01.0000) for the same year and stage; both count. If this sheet replaces it: p3dn forget 1"
      ))
    #expect(second.stdout.components(separatedBy: "warning").count == 2)

    let mapped = try Binary.run([
      "ingest", Support.fixture("exports/rekap-toko.csv"), "--map",
      Support.fixture("exports/rekap-toko.map.toml"), "--db", db, "--lang", "en",
    ])
    #expect(mapped.status == 0)
    #expect(mapped.stdout.contains("added source 5: "))
  }

  @Test("report from the ledger prints what audit prints; --month takes the month's end")
  func report() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("p3dn-db-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let db = folder.appendingPathComponent("ledger.sqlite").path
    let demo = Support.fixture("kukar-2022")
    #expect(try Binary.run(["ingest", demo, "--db", db, "--as-of", "2022-12-31"]).status == 0)
    for format in ["json", "table", "csv", "markdown"] {
      let audit = try Binary.run(["audit", demo, "--year", "2022", "--format", format])
      let report = try Binary.run(["report", "--db", db, "--year", "2022", "--format", format])
      #expect(report.status == 0)
      #expect(report.stdout == audit.stdout, "\(format)")
    }
    // As of November nothing was ingested yet.
    let early = try Binary.run(["report", "--db", db, "--month", "2022-11", "--lang", "en"])
    #expect(early.status == 2)
    #expect(early.stderr.contains("the ledger holds no source as of 2022-11-30"))
    let trend = try Binary.run([
      "trend", "--db", db, "--year", "2022", "--from", "2022-11", "--to", "2022-12", "--lang", "en",
    ])
    #expect(trend.status == 0)
    #expect(trend.stdout.contains("2022-11            (no data yet)"))
    #expect(trend.stdout.contains("2022-12  DISTRICT  Kabupaten Kutai Kartanegara  plan"))
    // Without --opd the trend is the district's alone; with it, the OPD's rows follow.
    #expect(!trend.stdout.contains("1.02.0.00.0.00.02.0000"))
    let oneOPD = try Binary.run([
      "trend", "--db", db, "--year", "2022", "--from", "2022-12", "--to", "2022-12", "--opd", "1.02",
      "--lang", "en",
    ])
    #expect(oneOPD.stdout.contains("2022-12  1.02.0.00.0.00.02.0000"))
    let trendJSON = try Binary.run(["trend", "--db", db, "--year", "2022", "--format", "json"])
    #expect(trendJSON.stdout.contains("\"schema\": \"p3dn.trend.v1\""))
    let bad = try Binary.run(["report", "--db", db, "--month", "2022-13"])
    #expect(bad.status == 2)
    #expect(bad.stdout == "")
    // A typo never passes as an empty report: a year with no included row, an OPD that
    // matches nothing, months the wrong way round.
    let year = try Binary.run(["report", "--db", db, "--year", "2019", "--lang", "en"])
    #expect(year.status == 2 && year.stdout.isEmpty)
    #expect(
      year.stderr.contains(
        "no row of any input is included for fiscal year 2019; years with included rows: 2021, 2022"))
    let opd = try Binary.run([
      "report", "--db", db, "--year", "2022", "--opd", "Dinas Kesehatn", "--lang", "en",
    ])
    #expect(opd.status == 2 && opd.stderr.contains("1.02.0.00.0.00.02.0000 Dinas Kesehatan"))
    let trendYear = try Binary.run(["trend", "--db", db, "--year", "2019", "--lang", "en"])
    #expect(trendYear.status == 2 && trendYear.stderr.contains("fiscal year 2019"))
    let trendOPD = try Binary.run([
      "trend", "--db", db, "--year", "2022", "--opd", "Dinas Kesehatn", "--lang", "en",
    ])
    #expect(trendOPD.status == 2 && trendOPD.stderr.contains("Dinas Kesehatan"))
    // Each --opd must match: one that does beside one that does not is still a typo.
    let oneOfTwo = try Binary.run([
      "trend", "--db", db, "--year", "2022", "--opd", "1.02", "--opd", "Dinas Kesehatn", "--lang", "en",
    ])
    #expect(oneOfTwo.status == 2 && oneOfTwo.stderr.contains("--opd \"Dinas Kesehatn\" matches no OPD"))
    let backwards = try Binary.run([
      "trend", "--db", db, "--from", "2022-12", "--to", "2022-11", "--lang", "en",
    ])
    #expect(backwards.status == 2 && backwards.stderr.contains("--from 2022-12 is after --to 2022-11"))
    let validate = try Binary.run([
      "validate", Support.fixture("kukar-2022"), "--year", "2019", "--lang", "en",
    ])
    #expect(
      validate.status == 2 && validate.stderr.contains("no row of any input is included for fiscal year 2019")
    )
  }
}
