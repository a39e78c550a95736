import ArgumentParser
import Detection
import PatternCatalog
import ScanEngine

/// `trawl patterns list|check`
struct PatternsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patterns",
        abstract: "List or check the rule packs.",
        subcommands: [List.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every rule: id, kind, category, anchor and source.",
            discussion: "Example:\n  trawl patterns list --patterns ./my-rules")

        @Option(help: "Add the rule packs in this directory (repeatable).")
        var patterns: [String] = []

        func run() throws {
            let catalog: Catalog
            do { catalog = try Scan.loadCatalog(extra: patterns) } catch {
                Terminal.error("\(error)")
                throw ExitCode(2)
            }
            for line in PatternListing.lines(catalog) { print(line) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lint every rule pack and run every example through the detector.",
            discussion: "Exit code 0 when every example behaves, 1 when some do not, 2 when a pack cannot be loaded.\n\nExample:\n  trawl patterns check --patterns ./my-rules")

        @Option(help: "Add the rule packs in this directory (repeatable).")
        var patterns: [String] = []

        func run() throws {
            let detector: Detector
            do {
                detector = try Detector(catalog: try Scan.loadCatalog(extra: patterns))
            } catch {
                Terminal.error("\(error)")
                throw ExitCode(2)
            }
            let (failures, count) = PatternChecker.check(detector: detector)
            for f in failures { print(f) }
            print("\(detector.ruleList.count) rules, \(count) examples: \(count - failures.count) passed, \(failures.count) failed")
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }
}
