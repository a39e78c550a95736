import Foundation
import GRDB

/// What the end of a run decided about deletions, per root.
public struct DeletionReport: Sendable {
    /// Objects marked deleted, by root.
    public var deleted: [String: Int] = [:]
    /// Roots whose deletions were held back, with the reason.
    public var held: [String: String] = [:]
}

extension InventoryStore {
    /// Ends a complete run: for each root whose walk completed, marks objects not seen as
    /// deleted (their findings removed) unless a safety rule holds them back, records the
    /// roots, and sets the run `complete`, all in one transaction.
    public func finishRun(_ run: Int64, roots: [RootOutcome], known: [String: KnownObject],
                          confirmMassDelete: Bool) throws -> DeletionReport {
        var report = DeletionReport()
        try guarded("finishing the run") {
            try queue.write { db in
                // Every object of these roots was seen this run except the known ones not walked:
                // one statement over the narrow table instead of one update per object.
                let seenKnown = roots.first?.seenKnown ?? []
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS unseen(id INTEGER PRIMARY KEY)")
                try db.execute(sql: "DELETE FROM temp.unseen")
                let addUnseen = try db.cachedStatement(sql: "INSERT INTO temp.unseen(id) VALUES (?)")
                for o in known.values where !seenKnown.contains(o.id) { try addUnseen.execute(arguments: [o.id]) }
                for r in roots {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO object_seen(object_id, last_seen_run)
                        SELECT id, ? FROM objects WHERE root = ? AND status != 'deleted' AND id NOT IN (SELECT id FROM temp.unseen)
                        """, arguments: [run, r.root])
                }
                for r in roots {
                    var deletions = 0
                    var held: String?
                    if r.walkComplete && r.error == nil {
                        let previous = try Row.fetchOne(db, sql: """
                            SELECT device, inode FROM run_roots WHERE root = ? AND walk_complete = 1 AND run_id < ? ORDER BY run_id DESC LIMIT 1
                            """, arguments: [r.root, run])
                        let candidates = known.filter { loc, o in
                            o.root == r.root && !r.seenKnown.contains(o.id) && !r.unwalked.contains { loc == $0 || loc.hasPrefix($0 + "/") || loc.hasPrefix($0 + "!/") }
                        }
                        let knownCount = known.values.filter { $0.root == r.root }.count
                        if candidates.isEmpty {
                            held = nil
                        } else if let previous, (previous["device"] as Int64?) != r.device.map({ Int64(bitPattern: $0) }) || (previous["inode"] as Int64?) != r.inode.map({ Int64(bitPattern: $0) }) {
                            held = "root device/inode changed since the last complete walk"
                        } else if r.seenCount == 0 {
                            held = "root is empty"
                        } else if Double(candidates.count) >= Double(knownCount) * InventoryStore.massDeleteShare && !confirmMassDelete {
                            held = "\(candidates.count) of \(knownCount) objects disappeared (at least \(Int(InventoryStore.massDeleteShare * 100)) %); rerun with --confirm-mass-delete if that is right"
                        } else {
                            let markObject = try db.cachedStatement(sql: "UPDATE objects SET status = 'deleted', reason = NULL, finding_count = 0, stale = 0 WHERE id = ?")
                            let removeFindings = try db.cachedStatement(sql: "UPDATE findings SET removed_run = ? WHERE object_id = ? AND removed_run IS NULL")
                            for (_, o) in candidates {
                                try markObject.execute(arguments: [o.id])
                                try removeFindings.execute(arguments: [run, o.id])
                            }
                            deletions = candidates.count
                        }
                    }
                    if deletions > 0 { report.deleted[r.root] = deletions }
                    if let held { report.held[r.root] = held }
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO run_roots(run_id, root, device, inode, walk_complete, error, deletions, deletions_held)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [run, r.root, r.device.map { Int64(bitPattern: $0) }, r.inode.map { Int64(bitPattern: $0) },
                                         r.walkComplete && r.error == nil, r.error, deletions, held != nil])
                }
                try db.execute(sql: "UPDATE runs SET status = 'complete', finished_ns = ? WHERE id = ?", arguments: [Clock.nowNs(), run])
            }
        }
        return report
    }

    /// Keys (`StoredFinding.key`) of the findings live at the end of `run`.
    public func findingKeys(liveAt run: Int64) throws -> Set<String> {
        try guarded("reading findings") {
            try queue.read { db in
                var keys = Set<String>()
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT location, detector, fingerprint, line FROM findings
                    WHERE first_run <= ? AND (removed_run IS NULL OR removed_run > ?)
                    """, arguments: [run, run])
                while let r = try rows.next() {
                    let line: Int? = r["line"]
                    keys.insert("\(r["location"] as String)\u{1}\(r["detector"] as String)\u{1}\(r["fingerprint"] as String)\u{1}\(line ?? 0)")
                }
                return keys
            }
        }
    }
}
