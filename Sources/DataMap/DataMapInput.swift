import Foundation
import GRDB

/// What a report is computed from: live objects, live findings and runs of an inventory.
/// Read once through a read-only connection (no writer lock: works while a scan runs).
public struct DataMapInput: Sendable {
    /// One object (file, or container member recorded as its own object).
    public struct Object: Sendable {
        public var location: String, root: String
        public var size: Int64?, mtimeNs: Int64?
        /// `complete`, `partial`, `skipped` or `error`, and why.
        public var status: String, reason: String?
        public init(location: String, root: String, size: Int64?, mtimeNs: Int64?, status: String, reason: String?) {
            self.location = location; self.root = root; self.size = size; self.mtimeNs = mtimeNs; self.status = status; self.reason = reason
        }
    }
    /// One live finding: masked preview and keyed fingerprint only (no raw value exists in the inventory).
    public struct Finding: Sendable {
        /// Location of the object that holds it, and of the finding itself (with `!/member`).
        public var object: String, location: String
        public var kind: String, category: String, fingerprint: String
        /// Identical findings folded into this one.
        public var count: Int
        public init(object: String, location: String, kind: String, category: String, fingerprint: String, count: Int) {
            self.object = object; self.location = location; self.kind = kind; self.category = category; self.fingerprint = fingerprint; self.count = count
        }
    }
    /// One run, with the findings live at its end, by category (findings, distinct fingerprints).
    public struct Run: Sendable {
        public var id: Int64, status: String, startedNs: Int64
        public var byCategory: [String: (findings: Int, distinct: Int)]
        public init(id: Int64, status: String, startedNs: Int64, byCategory: [String: (findings: Int, distinct: Int)]) {
            self.id = id; self.status = status; self.startedNs = startedNs; self.byCategory = byCategory
        }
    }

    public var objects: [Object]
    public var findings: [Finding]
    public var runs: [Run]

    public init(objects: [Object], findings: [Finding], runs: [Run]) {
        self.objects = objects; self.findings = findings; self.runs = runs
    }

    /// Schema versions this reader understands (the inventory's `PRAGMA user_version`):
    /// version 2 changed only how the last seen run is kept, which reports do not read.
    static let schemaVersions = 1...2

    /// Reads an inventory file read-only, in one snapshot. `maxRuns`: the trend covers the latest runs only.
    public static func load(path: String, maxRuns: Int = 20) throws -> DataMapInput {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: config)
        return try queue.read { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            guard schemaVersions.contains(version) else { throw DataMapError.schema(version) }
            let objects = try Row.fetchAll(db, sql: """
                SELECT location, root, size, mtime_ns, status, reason FROM objects WHERE status != 'deleted' ORDER BY location
                """).map { Object(location: $0[0], root: $0[1], size: $0[2], mtimeNs: $0[3], status: $0[4], reason: $0[5]) }
            let findings = try Row.fetchAll(db, sql: """
                SELECT o.location, f.location, f.kind, f.category, f.fingerprint, f.count
                FROM findings f JOIN objects o ON o.id = f.object_id
                WHERE f.removed_run IS NULL AND o.status != 'deleted' ORDER BY f.id
                """).map { Finding(object: $0[0], location: $0[1], kind: $0[2], category: $0[3], fingerprint: $0[4], count: $0[5]) }
            let runRows = try Row.fetchAll(db, sql: "SELECT id, status, started_ns FROM (SELECT * FROM runs ORDER BY id DESC LIMIT ?) ORDER BY id",
                                           arguments: [maxRuns])
            var runs: [Run] = []
            for r in runRows {
                let id: Int64 = r[0]
                var by: [String: (findings: Int, distinct: Int)] = [:]
                for c in try Row.fetchAll(db, sql: """
                    SELECT category, sum(count), count(DISTINCT fingerprint) FROM findings
                    WHERE first_run <= ? AND (removed_run IS NULL OR removed_run > ?) GROUP BY category
                    """, arguments: [id, id]) {
                    by[c[0]] = (findings: c[1], distinct: c[2])
                }
                runs.append(Run(id: id, status: r[1], startedNs: r[2], byCategory: by))
            }
            return DataMapInput(objects: objects, findings: findings, runs: runs)
        }
    }
}

/// Errors of the report (messages never carry a personal value).
public enum DataMapError: Error, CustomStringConvertible {
    case schema(Int)
    case policy(String)
    case output(String)

    public var description: String {
        switch self {
        case .schema(let v): return "inventory schema version \(v) is not one this trawl reads (\(DataMapInput.schemaVersions.lowerBound)-\(DataMapInput.schemaVersions.upperBound))"
        case .policy(let m): return "policy: \(m)"
        case .output(let m): return "output: \(m)"
        }
    }
}
