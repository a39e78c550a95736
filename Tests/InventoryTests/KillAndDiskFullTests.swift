import Foundation
import GRDB
import TestSupport
import XCTest

/// SplitMix64: a small seeded generator, so a failing seed can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// End-to-end: SIGKILL at random moments, and a full disk under the database.
final class KillAndDiskFullTests: XCTestCase {
    /// Seeds for the kill property (each costs three runs of the binary).
    static let seeds: [UInt64] = Array(1...20)

    /// A random tree: text files with and without findings, an empty file, a binary file.
    func generateTree(_ fx: InventoryFixture, seed: UInt64) throws {
        var rng = SeededRandom(state: seed)
        let count = Int.random(in: 300...600, using: &rng)
        let names = ["ada", "bo", "cy", "di", "ed", "flo", "gus"]
        for i in 0..<count {
            var text = ""
            for line in 0..<Int.random(in: 1...40, using: &rng) {
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: text += "write to \(names.randomElement(using: &rng)!)\(i)@example.com please\n"
                case 1: text += "IBAN DE89370400440532013000 for invoice \(line)\n"
                case 2: text += "server 192.0.2.\(Int.random(in: 1...254, using: &rng)) answered\n"
                default: text += "ordinary line \(line) of file \(i) with nothing personal\n"
                }
            }
            try fx.write("d\(i % 7)/s\(i % 3)/f\(i).txt", text)
        }
        try fx.write("empty.txt", "")
        let bin = try fx.dir.write("tree/blob.bin", bytes: (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) })
        try FileManager.default.setAttributes([.modificationDate: InventoryFixture.past], ofItemAtPath: bin)
    }

    func integrity(_ path: String) throws -> String {
        try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "?" }
    }

    func testSIGKILLAtRandomMomentsLeavesAnIntactDatabaseAndTheSameFinalInventory() throws {
        let bin = try TrawlBinary.path()
        var killedMidRun = 0
        defer {
            // The property only means something if some kills land after commits and before the end.
            XCTAssertGreaterThan(killedMidRun, 0, "no seed was killed between commits")
            print("kill property: \(killedMidRun) of \(KillAndDiskFullTests.seeds.count) runs were killed after some commits and before completing")
        }
        for seed in KillAndDiskFullTests.seeds {
            let fx = try InventoryFixture("trawl-kill")
            defer { fx.dir.remove() }
            try generateTree(fx, seed: seed)
            // The reference: one uninterrupted run into its own inventory.
            let refDB = fx.dir.path + "/ref/inventory.sqlite"
            let t0 = Date()
            let ref = try TrawlBinary.run(["scan", "--quiet", "--format", "jsonl", "--output", "/dev/null", "--key-file", fx.key, "--inventory", refDB, fx.tree])
            let duration = Date().timeIntervalSince(t0)
            XCTAssertEqual(ref.status, 0, "seed \(seed): \(ref.stderr)")
            let reference = try InventoryFixture.snapshot(db: refDB)

            // The same run, killed after a random delay within (and a little past) that duration.
            var rng = SeededRandom(state: seed &* 7919)
            let delay = Double.random(in: 0...(duration * 1.1), using: &rng)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: bin)
            p.arguments = ["scan", "--quiet", "--format", "jsonl", "--output", "/dev/null", "--key-file", fx.key, "--inventory", fx.db, fx.tree]
            var env = ProcessInfo.processInfo.environment
            env["TRAWL_PATTERNS"] = RepoPaths.patterns
            env["TRAWL_INVENTORY_BATCH"] = "2" // many commits, so kills land between them
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(useconds_t(delay * 1e6))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            guard FileManager.default.fileExists(atPath: fx.db) else { continue } // killed before it created anything
            XCTAssertEqual(try integrity(fx.db), "ok", "seed \(seed), killed after \(delay) s")
            let committed = try DatabaseQueue(path: fx.db).read { db -> Int in
                guard try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'runs'") == 1 else { return 0 }
                let complete = try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE status = 'complete'") ?? 0
                return complete > 0 ? -1 : (try Int.fetchOne(db, sql: "SELECT count(*) FROM objects") ?? 0)
            }
            if committed > 0 { killedMidRun += 1 }

            let next = try fx.scan(["--output", "/dev/null"])
            XCTAssertEqual(next.status, 0, "seed \(seed): \(next.stderr)")
            XCTAssertEqual(try fx.snapshot(), reference, "seed \(seed), killed after \(delay) s")
            let statuses: [String] = try DatabaseQueue(path: fx.db).read { try String.fetchAll($0, sql: "SELECT status FROM runs ORDER BY id") }
            XCTAssertEqual(statuses.last, "complete", "seed \(seed)")
            XCTAssertFalse(statuses.contains("running"), "seed \(seed): a dead run is still marked running")
        }
    }

    func testDiskFullEndsWithExit74AndKeepsTheLastCompleteState() throws {
        let fx = try InventoryFixture("trawl-full")
        defer { fx.dir.remove() }
        let mountPoint = fx.dir.path + "/state"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mount = try Process.run(URL(fileURLWithPath: "/bin/mount"), arguments: ["-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", mountPoint])
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)") }
        defer { _ = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [mountPoint]).waitUntilExit() }

        try fx.standardTree()
        let first = try fx.scan()
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try fx.snapshot()
        // Far more findings than 256 KiB can hold.
        for i in 0..<1500 {
            try fx.write("bulk/f\(i).txt", (0..<8).map { "person\(i)x\($0)@example.com line\n" }.joined())
        }
        let full = try fx.scan()
        XCTAssertEqual(full.status, 74, full.stderr)
        XCTAssertTrue(full.stderr.contains("disk full"), full.stderr)
        XCTAssertTrue(full.stderr.contains("the last complete state is kept"), full.stderr)
        XCTAssertEqual(try integrity(fx.db), "ok")
        // Every finding of the last complete run is still live; nothing was deleted or cleaned.
        let q = try DatabaseQueue(path: fx.db)
        let lastComplete = try q.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM runs WHERE status = 'complete'") }
        XCTAssertEqual(lastComplete, 1)
        let removed = try q.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM findings WHERE removed_run IS NOT NULL") }
        XCTAssertEqual(removed, 0)
        let deleted = try q.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM objects WHERE status = 'deleted'") }
        XCTAssertEqual(deleted, 0)
        let kept = try fx.snapshot().filter { line in before.contains(line) }
        XCTAssertEqual(kept.count, before.count, "a row of the last complete state changed")
        // With the bulk gone again, the next run completes.
        try FileManager.default.removeItem(atPath: fx.tree + "/bulk")
        let after = try fx.scan()
        XCTAssertEqual(after.status, 0, after.stderr)
    }
}

extension InventoryFixture {
    /// `snapshot()` of another database.
    static func snapshot(db: String) throws -> [String] {
        var copy = try InventoryFixture("trawl-snap")
        defer { copy.dir.remove() }
        copy.dbOverride = db
        return try copy.snapshot()
    }
}
