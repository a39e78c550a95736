import Detection
import Foundation
import Inventory
import ScanCore

/// How `trawl scan` uses the inventory.
public struct InventoryOptions: Sendable {
    /// The database file.
    public var path: String
    /// Seconds to wait for another run's writer lock (0: exit 75 at once).
    public var wait: Double = 0
    /// Read objects marked `error(crashed)` again.
    public var retryCrashed = false
    /// Allow deletions even when a large share of a root disappeared.
    public var confirmMassDelete = false
    /// Print only findings that are new or changed since the previous complete run.
    public var changedOnly = false
    /// Read every file even when unchanged (set for `--reveal`: raw values are never stored,
    /// so a replayed finding would have none).
    public var forceRescan = false

    /// Creates options for the database at `path`.
    public init(path: String) { self.path = path }
}

/// What the inventory did in one run, for the summary.
public struct InventoryOutcome: Sendable {
    /// The run id.
    public var run: Int64
    /// Objects replayed from the inventory, read, and recovered from a dead run.
    public var replayed: Int, scanned: Int, reused: Int, recovered: Int
    /// Deletions per root, and roots whose deletions were held back (with why).
    public var deletions: DeletionReport
}

/// Runs a scan with the inventory around it.
enum InventoryScan {
    /// Live findings loaded up front for replays (about 300 bytes each); beyond this they are
    /// read object by object.
    static let preloadLimit = 500_000

    static func run(engine: ScanEngine, sink: FindingSink, request: ScanRequest, options: InventoryOptions) throws -> (ScanSummary, InventoryOutcome) {
        let store = try InventoryStore.openWriter(path: options.path, wait: options.wait)
        let journal = try InflightJournal(path: InventoryLocation.journalPath(for: options.path))
        let leftovers = journal.leftovers()
        try store.recordInflight(leftovers)
        journal.reset()
        let builtIn = PatternLocator.builtIn().map { [$0] } ?? []
        let rulesDigest = ScanDigests.rules(patternDirs: builtIn + request.patternDirs, minConfidence: request.minConfidence, kinds: request.kinds)
        let limitsDigest = ScanDigests.limits(chunkSize: engine.options.chunkSize, walk: request.walk,
                                              containers: String(describing: request.containerLimits))
        var sink = sink
        if options.changedOnly {
            let baseline = try store.lastCompleteRun().map { try store.findingKeys(liveAt: $0) } ?? []
            sink = ChangedOnlySink(base: sink, baseline: baseline)
        }
        let startNs = Int64(Date().timeIntervalSince1970 * 1e9)
        let known = try store.knownObjects(roots: request.roots)
        let run = try store.beginRun(toolVersion: ScanDigests.toolVersion, rulesDigest: rulesDigest, limitsDigest: limitsDigest,
                                     roots: request.roots, startedNs: startNs, changedOnly: options.changedOnly)
        let recorder = InventoryRecorder(store: store, journal: journal, run: run, rulesDigest: rulesDigest, limitsDigest: limitsDigest,
                                         known: known,
                                         validRuns: try store.runs(rulesDigest: rulesDigest, limitsDigest: limitsDigest),
                                         preloaded: options.forceRescan ? [:] : try store.liveFindingsByObject(roots: request.roots, limit: InventoryScan.preloadLimit),
                                         reusableSizes: try store.digestSizes(rulesDigest: rulesDigest, limitsDigest: limitsDigest),
                                         registry: engine.options.handlers,
                                         roots: request.roots, startNs: startNs, options: options)
        engine.observer = recorder
        let summary: ScanSummary
        do {
            summary = try engine.run(sink: sink, showProgress: request.progress)
        } catch {
            // The output failed: commit what was read, but never delete anything.
            recorder.flush()
            store.failRun(run)
            throw error
        }
        let deletions = try recorder.finish()
        return (summary, InventoryOutcome(run: run, replayed: recorder.replayed, scanned: recorder.scanned, reused: recorder.reused,
                                          recovered: leftovers.count, deletions: deletions))
    }
}
