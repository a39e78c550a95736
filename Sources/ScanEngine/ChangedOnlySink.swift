import Inventory
import ScanCore

/// Passes on only findings that were not live at the end of the previous complete run
/// (`trawl scan --changed-only`, for cron mail). Object results and the summary pass through.
final class ChangedOnlySink: FindingSink {
    private let base: FindingSink
    private let baseline: Set<String>

    init(base: FindingSink, baseline: Set<String>) {
        self.base = base
        self.baseline = baseline
    }

    func write(_ finding: Finding) throws {
        if !baseline.contains(StoredFinding(finding).key) { try base.write(finding) }
    }

    func objectDone(_ result: ObjectResult) throws { try base.objectDone(result) }

    func finish(_ summary: ScanSummary) throws { try base.finish(summary) }
}
