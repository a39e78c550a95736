import ArgumentParser
import DataMap
import Foundation
import Inventory
import ScanEngine

/// `trawl report`
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Data map of the inventory: where each category of personal data lives, and a privacy-policy check.",
        discussion: """
        Reads the inventory (no rescan) through a read-only connection, so it works while a
        scan holds the writer lock. Coverage comes first (objects complete / partial /
        skipped / error, with reasons), then a matrix of locations x categories with counts
        of findings and of distinct values (by fingerprint), top locations, the age of the
        data by file modification time, CV and correspondence counts, and the trend by run.
        Only counts, locations and category names are printed: never a value.

        --policy FILE checks a privacy policy (plain text, HTML or Markdown in en, pt, es,
        sv, de, fr, it or nl, recognised with Patterns/policy-terms.yml) or a YAML file
        (categories: [...], retention: {category: days}, allowed_locations: {category: [glob]}).

        Examples:
          trawl report --format html --output datamap.html
          trawl report --format markdown --group-by folder --depth 2 --policy privacy.txt

        Exit codes: 0 written; 2 no inventory, newer schema, or an unreadable policy;
        64 usage error; 74 the database or the output file cannot be read or written.
        """)

    @Option(help: "Inventory database (default: $TRAWL_INVENTORY, else $XDG_DATA_HOME/trawl/inventory.sqlite).")
    var inventory: String?

    @Option(help: "Output format: json, csv, markdown or html.")
    var format = "markdown"

    @Option(help: "Write to this file (atomically, mode 0600) instead of standard output.")
    var output: String?

    @Option(name: .customLong("group-by"), help: "Matrix rows: root, folder, owner or extension.")
    var groupBy = "root"

    @Option(help: "Folder levels under each root for --group-by folder.")
    var depth = 2

    @Option(help: "Privacy policy (text, HTML, Markdown) or YAML declaration to check against.")
    var policy: String?

    @Option(help: "Policy term lists (default: policy-terms.yml in the built-in Patterns directory).")
    var terms: String?

    @Option(help: "How many top locations to list.")
    var top = 10

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else { throw ValidationError("--format must be json, csv, markdown or html") }
        guard GroupBy(rawValue: groupBy) != nil else { throw ValidationError("--group-by must be root, folder, owner or extension") }
        guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
        guard top >= 0 else { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        let path = inventory ?? InventoryLocation.defaultPath()
        do {
            _ = try InventoryStore.openReader(path: path)  // existence and schema checks, with the usual exit codes
        } catch let e as InventoryError {
            Terminal.error("\(e)")
            throw ExitCode(InventoryExit.code(for: e))
        }
        let patterns = PatternLocator.builtIn()
        let labels = (patterns.flatMap { try? CategoryInfo.load(path: $0 + "/categories.yml") }) ?? []
        var checked: Policy?
        if let policy {
            do {
                let termsPath = terms ?? (patterns ?? "Patterns") + "/policy-terms.yml"
                checked = try Policy.load(path: policy, terms: try PolicyTerms.load(path: termsPath), known: Set(labels.map(\.id)))
            } catch {
                Terminal.error("\(error)")
                throw ExitCode(2)
            }
        }
        let input: DataMapInput
        do {
            input = try DataMapInput.load(path: path)
        } catch {
            Terminal.error("cannot read the inventory \(path): \(error)")
            throw ExitCode(74)
        }
        let now = Int64(Date().timeIntervalSince1970) * 1_000_000_000
        let report = DataMapReport.build(input, labels: labels, groupBy: GroupBy(rawValue: groupBy)!, depth: depth,
                                         asOfNs: now, top: top, policy: checked)
        let text = report.render(ReportFormat(rawValue: format)!)
        if let output {
            do { try AtomicOutput.write(text, to: output) } catch {
                Terminal.error("\(error)")
                throw ExitCode(74)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
