import ScanCore

/// `--format jsonl`: one finding per line, streamed.
public final class JSONLWriter: FindingSink {
    private let out: ReportOutput
    private let reveal: Bool

    /// Creates a writer.
    public init(_ out: ReportOutput, reveal: Bool) {
        self.out = out
        self.reveal = reveal
    }

    /// Writes one line.
    public func write(_ finding: Finding) throws {
        let reveal = self.reveal
        out.append { buffer in
            finding.appendJSON(to: &buffer, reveal: reveal)
            buffer.append(0x0A)
        }
    }

    /// Object statuses go to the summary only.
    public func objectDone(_ result: ObjectResult) throws {}

    /// Flushes.
    public func finish(_ summary: ScanSummary) throws { try out.close() }
}
