import Foundation
import Inventory
import ScanEngine

/// Exit codes and stderr notes for the inventory (shared by the commands that use it).
enum InventoryExit {
    /// 75 (EX_TEMPFAIL) when another run holds the lock, 74 (EX_IOERR) for database I/O
    /// failures, 2 for a missing or too new inventory.
    static func code(for error: InventoryError) -> Int32 {
        switch error {
        case .locked: return 75
        case .io: return 74
        case .tooNew, .missing: return 2
        }
    }

    /// Warns about roots whose deletions were held back (printed even with --quiet: cron mail).
    static func warnHeldDeletions(_ o: InventoryOutcome) {
        for (root, why) in o.deletions.held.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("trawl: warning: deletions under \(root) not recorded: \(why)\n".utf8))
        }
    }

    /// `inventory: run N, X unchanged (not read), Y read, Z deleted`.
    static func printOutcome(_ o: InventoryOutcome) {
        let deleted = o.deletions.deleted.values.reduce(0, +)
        var text = "inventory: run \(o.run), \(o.replayed) unchanged (not read), \(o.scanned) read, \(deleted) deleted"
        if o.reused > 0 { text += ", \(o.reused) with the content of an object already scanned (findings copied)" }
        if o.recovered > 0 { text += ", \(o.recovered) in flight when an earlier run died" }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
