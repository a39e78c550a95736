import ArgumentParser
import Foundation
import Inputs
import Reporting
import ScanCore
import ScanEngine

extension OutputFormat: ExpressibleByArgument {}

/// `trawl scan PATH...`
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files and directories for personal data.",
        discussion: """
        Examples:
          trawl scan /srv/shares
          trawl scan --format jsonl --output findings.jsonl /srv/shares /home
          trawl scan --exclude '*.iso' --max-filesize 500M --jobs 4 /srv/shares
          trawl scan --format csv --min-confidence 0.8 Corpus/demo | head
          trawl scan --max-depth 3 --max-member-size 20M /srv/shares/archive

        Archives (zip, tar[.gz|.bz2|.xz|.zst], 7z, rar, cpio, iso, gz/bz2/xz) and documents \
        (docx, xlsx, pptx, odt, ods, odp, pdf, rtf, html, vcf, ics) are recognised by content \
        and read in memory, never extracted to disk; findings inside them are located as \
        outer.zip!/inner/cv.docx.

        Exit codes: 0 completed; 1 completed with per-object errors or partial objects;
        2 could not run; 64 usage error.
        """)

    @Argument(help: "Files or directories to scan.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output format: table, json, jsonl or csv.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: "Write findings to this file (created 0600) instead of standard output.")
    var output: String?

    @Flag(help: "Include raw values in the output (they are personal data: handle with care).")
    var reveal = false

    @Option(help: "Drop findings below this confidence (0...1).")
    var minConfidence = 0.5

    @Option(name: .shortAndLong, help: "Parallel scan workers (default: number of cores).")
    var jobs: Int?

    @Option(help: "Skip paths matching this glob (repeatable); matched against the relative path and the base name.")
    var exclude: [String] = []

    @Option(help: "Skip files larger than this (bytes, or with K, M, G suffix).")
    var maxFilesize: String?

    @Flag(help: "Follow symbolic links (loops are detected by device and inode).")
    var follow = false

    @Option(help: "Add the rule packs in this directory (repeatable).")
    var patterns: [String] = []

    @Option(help: "Only report these kinds (repeatable), e.g. --kind email --kind iban.")
    var kind: [String] = []

    @Option(help: "Fingerprint key file (default: ~/.config/trawl/fingerprint.key, created 0600 on first use).")
    var keyFile: String?

    @Flag(name: .shortAndLong, help: "No progress and no summary on standard error (for cron).")
    var quiet = false

    @OptionGroup(title: "Containers (archives, documents, nested files)")
    var containers: ContainerOptions

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let m = maxFilesize, ByteSize.parse(m) == nil { throw ValidationError("--max-filesize: cannot read '\(m)' (use e.g. 500M or 2G)") }
    }

    func run() throws {
        var request = ScanRequest(roots: paths)
        request.format = format
        request.outputPath = output
        request.reveal = reveal
        request.minConfidence = minConfidence
        if let jobs { request.jobs = jobs }
        request.walk = WalkOptions(followSymlinks: follow, excludes: exclude, maxFileSize: maxFilesize.flatMap(ByteSize.parse))
        request.patternDirs = patterns
        request.keyFile = keyFile
        request.kinds = kind.isEmpty ? nil : Set(kind)
        request.containerLimits = containers.limits
        let terminal = Terminal.current()
        request.color = terminal.stdoutColor
        request.progress = !quiet && terminal.stderrIsTTY
        let summary: ScanSummary
        do {
            summary = try Scan.run(request)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode(2)
        }
        if !quiet { Terminal.printSummary(summary, color: terminal.stderrColor) }
        if summary.errors > 0 || (summary.objectsByStatus["partial"] ?? 0) > 0 { throw ExitCode(1) }
    }
}
