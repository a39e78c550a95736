// swift-tools-version: 6.0
import PackageDescription

let uncheckedExclusivity: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "trawl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trawl", targets: ["trawl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C modules: only a module map and a shim header each.
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CPFF", pkgConfig: "libpff", providers: [.apt(["libpff-dev", "libbfio-dev"])]),
        // Header-only byte classifiers (SSE2 on x86-64) for the scanning loops.
        .systemLibrary(name: "CByteScan"),

        // Thin safe wrappers over the C modules.
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        .target(name: "LibArchive", dependencies: ["CArchive"]),
        .target(name: "PST", dependencies: ["CPFF"]),

        // Domain.
        .target(name: "ScanCore"),
        .target(name: "Validators"),
        .target(name: "PatternCatalog", dependencies: ["ScanCore", "Validators", .product(name: "Yams", package: "Yams")]),
        .target(name: "Detection", dependencies: [
            "ScanCore", "PCRE2", "Validators", "PatternCatalog", "CByteScan",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: [
            // The hot loop works on raw pointers and per-worker scratch; dynamic exclusivity
            // checks on the scratch object cost several percent and guard nothing here.
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),
        // The walker, the inventory's known-object table and the engine's queue run once per
        // file on a refresh: no dynamic exclusivity checks in release (debug builds and the
        // tests keep them).
        .target(name: "Inputs", dependencies: ["ScanCore"], swiftSettings: uncheckedExclusivity),
        .target(name: "Mail", dependencies: ["ScanCore"]),
        .target(name: "Reporting", dependencies: ["ScanCore"]),
        .target(name: "Extraction", dependencies: ["ScanCore", "LibArchive"]),
        // The container framework: sniffing, recursion, locations, limits, built-in handlers.
        .target(name: "Containers", dependencies: ["ScanCore", "Inputs", "LibArchive", "Extraction"]),
        .target(name: "Inventory", dependencies: ["ScanCore", .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: uncheckedExclusivity),
        // Data-map reports and the privacy-policy check, read from the inventory.
        .target(name: "DataMap", dependencies: ["Reporting", "Extraction", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Yams", package: "Yams")]),
        // Mailboxes and PST stores plugged into the framework.
        .target(name: "MailContainers", dependencies: ["Mail", "PST", "Containers", "Extraction", "ScanCore"]),
        .target(name: "ScanEngine", dependencies: ["ScanCore", "Detection", "Inputs", "PatternCatalog", "Reporting", "Containers", "MailContainers",
                                                   "Inventory", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: uncheckedExclusivity),

        // The command-line tool: entry point and one file per subcommand.
        .executableTarget(name: "trawl", dependencies: [
            "ScanEngine", "ScanCore", "PatternCatalog", "Detection", "Reporting", "Inputs", "Containers", "Inventory", "DataMap",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .target(name: "TestSupport", dependencies: ["ScanCore"], path: "Tests/TestSupport"),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "ValidatorsTests", dependencies: ["Validators"], exclude: ["Fixtures"]),
        .testTarget(name: "PatternCatalogTests", dependencies: ["PatternCatalog", "Detection", "TestSupport"]),
        .testTarget(name: "DetectionTests", dependencies: ["Detection", "PatternCatalog", "TestSupport"]),
        .testTarget(name: "InputsTests", dependencies: ["Inputs", "TestSupport"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "TestSupport"]),
        .testTarget(name: "ScanEngineTests", dependencies: ["ScanEngine", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
        .testTarget(name: "LibArchiveTests", dependencies: ["LibArchive", "TestSupport"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "TestSupport"]),
        .testTarget(name: "ContainersTests", dependencies: ["Containers", "Inputs", "ScanCore", "TestSupport"]),
        .testTarget(name: "InventoryTests", dependencies: ["Inventory", "ScanEngine", "ScanCore", "TestSupport",
                                                          .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ReportTests", dependencies: ["DataMap", "Inventory", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Golden"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "TestSupport"]),
        .testTarget(name: "PSTTests", dependencies: ["PST", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "MailContainersTests", dependencies: ["MailContainers", "Containers", "Inputs", "ScanCore", "TestSupport"]),
    ]
)
