/// Where a scan sends its findings and object results (a report writer, a test fake).
///
/// Calls come from one thread at a time (the engine serialises them).
public protocol FindingSink: AnyObject {
    /// One finding above the confidence threshold.
    func write(_ finding: Finding) throws
    /// An object reached its final status.
    func objectDone(_ result: ObjectResult) throws
    /// The scan is over; flush and close.
    func finish(_ summary: ScanSummary) throws
}
