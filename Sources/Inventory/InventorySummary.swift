import Foundation
import GRDB

/// What `trawl inventory` prints: recent runs, objects by status, findings by category and root.
public struct InventorySummary: Sendable {
    /// One run.
    public struct Run: Sendable {
        /// Id, status, start and end (ns since the epoch), roots as JSON.
        public var id: Int64, status: String, startedNs: Int64, finishedNs: Int64?, roots: String
    }
    /// The most recent runs, newest first.
    public var runs: [Run]
    /// Total runs.
    public var runCount: Int
    /// Objects by `status` or `status(reason)`.
    public var objectsByStatus: [(String, Int)]
    /// Objects whose findings may be out of date (last read failed or was partial).
    public var staleObjects: Int
    /// Live findings (counting folded repeats) by category, and by root and category.
    public var findingsByCategory: [(String, Int)]
    /// Live findings by root, then category.
    public var findingsByRoot: [(root: String, category: String, count: Int)]

    /// Reads the summary from an inventory.
    public static func read(_ store: InventoryStore, recentRuns: Int = 10) throws -> InventorySummary {
        try store.guarded("reading the summary") {
            try store.queue.read { db in
                let runs = try Row.fetchAll(db, sql: "SELECT id, status, started_ns, finished_ns, roots FROM runs ORDER BY id DESC LIMIT ?", arguments: [recentRuns]).map {
                    Run(id: $0["id"], status: $0["status"], startedNs: $0["started_ns"], finishedNs: $0["finished_ns"], roots: $0["roots"])
                }
                let runCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") ?? 0
                let byStatus = try Row.fetchAll(db, sql: """
                    SELECT CASE WHEN reason IS NULL THEN status ELSE status || '(' || reason || ')' END AS s, count(*) AS n
                    FROM objects GROUP BY s ORDER BY s
                    """).map { ($0["s"] as String, $0["n"] as Int) }
                let stale = try Int.fetchOne(db, sql: "SELECT count(*) FROM objects WHERE stale = 1 AND status != 'deleted'") ?? 0
                let byCategory = try Row.fetchAll(db, sql: """
                    SELECT category, sum(count) AS n FROM findings WHERE removed_run IS NULL GROUP BY category ORDER BY category
                    """).map { ($0["category"] as String, $0["n"] as Int) }
                let byRoot = try Row.fetchAll(db, sql: """
                    SELECT o.root AS root, f.category AS category, sum(f.count) AS n FROM findings f JOIN objects o ON o.id = f.object_id
                    WHERE f.removed_run IS NULL GROUP BY o.root, f.category ORDER BY o.root, f.category
                    """).map { (root: $0["root"] as String, category: $0["category"] as String, count: $0["n"] as Int) }
                return InventorySummary(runs: runs, runCount: runCount, objectsByStatus: byStatus, staleObjects: stale,
                                        findingsByCategory: byCategory, findingsByRoot: byRoot)
            }
        }
    }

    /// Plain text for a terminal or cron mail.
    public func render() -> String {
        let f = ISO8601DateFormatter()
        func time(_ ns: Int64?) -> String { ns.map { f.string(from: Date(timeIntervalSince1970: Double($0) / 1e9)) } ?? "-" }
        var t = "runs: \(runCount)\n"
        for r in runs { t += "  #\(r.id)  \(r.status.padding(toLength: 9, withPad: " ", startingAt: 0))  \(time(r.startedNs))  \(time(r.finishedNs))  \(r.roots)\n" }
        t += "objects:\n"
        for (s, n) in objectsByStatus { t += "  \(s): \(n)\n" }
        if staleObjects > 0 { t += "  (stale findings: \(staleObjects) objects whose last read failed or was partial)\n" }
        t += "findings by category:\n"
        for (c, n) in findingsByCategory { t += "  \(c): \(n)\n" }
        t += "findings by root:\n"
        for r in findingsByRoot { t += "  \(r.root)  \(r.category): \(r.count)\n" }
        return t
    }
}
