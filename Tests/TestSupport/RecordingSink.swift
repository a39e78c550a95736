import ScanCore

/// A `FindingSink` fake that keeps everything it is given.
public final class RecordingSink: FindingSink {
    /// Findings in arrival order.
    public private(set) var findings: [Finding] = []
    /// Object results in arrival order.
    public private(set) var results: [ObjectResult] = []
    /// The summary passed to `finish`, once called.
    public private(set) var summary: ScanSummary?

    /// Creates an empty sink.
    public init() {}
    /// Records a finding.
    public func write(_ finding: Finding) throws { findings.append(finding) }
    /// Records a result.
    public func objectDone(_ result: ObjectResult) throws { results.append(result) }
    /// Records the summary.
    public func finish(_ summary: ScanSummary) throws { self.summary = summary }

    /// The status recorded for a location.
    public func status(of location: String) -> ObjectStatus? {
        results.first { $0.location == location }?.status
    }
}
