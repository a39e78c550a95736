import Containers
import Detection
import Foundation
import Inputs
import PatternCatalog
import ScanCore
import TestSupport
import XCTest
@testable import ScanEngine

/// The engine with the container framework: members get their own results and locations,
/// limits from `ScanOptions` apply, and findings are the same for any job count.
final class ContainerScanTests: XCTestCase {
    var dir: TempDir!
    override func setUpWithError() throws { dir = try TempDir("engine-containers") }
    override func tearDown() { dir.remove() }

    private func run(jobs: Int, limits: ContainerLimits = ContainerLimits()) throws -> (RecordingSink, ScanSummary) {
        let detector = try Detector(catalog: try Catalog.load(directories: [RepoPaths.patterns]))
        let engine = ScanEngine(detector: detector, fingerprinter: Fingerprinter(key: Array(repeating: 9, count: 32)),
                                options: ScanOptions(roots: [dir.path + "/in"], jobs: jobs, walk: WalkOptions(), chunkSize: 4096,
                                                     containerLimits: limits))
        let sink = RecordingSink()
        let summary = try engine.run(sink: sink)
        return (sink, summary)
    }

    func testMembersAreObjectsWithNestedLocations() throws {
        for i in 0..<6 {
            let inner = try ArchiveFixture.make([("cv-\(i).txt", "Name\ncontact: user\(i)@example.pt\n")], format: "zip")
            let stage = try TempDir()
            _ = try stage.write("inner-\(i).zip", bytes: inner)
            _ = try stage.write("notes.txt", "IBAN DE89370400440532013000\n")
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["bsdtar", "-c", "-z", "--format", "ustar", "-f", dir.path + "/in/batch-\(i).tgz", "-C", stage.path, "inner-\(i).zip", "notes.txt"]
            try FileManager.default.createDirectory(atPath: dir.path + "/in", withIntermediateDirectories: true)
            try p.run()
            p.waitUntilExit()
            stage.remove()
        }
        var previous: [String]?
        for jobs in [1, 2] {
            let (sink, summary) = try run(jobs: jobs)
            // 6 archives x (tgz, inner zip, cv, notes) = 24 objects, one result each.
            XCTAssertEqual(sink.results.count, 24)
            XCTAssertEqual(Set(sink.results.map(\.location)).count, 24)
            XCTAssertEqual(summary.objectsByStatus["complete"], 24)
            XCTAssertEqual(summary.findingsByKind["email"], 6)
            XCTAssertEqual(summary.findingsByKind["iban"], 6)
            let email = try XCTUnwrap(sink.findings.first { $0.kind == "email" && $0.location.contains("batch-3") })
            XCTAssertEqual(email.location, dir.path + "/in/batch-3.tgz!/inner-3.zip!/cv-3.txt")
            XCTAssertEqual(email.line, 2)
            let rows = sink.findings.map { "\($0.location):\($0.line):\($0.kind)" }.sorted()
            if let previous { XCTAssertEqual(rows, previous) }
            previous = rows
        }
        var limits = ContainerLimits()
        limits.maxDepth = 1
        let (sink, summary) = try run(jobs: 2, limits: limits)
        XCTAssertEqual(summary.findingsByKind["email"], nil)
        XCTAssertEqual(summary.findingsByKind["iban"], 6)
        XCTAssertEqual(sink.status(of: dir.path + "/in/batch-0.tgz"), .partial("max_depth"))
        XCTAssertEqual(sink.status(of: dir.path + "/in/batch-0.tgz!/inner-0.zip!/cv-0.txt"), .skipped("max_depth"))
    }
}
