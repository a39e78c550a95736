import Foundation
import GRDB
@testable import Inventory
import ScanCore
import TestSupport
import XCTest

/// The store on its own: schema, pragmas, findings reconciliation, the lock.
final class InventoryStoreTests: XCTestCase {
    var dir: TempDir!
    var path: String { dir.path + "/inv/inventory.sqlite" }

    override func setUpWithError() throws { dir = try TempDir("trawl-store") }
    override func tearDown() { dir.remove() }

    func finding(_ loc: String, _ fp: String, line: Int, confidence: Double = 0.9) -> StoredFinding {
        StoredFinding(location: loc, kind: "email", detector: "email.1", category: "contact.email", confidence: confidence,
                      line: line, masked: "a***@e***.com", fingerprint: fp)
    }

    func testSchemaVersionPragmasAndStrictTables() throws {
        let store = try InventoryStore.openWriter(path: path)
        try store.queue.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA user_version"), InventorySchema.currentVersion)
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), 1)
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA secure_delete"), 1)
            for table in ["runs", "run_roots", "objects", "findings"] {
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT strict FROM pragma_table_list WHERE name = ?", arguments: [table]), 1, table)
            }
        }
        XCTAssertThrowsError(try store.queue.write { db in
            try db.execute(sql: "INSERT INTO objects(location, root, status, size) VALUES ('x', 'r', 'complete', 'not a number')")
        })
        XCTAssertThrowsError(try store.queue.write { db in
            try db.execute(sql: "INSERT INTO findings(object_id, location, kind, detector, category, confidence, masked, fingerprint, first_run) VALUES (999, 'x', 'k', 'd', 'c', 1.0, 'm', 'f', 1)")
        }, "foreign keys must be enforced")
    }

    /// Last seen runs: a sweep (complete walk of the root) covers every object it met without
    /// writing them; an object not met keeps the last run that saw it, also once deleted.
    func testLastSeenRunFollowsSweepsAndPinsObjectsNotSeen() throws {
        let store = try InventoryStore.openWriter(path: path)
        func run() throws -> Int64 { try store.beginRun(toolVersion: "t", rulesDigest: "r", limitsDigest: "l", roots: ["root"], startedNs: 0, changedOnly: false) }
        func finish(_ run: Int64, seen: Set<String>, confirm: Bool = false) throws -> DeletionReport {
            let known = try store.knownObjects(roots: ["root"])
            for loc in seen { if let n = known.find(loc) { known.markSeen(n) } }
            return try store.finishRun(run, roots: [RootOutcome(root: "root", device: 1, inode: 2, walkComplete: true, error: nil,
                                                                 unwalked: [], seenCount: seen.count)],
                                       known: known, confirmMassDelete: confirm)
        }
        func lastSeen() throws -> [String: Int64?] {
            try store.queue.read { db in
                var out: [String: Int64?] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT location, last_seen_run FROM objects_view") { out[row[0]] = row[1] as Int64? }
                return out
            }
        }
        let all = ["root/a", "root/b", "root/c", "root/d"]
        let r1 = try run()
        try store.write(run: r1, objects: all.map { ObjectRecord(location: $0, root: "root", status: .complete, findings: []) })
        _ = try finish(r1, seen: Set(all))
        XCTAssertEqual(try lastSeen(), ["root/a": 1, "root/b": 1, "root/c": 1, "root/d": 1])
        // Run 2 sees all but d: d is pinned at 1; the deletion (1 of 4) goes ahead.
        let r2 = try run()
        let report = try finish(r2, seen: ["root/a", "root/b", "root/c"])
        XCTAssertEqual(report.deleted["root"], 1)
        XCTAssertEqual(try lastSeen(), ["root/a": 2, "root/b": 2, "root/c": 2, "root/d": 1])
        // Run 3 loses b and c (half the root): deletions are held, both pinned at 2.
        let r3 = try run()
        XCTAssertNotNil(try finish(r3, seen: ["root/a"]).held["root"])
        XCTAssertEqual(try lastSeen(), ["root/a": 3, "root/b": 2, "root/c": 2, "root/d": 1])
        // Run 4 (killed: never finished) reads c again; run 5 sees a, b and c: pins lifted.
        let r4 = try run()
        try store.write(run: r4, objects: [ObjectRecord(location: "root/c", root: "root", status: .complete, findings: [])])
        XCTAssertEqual(try lastSeen()["root/c"], 4)
        let r5 = try run()
        _ = try finish(r5, seen: ["root/a", "root/b", "root/c"])
        XCTAssertEqual(try lastSeen(), ["root/a": 5, "root/b": 5, "root/c": 5, "root/d": 1])
        let pinned = try store.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM object_seen WHERE missed = 1") }
        XCTAssertEqual(pinned, 1, "only the deleted object stays pinned")
    }

    /// A version 1 inventory (one `object_seen` row per object, rewritten every run) keeps
    /// its last seen runs through the migration.
    func testMigrationFromVersion1KeepsLastSeenRuns() throws {
        try InventoryLocation.prepare(path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: InventorySchema.migrations[0])
            try db.execute(sql: "PRAGMA user_version = 1")
            try db.execute(sql: """
                INSERT INTO runs(id, started_ns, status, pid, tool_version, rules_digest, limits_digest, roots) VALUES
                  (1, 0, 'complete', 1, 't', 'r', 'l', '["root"]'), (2, 0, 'complete', 1, 't', 'r', 'l', '["root"]');
                INSERT INTO run_roots(run_id, root, walk_complete) VALUES (1, 'root', 1), (2, 'root', 1);
                INSERT INTO objects(id, location, root, status, last_scanned_run) VALUES (1, 'root/a', 'root', 'complete', 1),
                  (2, 'root/gone', 'root', 'complete', 1);
                INSERT INTO object_seen(object_id, last_seen_run) VALUES (1, 2), (2, 1);
                """)
        }
        try queue.close()
        let store = try InventoryStore.openWriter(path: path)
        let seen = try store.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT location, last_seen_run FROM objects_view ORDER BY location").map { "\($0[0] as String)=\($0[1] as Int64)" }
        }
        XCTAssertEqual(seen, ["root/a=2", "root/gone=1"])
    }

    func testExistingFilesOpenToOthersAreNarrowedTo0600() throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        for p in [path, path + ".lock"] { FileManager.default.createFile(atPath: p, contents: nil, attributes: [.posixPermissions: 0o644]) }
        let store = try InventoryStore.openWriter(path: path)
        for p in [path, path + ".lock"] {
            XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? NSNumber)?.intValue, 0o600, p)
        }
        _ = store
    }

    func testNewerSchemaIsRefused() throws {
        do { let s = try InventoryStore.openWriter(path: path); try s.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") } }
        XCTAssertThrowsError(try InventoryStore.openWriter(path: path)) { e in
            XCTAssertEqual("\(e)", "inventory \(path) has schema version 99, newer than this trawl understands")
        }
    }

    func testSecondWriterIsRefusedWithTheHolder() throws {
        let first = try InventoryStore.openWriter(path: path)
        XCTAssertThrowsError(try InventoryStore.openWriter(path: path)) { e in
            guard case InventoryError.locked(_, let holder) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(holder.hasPrefix("pid \(getpid()) started 20"), holder)
        }
        _ = first
    }

    /// The holder's start time is written without Foundation's formatter: the same text.
    func testLockStampMatchesISO8601() {
        let formatter = ISO8601DateFormatter()
        for t in [0, 59, 951_782_400, 1_795_459_502, 4_102_444_799] {
            XCTAssertEqual(WriterLock.utcStamp(time_t(t)), formatter.string(from: Date(timeIntervalSince1970: Double(t))), "\(t)")
        }
    }

    func testCompleteScanReplacesFindingsPartialAndErrorKeepThem() throws {
        let store = try InventoryStore.openWriter(path: path)
        func run() throws -> Int64 { try store.beginRun(toolVersion: "t", rulesDigest: "r", limitsDigest: "l", roots: ["root"], startedNs: 0, changedOnly: false) }
        func write(_ run: Int64, _ status: ObjectStatus, _ fs: [StoredFinding]) throws {
            try store.write(run: run,
                            objects: [ObjectRecord(location: "root/a.txt", root: "root", status: status, findings: fs)])
        }
        func live() throws -> [String] {
            let id = try store.knownObjects(roots: ["root"])["root/a.txt"]!.id
            return try store.liveFindings(objectID: id).map { "\($0.fingerprint)@\($0.line ?? 0)" }
        }
        let r1 = try run()
        try write(r1, .complete, [finding("root/a.txt", "A", line: 1), finding("root/a.txt", "B", line: 2)])
        XCTAssertEqual(try live(), ["A@1", "B@2"])
        let r2 = try run()
        try write(r2, .complete, [finding("root/a.txt", "B", line: 2), finding("root/a.txt", "C", line: 3)])
        XCTAssertEqual(try live(), ["B@2", "C@3"])
        let r3 = try run()
        try write(r3, .partial("regex_limit"), [finding("root/a.txt", "D", line: 4)])
        XCTAssertEqual(try live(), ["B@2", "C@3", "D@4"], "a partial scan must not drop findings it did not see again")
        let r4 = try run()
        try write(r4, .error("permission"), [])
        XCTAssertEqual(try live(), ["B@2", "C@3", "D@4"], "an unreadable object keeps its findings")
        let known = try store.knownObjects(roots: ["root"])["root/a.txt"]!
        XCTAssertEqual(known.status, "error")
        let stale = try store.queue.read { try Int.fetchOne($0, sql: "SELECT stale FROM objects") }
        XCTAssertEqual(stale, 1)
        // History: the end of run 1 still shows A and B.
        XCTAssertEqual(try store.findingKeys(liveAt: r1).count, 2)
        let diff = try InventoryDiff.compute(store, from: r1, to: r4)
        XCTAssertEqual(diff.changes.map(\.change).sorted(), ["new", "new", "removed"])
    }

    func testIdenticalFindingsFoldIntoACount() {
        let f = Finding(location: "x", kind: "email", detector: "email.1", category: "contact.email", confidence: 1, line: 3,
                        masked: "m", fingerprint: "F", value: "secret")
        let folded = StoredFinding.fold([f, f, f])
        XCTAssertEqual(folded.count, 1)
        XCTAssertEqual(folded.first?.count, 3)
        XCTAssertEqual(folded.first?.finding.value, "", "a stored finding carries no raw value")
    }

    func testInflightJournalRoundTrip() throws {
        try InventoryLocation.prepare(path)
        let j = try InflightJournal(path: path + ".inflight")
        XCTAssertEqual(j.leftovers(), [])
        j.begin(location: "root/x.txt", root: "root", device: 7, inode: 8, size: 9, mtimeNs: 10)
        XCTAssertEqual(j.leftovers(), [InflightJournal.Entry(location: "root/x.txt", root: "root", device: 7, inode: 8, size: 9, mtimeNs: 10, crashed: false)])
        j.end()
        XCTAssertEqual(j.leftovers(), [])
    }
}
