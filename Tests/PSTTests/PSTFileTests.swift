import Foundation
import PST
import TestSupport
import XCTest

/// Reads the java-libpst fixtures (see Fixtures/NOTICE.md) through libpff.
final class PSTFileTests: XCTestCase {
    static var fixtures: String { RepoPaths.root + "/Tests/PSTTests/Fixtures" }

    func items(_ file: PSTFile) throws -> [PSTItem] {
        var out: [PSTItem] = []
        try file.walk { out.append($0); return true }
        return out
    }

    func testDistListStore() throws {
        let file = try PSTFile(path: Self.fixtures + "/dist-list.pst")
        XCTAssertEqual(file.contentType, "pst")
        XCTAssertFalse(file.isPasswordProtected)
        XCTAssertFalse(file.isCorrupted)
        let all = try items(file)
        let appointment = try XCTUnwrap(all.first { $0.kind == .appointment })
        XCTAssertEqual(appointment.folderPath, ["Top of Personal Folders", "Calendar"])
        XCTAssertEqual(appointment.index, 1)
        XCTAssertEqual(appointment.subject, "Test appointment")
        XCTAssertEqual(appointment.plainBody?.trimmingCharacters(in: .whitespacesAndNewlines), "This is a complete test")
        // libpff hands the RTF body decompressed (LZFu), not as the compressed stream.
        XCTAssertEqual(appointment.rtfBody.map { Array($0.prefix(6)) }, Array("{\\rtf1".utf8))
        XCTAssertTrue(appointment.fields.contains { $0.label == "Recurrence pattern" && $0.value == "every Tuesday from 8:00 AM to 8:30 AM" })
        XCTAssertTrue(appointment.fields.contains { $0.label == "Time zone description" })
        XCTAssertEqual(appointment.attachments.count, 2)
        let contact = try XCTUnwrap(all.first { $0.kind == .contact })
        XCTAssertEqual(contact.folderPath, ["Top of Personal Folders", "Contacts"])
        XCTAssertEqual(contact.index, 2)
        XCTAssertTrue(contact.fields.contains { $0.label == "Display name" && $0.value == "contact name 1" })
        XCTAssertTrue(contact.fields.contains { $0.label == "Contact given name" && $0.value == "contact" })
        // Named properties are labelled through the store's name-to-id map.
        XCTAssertTrue(contact.fields.contains { $0.label == "Email 1 address" && $0.value == "contact1@rjohnson.id.au" })
        XCTAssertTrue(contact.fields.contains { $0.label == "File under" && $0.value == "1, contact name" })
        let list = try XCTUnwrap(all.first { $0.kind == .distributionList })
        XCTAssertEqual(list.subject, "test dist list")
        XCTAssertTrue(all.allSatisfy { $0.problems.isEmpty })
    }

    func testWalkStopsWhenAskedAndCountsFoldersOnce() throws {
        let file = try PSTFile(path: Self.fixtures + "/dist-list.pst")
        var seen = 0
        let stopped = try file.walk(shouldContinue: { false }) { _ in seen += 1; return true }
        XCTAssertEqual(seen, 0)
        XCTAssertEqual(stopped.folders, 0)
        let full = try file.walk { _ in true }
        XCTAssertEqual(full.visitedFolders.count, full.folders)
        XCTAssertEqual(full.items, 4) // appointment, distribution list, contact, free/busy data
        XCTAssertEqual(full.unreadableItems, 0)
    }

    func testPasswordedStoreIsReadAndFlagged() throws {
        let file = try PSTFile(path: Self.fixtures + "/passworded.pst")
        XCTAssertTrue(file.isPasswordProtected)
        let all = try items(file)
        XCTAssertTrue(all.contains { $0.kind == .contact && $0.fields.contains { $0.value == "contact1@rjohnson.id.au" } })
    }

    func testOpenFromMemoryGivesTheSameItems() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/dist-list.pst"))
        let fromDisk = try items(PSTFile(path: Self.fixtures + "/dist-list.pst"))
        let fromMemory = try data.withUnsafeBytes { try items(PSTFile(bytes: $0)) }
        XCTAssertEqual(fromMemory.map(\.subject), fromDisk.map(\.subject))
        XCTAssertEqual(fromMemory.map { $0.fields.map(\.value) }, fromDisk.map { $0.fields.map(\.value) })
    }

    func testNotAPSTThrowsATypedError() throws {
        let dir = try TempDir("pst")
        defer { dir.remove() }
        let path = try dir.write("fake.pst", "!BDN but nothing else")
        XCTAssertThrowsError(try PSTFile(path: path)) { error in
            let e = error as? PSTError
            XCTAssertEqual(e?.operation, "opening the file")
            XCTAssertEqual(e?.reason, "corrupt")
            XCTAssertTrue(e?.description.hasPrefix("libpff: ") ?? false)
            XCTAssertTrue(e?.description.hasSuffix(" - while opening the file") ?? false)
        }
    }

    /// Truncated and overwritten copies: libpff either refuses them or reads what it
    /// can; the process never crashes and never hangs.
    func testCorruptCopiesNeverCrash() throws {
        let dir = try TempDir("pst")
        defer { dir.remove() }
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/dist-list.pst")))
        var variants: [(String, [UInt8])] = []
        for fraction in [0.1, 0.25, 0.5, 0.75, 0.95] {
            variants.append(("truncated-\(fraction)", Array(original.prefix(Int(Double(original.count) * fraction)))))
        }
        var rng = SplitMix(seed: 42)
        for round in 0..<20 {
            var copy = original
            for _ in 0..<64 { copy[512 + Int(rng.next() % UInt64(copy.count - 512))] = UInt8(truncatingIfNeeded: rng.next()) }
            variants.append(("noise-\(round)", copy))
        }
        var opened = 0, refused = 0
        let started = Date()
        for (name, bytes) in variants {
            let path = try dir.write(name + ".pst", bytes: bytes)
            do {
                let file = try PSTFile(path: path)
                opened += 1
                _ = try? file.walk { _ in true }
            } catch {
                refused += 1
                XCTAssertEqual(error.reason, "corrupt")
            }
        }
        XCTAssertEqual(opened + refused, variants.count)
        XCTAssertGreaterThan(refused, 0, "a truncated store is refused")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }
}

/// A tiny deterministic generator for corruption offsets.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
