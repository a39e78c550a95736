import Inputs
import ScanCore

/// What the engine does with a walked file before reading it.
public enum ReadDecision: Sendable {
    /// Read and scan it.
    case read
    /// Do not read it: hand on this stored result and these stored findings instead.
    case replay(ObjectResult, [Finding])
    /// Do not read it and hand on nothing (the run is stopping).
    case drop
}

/// Hooks a scan calls on its way (the inventory recorder; a test fake).
///
/// `walked` and `walkFinished` are called on the walking thread; `decide`, `willRead` and
/// `didRead` on worker threads, for top-level walked files only: a container's inner
/// objects belong to the top-level file they were found in. `stopRequested` on any.
public protocol ScanObserver: AnyObject, Sendable {
    /// Every walker event, before it is queued or delivered.
    func walked(_ event: WalkEvent)
    /// The walk reached its end (not called when it stopped early).
    func walkFinished()
    /// On the worker, for a batch of walked files before any of them is opened: an
    /// unchanged file is replayed instead of read. One decision per file, in order.
    func decide(_ files: [WalkedFile]) -> [ReadDecision]
    /// On the worker, just before a queued file is opened.
    func willRead(_ file: WalkedFile) -> ReadDecision
    /// After a walked file was read: its result, every finding it produced (any inner
    /// location), and the SHA-256 of the text the detector saw.
    func didRead(_ file: WalkedFile, result: ObjectResult, findings: [Finding], digest: String?)
    /// The run should stop early (the inventory failed).
    var stopRequested: Bool { get }
}
