// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "p3dn",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "p3dn", targets: ["p3dn"]),
    .library(name: "P3DNKit", targets: ["P3DNKit"]),
    .library(name: "P3DNLedger", targets: ["P3DNLedger"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/onevcat/Rainbow", from: "4.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // The one piece in C: splitting records into fields with 64-byte bit masks of quotes,
    // field ends and line feeds, from the processor's vector compares (AVX-512, AVX2 or
    // SSE2), which Swift does not expose (docs/performance.md).
    .target(name: "CP3DNScan"),
    .target(
      name: "P3DNKit",
      dependencies: [
        "CP3DNScan",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: [
        // The reading loop touches class properties for every byte window; the runtime
        // exclusivity checks cost about 5% there (docs/performance.md).
        .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
      ]
    ),
    // The ledger of monthly audits: SQLite through GRDB, apart from the core.
    .target(
      name: "P3DNLedger",
      dependencies: [
        "P3DNKit", .product(name: "GRDB", package: "GRDB.swift"),
        // The row inserts bind their values with SQLite's own calls (docs/performance.md).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .executableTarget(
      name: "p3dn",
      dependencies: [
        "P3DNKit",
        "P3DNLedger",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Rainbow", package: "Rainbow"),
      ]
    ),
    .testTarget(
      name: "P3DNLedgerTests",
      dependencies: ["P3DNLedger", "P3DNKit"]
    ),
    .testTarget(
      name: "P3DNKitTests",
      dependencies: ["P3DNKit", "P3DNLedger", "p3dn", "CP3DNScan"],
      exclude: ["Golden"]
    ),
  ]
)
