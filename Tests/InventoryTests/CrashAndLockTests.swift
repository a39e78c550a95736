import Foundation
import GRDB
import TestSupport
import XCTest

/// End-to-end: poison files, dead runs, the writer lock, file modes.
final class CrashAndLockTests: XCTestCase {
    func testPoisonFileIsQuarantinedAndSkippedUnlessRetried() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        let poison = try fx.write("hr/poison.txt", "gina@example.com\n")
        let died = try fx.scan(env: ["TRAWL_TEST_ABORT_ON": "poison.txt"])
        XCTAssertEqual(died.status, SIGABRT, "the test hook should abort the process: \(died.stderr)")

        let watcher = try OpenWatcher(tree: fx.tree)
        // The hook is still set: were poison.txt opened again, this run would abort too.
        let next = try fx.scan(env: ["TRAWL_TEST_ABORT_ON": "poison.txt"])
        XCTAssertEqual(next.status, 1, next.stderr)
        XCTAssertFalse(watcher.openedFiles().contains(poison), "a quarantined file was opened")
        let status: String? = try fx.query("SELECT status || '(' || reason || ')' FROM objects WHERE location = ?", [poison])
        XCTAssertEqual(status, "error(crashed)")
        let aborted: Int? = try fx.query("SELECT count(*) FROM runs WHERE status = 'aborted'")
        XCTAssertEqual(aborted, 1)
        let complete: Int? = try fx.query("SELECT count(*) FROM runs WHERE status = 'complete'")
        XCTAssertEqual(complete, 1)
        // Every other file's result is in the inventory.
        let others: Int? = try fx.query("SELECT count(*) FROM objects WHERE status = 'complete'")
        XCTAssertEqual(others, 5)

        // Still quarantined on the run after (no new crash needed).
        XCTAssertEqual(try fx.scan().status, 1)
        // --retry-crashed reads it again; without the hook it completes.
        let retried = try fx.scan(["--retry-crashed"])
        XCTAssertEqual(retried.status, 0, retried.stderr)
        XCTAssertTrue(retried.stdout.contains("g***@e***.com"), retried.stdout)
        let after: String? = try fx.query("SELECT status FROM objects WHERE location = ?", [poison])
        XCTAssertEqual(after, "complete")
    }

    func testDatabaseWALSHMAndJournalAre0600InA0700Directory() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        try fx.standardTree()
        // A run that dies leaves its WAL and SHM files behind, as trawl created them.
        let died = try fx.scan(env: ["TRAWL_TEST_ABORT_ON": "more.txt"])
        XCTAssertEqual(died.status, SIGABRT)
        func mode(_ p: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        XCTAssertEqual(try mode((fx.db as NSString).deletingLastPathComponent), 0o700)
        for suffix in ["", "-wal", "-shm", ".lock", ".inflight"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: fx.db + suffix), "missing \(suffix)")
            XCTAssertEqual(try mode(fx.db + suffix), 0o600, "mode of inventory\(suffix)")
        }
        XCTAssertEqual(try fx.scan().status, 1) // more.txt is now error(crashed)
    }

    func testTwoConcurrentRunsGiveOneWriterAndOneExit75() throws {
        let fx = try InventoryFixture()
        defer { fx.dir.remove() }
        // A few files and one large text file, so the first run is still reading when the second starts.
        for i in 0..<50 { try fx.write("d\(i % 5)/f\(i).txt", "line \(i) mail hal\(i)@example.com\n") }
        let big = try fx.write("big.txt", "")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        let block = Data(String(repeating: "ordinary filler text with no personal data in it at all\n", count: 18_000).utf8)
        for _ in 0..<200 { handle.write(block) } // about 200 MB
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: InventoryFixture.past], ofItemAtPath: big)
        let bin = try TrawlBinary.path()
        func start() throws -> (Process, Pipe) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: bin)
            p.arguments = ["scan", "--quiet", "--format", "jsonl", "--output", "/dev/null", "--key-file", fx.key, "--inventory", fx.db, fx.tree]
            var env = ProcessInfo.processInfo.environment
            env["TRAWL_PATTERNS"] = RepoPaths.patterns
            p.environment = env
            let err = Pipe()
            p.standardError = err
            try p.run()
            return (p, err)
        }
        let (a, aErr) = try start()
        // Wait until a holds the lock (its pid is in the lock file), then start b.
        let lockFile = fx.db + ".lock"
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !((try? String(contentsOfFile: lockFile, encoding: .utf8)) ?? "").contains("pid \(a.processIdentifier)") {
            usleep(5_000)
        }
        let (b, bErr) = try start()
        b.waitUntilExit()
        a.waitUntilExit()
        let bText = String(decoding: bErr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = aErr.fileHandleForReading.readDataToEndOfFile()
        XCTAssertEqual([a.terminationStatus, b.terminationStatus].sorted(), [0, 75])
        XCTAssertEqual(b.terminationStatus, 75)
        XCTAssertTrue(bText.contains("locked by another trawl run (pid \(a.processIdentifier) started 20"), bText)
        let runs: Int? = try fx.query("SELECT count(*) FROM runs")
        XCTAssertEqual(runs, 1, "the refused run must not have written a run")

        // Readers work while a writer holds the lock and has a write transaction open: hold
        // both here, deterministically.
        let lockFD = open(lockFile, O_RDWR)
        XCTAssertEqual(flock(lockFD, LOCK_EX | LOCK_NB), 0)
        let writer = try DatabaseQueue(path: fx.db)
        let inTransaction = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let writerThread = Thread {
            _ = try? writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "UPDATE runs SET status = 'running'")
                    inTransaction.signal()
                    release.wait()
                    return .rollback
                }
            }
        }
        writerThread.start()
        inTransaction.wait()
        let reader = try TrawlBinary.run(["inventory", "--inventory", fx.db])
        release.signal()
        XCTAssertEqual(reader.status, 0, reader.stderr)
        XCTAssertTrue(reader.stdout.contains("runs: 1"), reader.stdout)
        XCTAssertTrue(reader.stdout.contains("complete"), "the reader sees the last committed state: \(reader.stdout)")
        // --wait queues a second writer behind the holder.
        let started = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 1.5) { flock(lockFD, LOCK_UN); close(lockFD) }
        let waited = try fx.scan(["--wait", "60"])
        XCTAssertEqual(waited.status, 0, waited.stderr)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 1.4, "--wait did not wait for the lock")
    }
}
