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
/// `walked`, `decide`, `walkFinished` and `stopRequested` are called on the walking thread;
/// `willRead` and `didRead` on worker threads, for top-level walked files only: a container's
/// inner objects belong to the top-level file they were found in.
public protocol ScanObserver: AnyObject, Sendable {
    /// Every walker event, before it is queued or delivered.
    func walked(_ event: WalkEvent)
    /// The walk reached its end (not called when it stopped early).
    func walkFinished()
    /// Right after a file is walked, before it is queued: an unchanged file is replayed here,
    /// so it never reaches a worker.
    func decide(_ file: WalkedFile) -> ReadDecision
    /// On the worker, just before a queued file is opened.
    func willRead(_ file: WalkedFile) -> ReadDecision
    /// After a walked file was read: its result, every finding it produced (any inner
    /// location), and the SHA-256 of the text the detector saw.
    func didRead(_ file: WalkedFile, result: ObjectResult, findings: [Finding], digest: String?)
    /// The run should stop early (the inventory failed).
    var stopRequested: Bool { get }
}
