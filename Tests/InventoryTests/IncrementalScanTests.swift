import Foundation
import GRDB
import TestSupport
import XCTest

/// End-to-end: the built binary against a tree and an inventory, run after run.
final class IncrementalScanTests: XCTestCase {
    func testUnchangedTreeReadsNoFileContentsAndKeepsTheInventory() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        let first = try fx.scan()
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("\"kind\":\"iban\""), first.stdout)
        let before = try fx.snapshot()

        let watcher = try OpenWatcher(tree: fx.tree)
        let second = try fx.scan()
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(watcher.openedFiles(), [], "an unchanged tree must not be read")
        XCTAssertEqual(try fx.snapshot(), before)
        // Replayed findings print exactly as found: same masked preview, fingerprint, line.
        // (Workers finish files in any order, so compare the lines as sets.)
        XCTAssertEqual(InventoryFixture.lines(second).sorted(), InventoryFixture.lines(first).sorted())
        XCTAssertGreaterThanOrEqual(InventoryFixture.lines(second).count, 5)
        let runs: Int? = try fx.query("SELECT count(*) FROM runs WHERE status = 'complete'")
        XCTAssertEqual(runs, 2)
        // Every object was seen by run 2, though only run 1 read it.
        let seen: [String] = try DatabaseQueueReader.strings(fx.db, "SELECT DISTINCT last_seen_run || '/' || last_scanned_run FROM objects_view")
        XCTAssertEqual(seen, ["2/1"])
    }

    func testTouchingOneFileRescansOnlyIt() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        XCTAssertEqual(try fx.scan().status, 0)
        let touched = try fx.write("hr/bob.txt", "bob.stone@example.org wrote on line one\nand dan@example.com too\n")
        let watcher = try OpenWatcher(tree: fx.tree)
        let run = try fx.scan()
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(watcher.openedFiles(), [touched])
        XCTAssertTrue(run.stdout.contains("d***@e***.com"), run.stdout)
        let live: Int? = try fx.query("SELECT count(*) FROM findings WHERE location = ? AND removed_run IS NULL", [touched])
        XCTAssertEqual(live, 2)
    }

    func testChangedRulesRescanEverything() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        XCTAssertEqual(try fx.scan().status, 0)
        let watcher = try OpenWatcher(tree: fx.tree)
        XCTAssertEqual(try fx.scan(["--min-confidence", "0.6"]).status, 0)
        XCTAssertEqual(Set(watcher.openedFiles()).count, 5, "a new rules digest must read every file again")
    }

    func testFileTooCloseToTheRunStartIsReadAgainNextTime() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        let fresh = try fx.write("fresh.txt", "eve@example.com\n", now: true)
        XCTAssertEqual(try fx.scan().status, 0)
        let watcher = try OpenWatcher(tree: fx.tree)
        XCTAssertEqual(try fx.scan().status, 0)
        XCTAssertEqual(watcher.openedFiles(), [fresh])
    }

    func testDeletedFileLosesItsFindingsOnlyAfterACompleteRun() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        for i in 0..<6 { try fx.write("bulk/f\(i).txt", "plain text \(i)\n") }
        XCTAssertEqual(try fx.scan().status, 0)
        let gone = fx.tree + "/hr/anna.txt"
        try FileManager.default.removeItem(atPath: gone)
        // A run that dies before the end (a file aborts the process) must not delete anything.
        try fx.write("zz/poison.txt", "x\n")
        let died = try fx.scan(env: ["TRAWL_TEST_ABORT_ON": "poison.txt"])
        XCTAssertNotEqual(died.status, 0)
        let stillLive: Int? = try fx.query("SELECT count(*) FROM findings WHERE location = ? AND removed_run IS NULL", [gone])
        XCTAssertEqual(stillLive, 2, "an incomplete run removed findings")
        // The next complete run does.
        let done = try fx.scan()
        XCTAssertEqual(done.status, 1, done.stderr) // poison.txt is quarantined: error(crashed)
        let live: Int? = try fx.query("SELECT count(*) FROM findings WHERE location = ? AND removed_run IS NULL", [gone])
        XCTAssertEqual(live, 0)
        let status: String? = try fx.query("SELECT status FROM objects WHERE location = ?", [gone])
        XCTAssertEqual(status, "deleted")
    }

    func testMassDisappearanceIsHeldBackUntilConfirmed() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        XCTAssertEqual(try fx.scan().status, 0)
        for rel in ["hr/anna.txt", "hr/bob.txt", "finance/iban.txt"] { try FileManager.default.removeItem(atPath: fx.tree + "/" + rel) }
        let held = try TrawlBinary.run(["scan", "--format", "jsonl", "--key-file", fx.key, "--inventory", fx.db, fx.tree])
        XCTAssertEqual(held.status, 0, held.stderr)
        XCTAssertTrue(held.stderr.contains("deletions under \(fx.tree) not recorded: 3 of 5 objects disappeared"), held.stderr)
        let deletedAfterHeld: Int? = try fx.query("SELECT count(*) FROM objects WHERE status = 'deleted'")
        XCTAssertEqual(deletedAfterHeld, 0)
        XCTAssertEqual(try fx.scan(["--confirm-mass-delete"]).status, 0)
        let deleted: Int? = try fx.query("SELECT count(*) FROM objects WHERE status = 'deleted'")
        XCTAssertEqual(deleted, 3)
    }

    func testRevealReadsEveryFileAgain() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        XCTAssertEqual(try fx.scan().status, 0)
        let watcher = try OpenWatcher(tree: fx.tree)
        let run = try fx.scan(["--reveal"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(Set(watcher.openedFiles()).count, 5)
        XCTAssertTrue(run.stdout.contains("\"value\":\"DE89370400440532013000\""), run.stdout)
        // ...and the raw value never reaches the inventory.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fx.db))
        XCTAssertNil(bytes.range(of: Data("DE89370400440532013000".utf8)))
        XCTAssertNil(bytes.range(of: Data("anna.berg@example.com".utf8)))
    }

    func testChangedOnlyPrintsNewFindings() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        XCTAssertEqual(try fx.scan().status, 0)
        try fx.write("hr/new.txt", "frank@example.com\n")
        let run = try fx.scan(["--changed-only"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = InventoryFixture.lines(run)
        XCTAssertEqual(lines.count, 1, run.stdout)
        XCTAssertTrue(lines.first?.contains("hr/new.txt") ?? false)
        let quiet = try fx.scan(["--changed-only"])
        XCTAssertEqual(quiet.stdout, "")
    }

    func testDiffShowsNewRemovedAndChanged() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        XCTAssertEqual(try fx.scan().status, 0)
        try fx.write("hr/bob.txt", "\n\nbob.stone@example.org moved down\n")        // changed (line 1 -> 3)
        try fx.write("finance/iban.txt", "no more bank details\n")                    // removed
        try fx.write("hr/new.txt", "frank@example.com\n")                             // new
        XCTAssertEqual(try fx.scan().status, 0)
        let diff = try TrawlBinary.run(["diff", "--inventory", fx.db])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        let lines = InventoryFixture.lines(diff)
        XCTAssertEqual(lines.filter { $0.hasPrefix("+ ") }.count, 1, diff.stdout)
        XCTAssertEqual(lines.filter { $0.hasPrefix("- ") }.count, 1, diff.stdout)
        XCTAssertEqual(lines.filter { $0.hasPrefix("~ ") }.count, 1, diff.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("- \(fx.tree)/finance/iban.txt:1  financial.bank_account  iban") }, diff.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("~ \(fx.tree)/hr/bob.txt:3  contact.email") && $0.contains("was line 1") }, diff.stdout)
        let summary = try TrawlBinary.run(["inventory", "--inventory", fx.db])
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertTrue(summary.stdout.contains("runs: 2"), summary.stdout)
        XCTAssertTrue(summary.stdout.contains("  complete: 6"), summary.stdout)
        XCTAssertTrue(summary.stdout.contains("  contact.email: 4"), summary.stdout)
        let noSuchRun = try TrawlBinary.run(["diff", "--inventory", fx.db, "--since", "99"])
        XCTAssertEqual(noSuchRun.status, 2)
    }

    func testUnreadableFileKeepsItsFindingsStale() throws {
        // Root reads any file: run trawl as `nobody` (as BadInputTests does) so that a
        // permission error is real.
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("needs root and setpriv to run trawl as another user")
        }
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        let bin = fx.dir.path + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try TrawlBinary.path(), toPath: bin + "/trawl")
        try FileManager.default.copyItem(atPath: RepoPaths.patterns, toPath: bin + "/Patterns")
        let state = fx.dir.path + "/shared"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        for p in [fx.dir.path, bin] { chmod(p, 0o755) }
        _ = try Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "a+rX", bin, fx.tree]).waitUntilExit()
        let db = state + "/inv/inventory.sqlite"
        func scanAsNobody() throws -> Int32 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            p.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", bin + "/trawl", "scan", "--quiet",
                           "--format", "jsonl", "--output", "/dev/null", "--key-file", state + "/key", "--inventory", db, fx.tree]
            p.currentDirectoryURL = URL(fileURLWithPath: "/")
            p.environment = ["TRAWL_PATTERNS": bin + "/Patterns", "PATH": "/usr/bin:/bin"]
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            return p.terminationStatus
        }
        XCTAssertEqual(try scanAsNobody(), 0)
        let p = fx.tree + "/hr/anna.txt"
        chmod(p, 0)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_100)], ofItemAtPath: p)
        XCTAssertEqual(try scanAsNobody(), 1, "an unreadable file is a per-object error")
        let q = try DatabaseQueue(path: db)
        let row = try q.read { try Row.fetchOne($0, sql: "SELECT status, reason, stale, finding_count FROM objects WHERE location = ?", arguments: [p]) }
        XCTAssertEqual(row?["status"], "error")
        XCTAssertEqual(row?["reason"], "permission")
        XCTAssertEqual(row?["stale"], 1)
        XCTAssertEqual(row?["finding_count"], 2)
        let live = try q.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM findings WHERE location = ? AND removed_run IS NULL", arguments: [p]) }
        XCTAssertEqual(live, 2, "the last findings of an unreadable file are kept")
        // Readable again: read again (an error is never replayed), no longer stale.
        chmod(p, 0o644)
        XCTAssertEqual(try scanAsNobody(), 0)
        let stale = try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT stale FROM objects WHERE location = ?", arguments: [p]) }
        XCTAssertEqual(stale, 0)
    }
}

