import GRDB

/// The ledger's schema, as named GRDB migrations. A migration is never edited once
/// released: a change is a new migration.
enum LedgerSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: sources and rows") { db in
      // One ingested file (a snapshot of an export).
      try db.create(table: "source") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("sha256", .text).notNull().unique()
        // Bytes: only a file of a size already in the ledger can be one already ingested.
        table.column("size", .integer).notNull().defaults(to: 0)
        table.column("path", .text).notNull()
        table.column("profile", .text).notNull()
        // The export's kind (profile and header) and scope (its KLPD codes): a newer pull of
        // the same kind, scope and fiscal year supersedes an older one from its as-of date.
        table.column("kind", .text).notNull().defaults(to: "")
        table.column("scope", .text).notNull().defaults(to: "")
        // `plan`, `realization`, `plan+realization` (a canonical sheet), or null (a budget).
        table.column("stage", .text)
        // The one fiscal year of its rows, or null (none, or several).
        table.column("fiscal_year", .integer)
        // yyyy-mm-dd: the date the export shows the data as of.
        table.column("as_of", .text).notNull()
        table.column("format", .text).notNull()
        table.column("rows", .integer).notNull()
        table.column("included", .integer).notNull()
        table.column("excluded", .integer).notNull()
        table.column("rejected", .integer).notNull()
        // What reading it gave (counts, sums by year and OPD, rejected rows, warnings), as
        // JSON: a report is made from it without reading rows or files again.
        table.column("sums", .text).notNull().defaults(to: "")
      }
      // Every row of every source, included, excluded and rejected alike. Money is integer
      // sen; an amount beyond 64 bits is kept as decimal text in `amount_text`.
      // A rowid table without other indexes: rows are appended in the order they are read,
      // the fastest way in (reports are made from each source's sums, not from rows).
      try db.create(table: "row") { table in
        table.column("source_id", .integer).notNull().references("source", onDelete: .cascade)
        // The row's number in its file (1-based), and the physical line where it starts
        // (several rows of a one-line JSON array share a line).
        table.column("position", .integer).notNull()
        table.column("line", .integer).notNull()
        // Null: passed every test but the fiscal year.
        table.column("reason", .text)
        table.column("column_name", .text)
        table.column("message_id", .text)
        table.column("message_en", .text)
        table.column("opd_code", .text)
        table.column("opd_name", .text)
        table.column("stage", .text)
        table.column("fiscal_year", .integer)
        // yyyy-mm-dd: the row's date, and the export's snapshot date (ISB `_event_date`).
        table.column("date", .text)
        table.column("snapshot_date", .text)
        table.column("amount_sen", .integer)
        table.column("amount_text", .text)
        // Known amounts of each metric; null: unknown (or not a candidate line).
        table.column("pdn_sen", .integer)
        table.column("umkk_sen", .integer)
        table.column("local_sen", .integer)
        table.column("pdn_source", .text)
        table.column("umkk_source", .text)
        table.column("local_source", .text)
        table.column("is_budget", .boolean).notNull().defaults(to: false)
        // RUP codes, sorted, joined by `;`.
        table.column("rup_codes", .text)
      }
    }
    migrator.registerMigration("v2: the text of rows, the vendor list of sources") { db in
      // The vendor list a source was read with (`--vendors`), as JSON: its path, SHA-256,
      // rows and entries (null: none).
      try db.alter(table: "source") { table in table.add(column: "vendors", .text) }
      // The row's text cells, as read (null: no such column, an empty cell, or a ragged row).
      try db.alter(table: "row") { table in
        // The line's own identifier (package, order, contract or document number).
        table.add(column: "line_id", .text)
        table.add(column: "description", .text)
        // The account (kode rekening) or MAK.
        table.add(column: "account", .text)
        table.add(column: "vendor", .text)
        table.add(column: "vendor_npwp", .text)
        // The vendor's code in an LKPP system (SIKaP, e-Katalog).
        table.add(column: "vendor_code", .text)
        // The vendor's kab/kota.
        table.add(column: "vendor_region", .text)
      }
    }
    migrator.registerMigration("v3: the package key of rows") { db in
      // The row's package key (CONTRACT §7.4), for a file whose packages another file may
      // count: `check` and `explain` tell which rows that file counts instead.
      try db.alter(table: "row") { table in table.add(column: "package_key", .text) }
    }
    return migrator
  }
}
