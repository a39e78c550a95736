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

    func testCompleteScanReplacesFindingsPartialAndErrorKeepThem() throws {
        let store = try InventoryStore.openWriter(path: path)
        func run() throws -> Int64 { try store.beginRun(toolVersion: "t", rulesDigest: "r", limitsDigest: "l", roots: ["root"], startedNs: 0, changedOnly: false) }
        func write(_ run: Int64, _ status: ObjectStatus, _ fs: [StoredFinding]) throws {
            try store.write(run: run,
                            objects: [ObjectRecord(location: "root/a.txt", root: "root", status: status, findings: fs)], seenIDs: [])
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
