import Detection
import Foundation
import Inputs
import PatternCatalog
import ScanCore
import TestSupport
import XCTest
@testable import ScanEngine

final class ScanEngineTests: XCTestCase {
    var dir: TempDir!
    override func setUpWithError() throws { dir = try TempDir("engine") }
    override func tearDown() { dir.remove() }

    private func engine(jobs: Int, roots: [String]) throws -> ScanEngine {
        let detector = try Detector(catalog: try Catalog.load(directories: [RepoPaths.patterns]))
        return ScanEngine(detector: detector, fingerprinter: Fingerprinter(key: Array(repeating: 9, count: 32)),
                          options: ScanOptions(roots: roots, jobs: jobs, walk: WalkOptions(), chunkSize: 4096))
    }

    func testEveryObjectGetsOneStatusAndFindingsAreTheSameForAnyJobCount() throws {
        for i in 0..<40 {
            try dir.write("share/f\(i).txt", String(repeating: "filler text line\n", count: i * 30) + "mail user\(i)@example.pt\nIBAN DE89370400440532013000\n")
        }
        try dir.write("share/bin.dat", bytes: [0, 1, 2, 3, 0, 0])
        var previous: [String]? = nil
        for jobs in [1, 2, 4] {
            let sink = RecordingSink()
            let summary = try engine(jobs: jobs, roots: [dir.path + "/share"]).run(sink: sink)
            XCTAssertEqual(sink.results.count, 41, "one status per object")
            XCTAssertEqual(Set(sink.results.map(\.location)).count, 41)
            XCTAssertEqual(summary.objects, 41)
            XCTAssertEqual(summary.objectsByStatus["complete"], 40)
            XCTAssertEqual(sink.status(of: dir.path + "/share/bin.dat"), .skipped("binary"))
            XCTAssertEqual(summary.findingsByKind["email"], 40)
            XCTAssertEqual(summary.findingsByKind["iban"], 40)
            XCTAssertNotNil(sink.summary)
            let rows = sink.findings.map { "\($0.location):\($0.line):\($0.kind):\($0.fingerprint)" }.sorted()
            if let previous { XCTAssertEqual(rows, previous, "jobs \(jobs)") }
            previous = rows
        }
    }

    func testFindingsCarryMaskAndFingerprintButLocationsAsGiven() throws {
        try dir.write("a/b.txt", "x\ncontact: rita.sousa@example.pt\n")
        let sink = RecordingSink()
        _ = try engine(jobs: 1, roots: [dir.path + "/a"]).run(sink: sink)
        let f = try XCTUnwrap(sink.findings.first)
        XCTAssertEqual(f.location, dir.path + "/a/b.txt")
        XCTAssertEqual(f.line, 2)
        XCTAssertEqual(f.masked, "r***@e***.pt")
        XCTAssertEqual(f.fingerprint, Fingerprinter(key: Array(repeating: 9, count: 32)).fingerprint("rita.sousa@example.pt"))
        XCTAssertEqual(f.category, "contact.email")
    }
}

final class KeyStoreTests: XCTestCase {
    func testKeyIsCreated0600In0700DirectoryAndReused() throws {
        let dir = try TempDir("keystore")
        defer { dir.remove() }
        let path = dir.path + "/conf/trawl/fingerprint.key"
        let key = try KeyStore.loadOrCreate(path: path)
        XCTAssertEqual(key.count, 32)
        let fm = FileManager.default
        XCTAssertEqual(try fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try fm.attributesOfItem(atPath: dir.path + "/conf/trawl")[.posixPermissions] as? Int, 0o700)
        XCTAssertEqual(try KeyStore.loadOrCreate(path: path), key, "the same key on the next run")
        XCTAssertNotEqual(try KeyStore.loadOrCreate(path: dir.path + "/other.key"), key)
    }

    func testShortKeyFileIsRefused() throws {
        let dir = try TempDir("keystore")
        defer { dir.remove() }
        let path = try dir.write("short.key", "abc")
        XCTAssertThrowsError(try KeyStore.loadOrCreate(path: path)) { error in
            XCTAssertEqual("\(error)", "fingerprint key \(path): key file is shorter than 16 bytes; delete it to make a new one (fingerprints will change)")
        }
    }
}

final class SummaryAndSizeTests: XCTestCase {
    func testByteSizes() {
        XCTAssertEqual(ByteSize.parse("1024"), 1024)
        XCTAssertEqual(ByteSize.parse("500M"), 500 << 20)
        XCTAssertEqual(ByteSize.parse("2G"), 2 << 30)
        XCTAssertEqual(ByteSize.parse("3KiB"), 3 << 10)
        XCTAssertNil(ByteSize.parse("lots"))
        XCTAssertNil(ByteSize.parse("99999999999T"))
    }

    func testSummaryListsStatusesReasonsAndKinds() {
        var s = ScanSummary()
        s.add(ObjectResult(location: "a", status: .complete, bytes: 100))
        s.add(ObjectResult(location: "b", status: .skipped("binary"), bytes: 0))
        s.add(ObjectResult(location: "c", status: .error("permission"), bytes: 0))
        s.findingsByKind = ["email": 2, "iban": 1]
        s.seconds = 0.5
        XCTAssertEqual(SummaryText.render(s, color: false), """
        scanned 3 objects, 100 bytes in 0.50 s (0.0 MiB/s)
        objects: complete 1, partial 0, skipped 1, error 1
          error(permission): 1
          skipped(binary): 1
        findings 3
          email: 2
          iban: 1

        """)
    }
}
