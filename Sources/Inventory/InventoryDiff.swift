import GRDB

/// New, removed and changed findings between the end of one run and the end of a later one.
public struct InventoryDiff: Sendable {
    /// One difference.
    public struct Change: Sendable, Hashable {
        /// `new`, `removed` or `changed`.
        public var change: String
        /// The finding after (new, changed) or before (removed).
        public var finding: StoredFinding
        /// For `changed`: the finding before.
        public var before: StoredFinding?
    }
    /// The runs compared.
    public var from: Int64, to: Int64
    /// Differences, ordered by location, category and kind.
    public var changes: [Change]

    /// Compares the findings live at the end of run `from` with those live at the end of `to`.
    /// Findings match on location, detector and fingerprint; a match whose line, confidence
    /// or count differs is `changed`.
    public static func compute(_ store: InventoryStore, from: Int64, to: Int64) throws -> InventoryDiff {
        try store.guarded("computing the diff") {
            try store.queue.read { db in
                let before = try live(db, at: from), after = try live(db, at: to)
                func group(_ fs: [StoredFinding]) -> [String: [StoredFinding]] {
                    Dictionary(grouping: fs) { "\($0.location)\u{1}\($0.detector)\u{1}\($0.fingerprint)" }
                }
                let a = group(before), b = group(after)
                var changes: [Change] = []
                for key in Set(a.keys).union(b.keys) {
                    let old = a[key] ?? [], new = b[key] ?? []
                    let oldSet = Set(old), newSet = Set(new)
                    var gone = old.filter { !newSet.contains($0) }
                    var came = new.filter { !oldSet.contains($0) }
                    while let g = gone.first, let c = came.first {
                        changes.append(Change(change: "changed", finding: c, before: g))
                        gone.removeFirst()
                        came.removeFirst()
                    }
                    changes += gone.map { Change(change: "removed", finding: $0, before: nil) }
                    changes += came.map { Change(change: "new", finding: $0, before: nil) }
                }
                changes.sort { ($0.finding.location, $0.finding.category, $0.finding.kind, $0.finding.line ?? 0, $0.change)
                    < ($1.finding.location, $1.finding.category, $1.finding.kind, $1.finding.line ?? 0, $1.change) }
                return InventoryDiff(from: from, to: to, changes: changes)
            }
        }
    }

    static func live(_ db: Database, at run: Int64) throws -> [StoredFinding] {
        try Row.fetchAll(db, sql: """
            SELECT location, kind, detector, category, confidence, line, page, member_start, member_end, masked, fingerprint, count
            FROM findings WHERE first_run <= ? AND (removed_run IS NULL OR removed_run > ?)
            """, arguments: [run, run]).map { r in
            StoredFinding(location: r["location"], kind: r["kind"], detector: r["detector"], category: r["category"],
                          confidence: r["confidence"], line: r["line"], page: r["page"], memberStart: r["member_start"],
                          memberEnd: r["member_end"], masked: r["masked"], fingerprint: r["fingerprint"], count: r["count"])
        }
    }

    /// The runs a plain `trawl diff` compares: the last two complete runs (nil when fewer than two),
    /// or `since` and the last complete run.
    public static func defaultRuns(_ store: InventoryStore, since: Int64?) throws -> (Int64, Int64)? {
        guard let last = try store.lastCompleteRun() else { return nil }
        if let since { return (since, last) }
        guard let previous = try store.lastCompleteRun(before: last) else { return nil }
        return (previous, last)
    }

    /// Whether a run with this id exists.
    public static func runExists(_ store: InventoryStore, _ id: Int64) throws -> Bool {
        try store.guarded("reading runs") {
            try store.queue.read { db in try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM runs WHERE id = ?", arguments: [id]) ?? false }
        }
    }
}
