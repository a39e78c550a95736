import ArgumentParser
import Inventory
import ScanEngine

/// `trawl inventory`
struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Summarise the inventory: runs, objects by status, findings by category and root.",
        discussion: """
        Reads the inventory without taking the writer lock, so it works while a scan runs.

        Example:
          trawl inventory --inventory /var/lib/trawl/inventory.sqlite

        Exit codes: 0 printed; 2 no inventory or a newer schema; 74 the database cannot be read.
        """)

    @Option(help: "Inventory database (default: $TRAWL_INVENTORY, else $XDG_DATA_HOME/trawl/inventory.sqlite).")
    var inventory: String?

    @Option(help: "How many recent runs to list.")
    var runs = 10

    func run() throws {
        do {
            let store = try InventoryStore.openReader(path: inventory ?? InventoryLocation.defaultPath())
            print(try InventorySummary.read(store, recentRuns: runs).render(), terminator: "")
        } catch let e as InventoryError {
            Terminal.error("\(e)")
            throw ExitCode(InventoryExit.code(for: e))
        }
    }
}
