import ArgumentParser
import Foundation
import Inventory
import ScanEngine

/// `trawl diff [--since RUN]`
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show new, removed and changed findings between runs.",
        discussion: """
        Compares the findings at the end of run --since (default: the complete run before the
        last one) with those at the end of the last complete run. Lines start with + (new),
        - (removed) or ~ (changed: same value at the same location, another line, confidence
        or count). Run ids are listed by `trawl inventory`.

        Examples:
          trawl diff
          trawl diff --since 12 --format jsonl

        Exit codes: 0 printed (also when nothing changed); 2 no inventory, unknown run, or
        fewer than two complete runs; 74 the database cannot be read.
        """)

    @Option(help: "Inventory database (default: $TRAWL_INVENTORY, else $XDG_DATA_HOME/trawl/inventory.sqlite).")
    var inventory: String?

    @Option(help: "Compare from the end of this run.")
    var since: Int64?

    @Option(help: "Output format: text or jsonl.")
    var format = "text"

    func validate() throws {
        guard ["text", "jsonl"].contains(format) else { throw ValidationError("--format must be text or jsonl") }
    }

    func run() throws {
        do {
            let store = try InventoryStore.openReader(path: inventory ?? InventoryLocation.defaultPath())
            if let since, try !InventoryDiff.runExists(store, since) {
                Terminal.error("no run \(since) in the inventory (see `trawl inventory`)")
                throw ExitCode(2)
            }
            guard let (from, to) = try InventoryDiff.defaultRuns(store, since: since) else {
                Terminal.error("need two complete runs to compare (or --since RUN)")
                throw ExitCode(2)
            }
            let diff = try InventoryDiff.compute(store, from: from, to: to)
            for c in diff.changes { print(format == "jsonl" ? DiffCommand.json(c) : DiffCommand.text(c)) }
            if format == "text" {
                let n = Dictionary(grouping: diff.changes, by: \.change).mapValues(\.count)
                FileHandle.standardError.write(Data("diff run \(from) -> \(to): \(n["new"] ?? 0) new, \(n["removed"] ?? 0) removed, \(n["changed"] ?? 0) changed\n".utf8))
            }
        } catch let e as InventoryError {
            Terminal.error("\(e)")
            throw ExitCode(InventoryExit.code(for: e))
        }
    }

    static func text(_ c: InventoryDiff.Change) -> String {
        let sign = ["new": "+", "removed": "-", "changed": "~"][c.change] ?? "?"
        let f = c.finding
        var line = "\(sign) \(f.location):\(f.line ?? 0)  \(f.category)  \(f.kind)  \(f.masked)"
        if let b = c.before { line += "  (was line \(b.line ?? 0), confidence \(b.confidence), count \(b.count))" }
        return line
    }

    static func json(_ c: InventoryDiff.Change) -> String {
        let f = c.finding
        var obj: [String: Any] = ["change": c.change, "location": f.location, "kind": f.kind, "detector": f.detector,
                                  "category": f.category, "confidence": f.confidence, "line": f.line ?? 0,
                                  "masked": f.masked, "fingerprint": f.fingerprint, "count": f.count]
        if let b = c.before { obj["before"] = ["line": b.line ?? 0, "confidence": b.confidence, "count": b.count] }
        let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
