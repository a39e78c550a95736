import ArgumentParser

/// trawl: find personal data in file shares, mailboxes and archives.
@main
struct Trawl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trawl",
        abstract: "Find personal data in file shares, mailboxes and archives.",
        discussion: """
        trawl walks the given paths, extracts text and matches personal data (emails, phone
        numbers, VAT and national IDs, IBANs, card numbers, IP and MAC addresses ...) with
        compiled PCRE2 patterns validated by checksums. Output carries masked values and
        keyed fingerprints; raw values only with --reveal.

        Exit codes: 0 completed; 1 completed, but some objects ended partial or in error;
        2 could not run (bad patterns, unusable key or output, missing root); 64 usage error;
        74 inventory I/O error (disk full ...); 75 another run holds the inventory lock.
        """,
        version: "0.1.0",
        subcommands: [ScanCommand.self, PatternsCommand.self, InventoryCommand.self, DiffCommand.self, ReportCommand.self],
        defaultSubcommand: nil)
}
