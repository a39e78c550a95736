import Foundation
import GRDB
import TestSupport
import XCTest

/// A tree of synthetic files, an inventory path and a key, and helpers to run trawl on them.
struct InventoryFixture {
    let dir: TempDir
    var tree: String { dir.path + "/tree" }
    var db: String { dbOverride ?? dir.path + "/state/inventory.sqlite" }
    /// Another database to read (snapshots of a reference run).
    var dbOverride: String?
    var key: String { dir.path + "/key" }

    /// A time well before any run: files stamped with it are not "too close to the run start".
    static let past = Date(timeIntervalSince1970: 1_600_000_000)

    init(_ label: String = "trawl-inv") throws { dir = try TempDir(label) }

    /// Writes a file under the tree, stamped `past` unless `now`.
    @discardableResult
    func write(_ rel: String, _ text: String, now: Bool = false) throws -> String {
        let p = try dir.write("tree/" + rel, text)
        if !now { try FileManager.default.setAttributes([.modificationDate: InventoryFixture.past], ofItemAtPath: p) }
        return p
    }

    /// A small tree: some files with findings, some without.
    func standardTree() throws {
        try write("hr/anna.txt", "Contact: anna.berg@example.com\nPhone +46 70 123 45 67\n")
        try write("hr/bob.txt", "bob.stone@example.org wrote on line one\n")
        try write("finance/iban.txt", "Pay to DE89370400440532013000 today\n")
        try write("notes/empty.txt", "nothing personal in here\n")
        try write("notes/deep/more.txt", "reach me at carla@example.net or 192.0.2.44\n")
    }

    /// `trawl scan` with the fixture's inventory and key, jsonl on stdout.
    func scan(_ extra: [String] = [], env: [String: String] = [:]) throws -> TrawlBinary.Run {
        try TrawlBinary.run(["scan", "--format", "jsonl", "--quiet", "--key-file", key, "--inventory", db] + extra + [tree],
                            environment: env)
    }

    /// Objects and live findings, without run ids or times: what two equivalent runs must agree on.
    func snapshot() throws -> [String] {
        let q = try DatabaseQueue(path: db)
        return try q.read { db in
            var out: [String] = []
            for r in try Row.fetchAll(db, sql: """
                SELECT location, root, device, inode, size, mtime_ns, content_digest, status, reason, stale, finding_count
                FROM objects WHERE status != 'deleted' ORDER BY location
                """) { out.append("O " + r.description) }
            for r in try Row.fetchAll(db, sql: """
                SELECT location, kind, detector, category, confidence, line, masked, fingerprint, count
                FROM findings WHERE removed_run IS NULL ORDER BY location, line, detector, fingerprint
                """) { out.append("F " + r.description) }
            return out
        }
    }

    /// One value from the inventory.
    func query<T: DatabaseValueConvertible>(_ sql: String, _ args: StatementArguments = []) throws -> T? {
        try DatabaseQueue(path: db).read { try T.fetchOne($0, sql: sql, arguments: args) }
    }

    /// Findings lines on stdout, without the raw value.
    static func lines(_ run: TrawlBinary.Run) -> [String] {
        run.stdout.split(separator: "\n").map(String.init)
    }
}

/// Small read helpers over an inventory file.
enum DatabaseQueueReader {
    static func strings(_ path: String, _ sql: String, _ args: StatementArguments = []) throws -> [String] {
        try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: sql, arguments: args) }
    }
}