/// Content already scanned under another name.
final class ContentReuseTests: XCTestCase {
    func testACopyReusesTheFindingsOfTheSameContent() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        XCTAssertEqual(try fx.scan().status, 0)
        let text = try String(contentsOfFile: fx.tree + "/hr/anna.txt", encoding: .utf8)
        let copy = try fx.write("archive/anna-copy.txt", text)
        let run = try TrawlBinary.run(["scan", "--format", "jsonl", "--key-file", fx.key, "--inventory", fx.db, fx.tree])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("1 with the content of an object already scanned"), run.stderr)
        let original: [String] = try DatabaseQueueReader.strings(fx.db, "SELECT fingerprint || line FROM findings WHERE location = ? AND removed_run IS NULL ORDER BY id", [fx.tree + "/hr/anna.txt"])
        let copied: [String] = try DatabaseQueueReader.strings(fx.db, "SELECT fingerprint || line FROM findings WHERE location = ? AND removed_run IS NULL ORDER BY id", [copy])
        XCTAssertEqual(copied, original)
        XCTAssertEqual(copied.count, 2)
        XCTAssertEqual(run.stdout.split(separator: "\n").filter { $0.contains("anna-copy.txt") }.count, 2)
    }
}

/// Containers: findings of inner objects belong to the top-level file.
final class ContainerInventoryTests: XCTestCase {
    func testAnUnchangedArchiveIsNotOpenedAndItsInnerFindingsAreReplayed() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        let zipBytes = try ArchiveFixture.make([("hr/cv.txt", "mail: ines.cruz@example.com\n"), ("notes.txt", "nothing\n")], format: "zip")
        let zip = try fx.dir.write("tree/archive/2023.zip", bytes: zipBytes)
        try FileManager.default.setAttributes([.modificationDate: InventoryFixture.past], ofItemAtPath: zip)
        // The same archive under another name: containers get no content digest, so it is read.
        let copy = try fx.dir.write("tree/archive/copy.zip", bytes: zipBytes)
        try FileManager.default.setAttributes([.modificationDate: InventoryFixture.past], ofItemAtPath: copy)
        let first = try fx.scan()
        XCTAssertEqual(first.status, 0, first.stderr)
        let inner = InventoryFixture.lines(first).filter { $0.contains("2023.zip!/hr/cv.txt") }
        XCTAssertEqual(inner.count, 1, first.stdout)
        let stored: [String] = try DatabaseQueueReader.strings(fx.db, """
            SELECT f.location FROM findings f JOIN objects o ON o.id = f.object_id WHERE o.location = ? AND f.removed_run IS NULL
            """, [zip])
        XCTAssertEqual(stored, [zip + "!/hr/cv.txt"], "an inner finding is stored under its top-level file")
        let digest: String? = try fx.query("SELECT content_digest FROM objects WHERE location = ?", [zip])
        XCTAssertNil(digest)

        let watcher = try OpenWatcher(tree: fx.tree)
        let second = try fx.scan()
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(watcher.openedFiles(), [])
        XCTAssertEqual(InventoryFixture.lines(second).filter { $0.contains("2023.zip!/hr/cv.txt") }, inner)
    }
}
