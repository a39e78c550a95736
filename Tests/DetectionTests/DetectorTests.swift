import Foundation
import PatternCatalog
import ScanCore
import TestSupport
import XCTest
@testable import Detection

/// The matcher's mechanics, with a small pack of its own so it does not depend on the
/// built-in rules (those are tested through their examples in PatternCatalogTests).
final class DetectorTests: XCTestCase {
    static let pack = """
    family: test
    rules:
      - id: t.email
        kind: email
        category: contact.email
        pattern: '(?<![\\w.+-])([A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24})(?![\\w-])'
        prefilter: {anchor: at, back: 64}
        max_length: 254
        normalize: [email]
        validators: [tld]
        score: 0.9
      - id: t.num9
        kind: national_id.test
        category: government.national_id
        pattern: '(?<![\\d.-])(\\d{3}[ ]?\\d{3}[ ]?\\d{3})(?![\\d-])'
        prefilter: {anchor: digits, digits: [9, 9], back: 0}
        max_length: 11
        normalize: [strip_separators]
        score: 0.3
        context:
          boost: 0.4
          words: {en: [id number], pt: [número de id]}
      - id: t.num12
        kind: account.test
        category: government.national_id
        pattern: '(?<![\\d])(AC ?\\d{3} ?\\d{3} ?\\d{3})(?![\\d])'
        prefilter: {anchor: digits, digits: [9, 9], back: 3}
        max_length: 16
        normalize: [strip_separators]
        score: 0.8
    """

    static let categories = """
    categories:
      - {id: contact.email, label: Email, kinds: [email]}
      - {id: government.national_id, label: National ID, kinds: [national_id.test, account.test]}
    """

    var dir: TempDir!
    var detector: Detector!

    override func setUpWithError() throws {
        dir = try TempDir("detector")
        try dir.write("pack.yml", Self.pack)
        try dir.write("categories.yml", Self.categories)
        try dir.write("data/tlds.txt", "# test\npt\ncom\norg\n")
        detector = try Detector(catalog: try Catalog.load(directories: [dir.path]))
    }

    override func tearDown() { dir.remove() }

    private func hits(_ text: String) -> [(kind: String, value: String, confidence: Double)] {
        PatternChecker.run(text, detector: detector, scratch: DetectorScratch(for: detector))
    }

    func testFindsEmailAndChecksTLD() {
        XCTAssertEqual(hits("write to anna.silva@Example.PT today").map(\.value), ["anna.silva@example.pt"])
        XCTAssertEqual(hits("logo@2x.png and a@b.c").count, 0)
    }

    func testContextWordRaisesConfidenceOverThreshold() {
        XCTAssertTrue(hits("order 123 456 789 shipped").isEmpty)
        let found = hits("ID number: 123 456 789")
        XCTAssertEqual(found.map(\.value), ["123456789"])
        XCTAssertEqual(found.first?.confidence ?? 0, 0.7, accuracy: 0.001)
        XCTAssertEqual(hits("Número de ID 123456789").map(\.value), ["123456789"], "non-ASCII context words match")
    }

    func testContainedWeakerHitIsDropped() {
        // The 9 digits inside "AC 123 456 789" also match t.num9 (with context), but the
        // stronger account hit covers them.
        let found = hits("id number AC 123 456 789")
        XCTAssertEqual(found.map(\.kind), ["account.test"])
    }

    func testMatchAcrossEveryChunkBoundaryIsFoundExactlyOnce() {
        let prefix = String(repeating: "x ", count: 40)
        let text = prefix + "contact maria.costa@example.com now\n" + prefix
        let bytes = Array(text.utf8)
        let scratch = DetectorScratch(for: detector)
        for size in [7, 13, 31, 50, 64, 97] {
            var values: [String] = []
            Chunking.forEachChunk(bytes, size: size, lookBehind: 256, lookAhead: 1024) { chunk in
                values += detector.scan(chunk, scratch: scratch).map(\.value)
            }
            XCTAssertEqual(values, ["maria.costa@example.com"], "chunk size \(size)")
        }
    }

    func testLineNumbersAcrossChunks() {
        var text = ""
        for i in 1...50 { text += i == 37 ? "mail: pedro@example.org\n" : "line \(i)\n" }
        let scratch = DetectorScratch(for: detector)
        var lines: [Int] = []
        Chunking.forEachChunk(Array(text.utf8), size: 40, lookBehind: 256, lookAhead: 1024) { chunk in
            lines += detector.scan(chunk, scratch: scratch).map(\.line)
        }
        XCTAssertEqual(lines, [37])
    }

    func testInvalidUTF8NextToEmailStillFound() {
        var bytes: [UInt8] = [0xFF, 0xC3, 0x28]
        bytes += Array("ana@example.pt".utf8)
        bytes += [0xE2, 0x82]
        let values: [String] = bytes.withUnsafeBytes { raw in
            let chunk = TextChunk(bytes: raw, ownedStart: 0, ownedEnd: raw.count, newlinesBefore: 0, streamOffset: 0)
            return detector.scan(chunk, scratch: DetectorScratch(for: detector)).map(\.value)
        }
        XCTAssertEqual(values, ["ana@example.pt"])
    }

    func testBacktrackingBaitStaysLinear() {
        // 50,000 local-part characters before an '@' and 100,000 '.a' runs: windows are
        // bounded, so the cost is linear in the input.
        let bait1 = String(repeating: "a", count: 50_000) + "@"
        let bait2 = "x" + String(repeating: ".a", count: 100_000) + "@"
        let started = Date()
        XCTAssertTrue(hits(bait1).isEmpty)
        XCTAssertTrue(hits(bait2).isEmpty)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "bounded windows keep bait linear")
    }

    func testManyEmailsAllCounted() {
        let text = (0..<5_000).map { "user\($0)@example.com" }.joined(separator: ", ")
        XCTAssertEqual(hits(text).count, 5_000)
    }
}
