import Containers
import Foundation
import TestSupport
import XCTest

/// Each hostile sample ends with one clear status, the text before the damage is still
/// scanned, and a clean sibling in the same directory is scanned too.
final class HostileMailTests: XCTestCase {
    func testEachSampleEndsWithItsStatusAndSiblingsAreScanned() throws {
        let dir = try TempDir("hostile-mail")
        defer { dir.remove() }
        let samples = HostileMailSamples.all()
        for s in samples { try dir.write(s.name, bytes: s.bytes) }
        try dir.write("sibling.txt", "sibling.file@example.org\n")
        try dir.write("box.mbox", bytes: HostileMailSamples.truncatedMbox())
        let started = Date()
        let (recorder, collector) = scanMail([dir.path])
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
        let status = collector.statuses
        XCTAssertEqual(status.count, collector.results.count, "each object reported once")
        for s in samples { XCTAssertEqual(status[dir.path + "/" + s.name], s.status, s.name) }
        XCTAssertEqual(status[dir.path + "/sibling.txt"], "complete")
        XCTAssertEqual(status[dir.path + "/box.mbox!/message-1"], "complete")
        XCTAssertEqual(status[dir.path + "/box.mbox!/message-2"], "complete")
        XCTAssertEqual(status[dir.path + "/box.mbox!/message-3"], "partial(truncated)")
        // The cut attachment is scanned as far as it goes; its message says `truncated`.
        XCTAssertEqual(status[dir.path + "/box.mbox!/message-3!/blob.bin"], "complete")
        XCTAssertEqual(status[dir.path + "/box.mbox"], "complete")
        XCTAssertNil(status[dir.path + "/box.mbox!/message-4"])
        func text(_ name: String) -> String { recorder.text[dir.path + "/" + name] ?? "" }
        XCTAssertTrue(text("sibling.txt").contains("sibling.file@example.org"))
        XCTAssertTrue(text("deep-nesting.eml").contains("deep.bottom@example.org"))
        XCTAssertTrue(text("no-closing-boundary.eml").contains("unclosed.part@example.org"))
        XCTAssertTrue(text("invalid-base64.eml").contains("broken.base64@example.org"), text("invalid-base64.eml"))
        XCTAssertTrue(text("huge-header.eml").contains("after.header@example.org"))
        XCTAssertLessThan(text("huge-header.eml").utf8.count, 2 << 20, "the long header is cut")
        XCTAssertTrue(text("qp-soft-break.eml").contains("soft.break@example.org"))
        XCTAssertTrue(text("qp-soft-break.eml").hasPrefix("From: Jörg <j@example.com>"))
        XCTAssertTrue(text("many-parts.eml").contains("part 1022\n"))
        XCTAssertFalse(text("many-parts.eml").contains("part 1023\n"))
        XCTAssertTrue(text("box.mbox!/message-1").contains("From the mbox: first.message@example.org"))
        XCTAssertTrue(text("box.mbox!/message-3").contains("last.message@example.org"))
    }

    func testCorruptPSTEndsWithErrorOrPartialNeverACrash() throws {
        let dir = try TempDir("hostile-pst")
        defer { dir.remove() }
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: RepoPaths.root + "/Corpus/pst/dist-list.pst")))
        try dir.write("a-truncated.pst", bytes: Array(original.prefix(original.count / 3)))
        var noisy = original
        for i in stride(from: 4096, to: noisy.count, by: 997) { noisy[i] ^= 0x5A }
        try dir.write("b-noisy.pst", bytes: noisy)
        try dir.write("c-magic-only.pst", "!BDN and nothing else")
        try dir.write("d-sibling.txt", "pst.sibling@example.org\n")
        let (recorder, collector) = scanMail([dir.path])
        let status = collector.statuses
        XCTAssertEqual(status[dir.path + "/a-truncated.pst"], "error(corrupt)")
        XCTAssertEqual(status[dir.path + "/c-magic-only.pst"], "error(corrupt)")
        let noisyStatus = try XCTUnwrap(status[dir.path + "/b-noisy.pst"])
        XCTAssertTrue(["error(corrupt)", "partial(corrupt)", "complete"].contains(noisyStatus), noisyStatus)
        XCTAssertEqual(status[dir.path + "/d-sibling.txt"], "complete")
        XCTAssertTrue((recorder.text[dir.path + "/d-sibling.txt"] ?? "").contains("pst.sibling@example.org"))
    }

    func testMimePartCapComesFromContainerLimits() throws {
        let dir = try TempDir("mime-cap")
        defer { dir.remove() }
        var s = "From: a@example.com\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
        for i in 0..<20 { s += "--b\nContent-Type: text/plain\n\npart \(i)\n" }
        s += "--b--\n"
        try dir.write("twenty.eml", s)
        var limits = ContainerLimits()
        limits.maxMimeParts = 10
        XCTAssertEqual(scanMail([dir.path], limits: limits).1.statuses[dir.path + "/twenty.eml"], "partial(mime_parts)")
        XCTAssertEqual(scanMail([dir.path]).1.statuses[dir.path + "/twenty.eml"], "complete")
    }
}
