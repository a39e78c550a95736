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

    /// Opens the inventory and reads what the run starts from. Nothing of the run is
    /// written yet, so a scan that then fails to start (bad rule packs) leaves no trace
    /// but the recovery of an earlier dead run.
    static func prepare(request: ScanRequest, options: InventoryOptions, chunkSize: Int) throws -> PreparedInventory {
        let store = try InventoryStore.openWriter(path: options.path, wait: options.wait)
        let journal = try InflightJournal(path: InventoryLocation.journalPath(for: options.path))
        let leftovers = journal.leftovers()
        try store.recordInflight(leftovers)
        journal.reset()
        // The known objects are read first, while the digests are computed and the run starts;
        // their own connection: a reader does not wait for the writer's start of the run.
        let known = BackgroundTask {
            let reader = try InventoryStore.openReader(path: options.path)
            return KnownState(index: try reader.knownObjects(roots: request.roots),
                              preloaded: options.forceRescan ? [:] : try reader.liveFindingsByObject(roots: request.roots, limit: InventoryScan.preloadLimit))
        }
        let builtIn = PatternLocator.builtIn().map { [$0] } ?? []
        let rulesDigest = ScanDigests.rules(patternDirs: builtIn + request.patternDirs, minConfidence: request.minConfidence, kinds: request.kinds)
        let limitsDigest = ScanDigests.limits(chunkSize: chunkSize, walk: request.walk,
                                              containers: String(describing: request.containerLimits))
        let baseline = options.changedOnly ? try store.lastCompleteRun().map { try store.findingKeys(liveAt: $0) } ?? [] : nil
        let startNs = Int64(Date().timeIntervalSince1970 * 1e9)
        return PreparedInventory(
            store: store, journal: journal, recovered: leftovers.count, rulesDigest: rulesDigest, limitsDigest: limitsDigest,
            baseline: baseline, startNs: startNs,
            known: known,
            validRuns: try store.runs(rulesDigest: rulesDigest, limitsDigest: limitsDigest),
            rulesLoadedBefore: try store.hasCompleteRun(rulesDigest: rulesDigest))
    }

    static func run(_ prepared: PreparedInventory, engine: ScanEngine, sink: FindingSink, request: ScanRequest,
                    options: InventoryOptions) throws -> (ScanSummary, InventoryOutcome) {
        let p = prepared
        let sink: FindingSink = p.baseline.map { ChangedOnlySink(base: sink, baseline: $0) } ?? sink
        let run = try p.store.beginRun(toolVersion: ScanDigests.toolVersion, rulesDigest: p.rulesDigest, limitsDigest: p.limitsDigest,
                                       roots: request.roots, startedNs: p.startNs, changedOnly: options.changedOnly)
        let recorder = InventoryRecorder(store: p.store, journal: p.journal, run: run, rulesDigest: p.rulesDigest, limitsDigest: p.limitsDigest,
                                         known: p.known, validRuns: p.validRuns,
                                         registry: engine.options.handlers,
                                         roots: request.roots, startNs: p.startNs, options: options)
        engine.observer = recorder
        let summary: ScanSummary
        do {
            summary = try engine.run(sink: sink, showProgress: request.progress)
        } catch {
            // The output failed: commit what was read, but never delete anything.
            recorder.flush()
            p.store.failRun(run)
            throw error
        }
        let deletions = try recorder.finish()
        return (summary, InventoryOutcome(run: run, replayed: recorder.replayed, scanned: recorder.scanned, reused: recorder.reused,
                                          recovered: p.recovered, deletions: deletions))
    }
}

/// What `InventoryScan.prepare` read: the open store and the state the run starts from.
struct PreparedInventory {
    let store: InventoryStore
    let journal: InflightJournal
    /// Objects in flight in a dead run, recorded at open.
    let recovered: Int
    let rulesDigest: String, limitsDigest: String
    /// Finding keys live at the end of the last complete run (`--changed-only`).
    let baseline: Set<String>?
    let startNs: Int64
    /// The known objects and their findings, being read on another thread.
    let known: BackgroundTask<KnownState>
    let validRuns: Set<Int64>
    /// A complete run used these very rule packs (so they load without error).
    let rulesLoadedBefore: Bool
}
