import ScanCore

/// `--format csv`: a header, then one formula-safe row per finding.
public final class CSVWriter: FindingSink {
    private let out: ReportOutput
    private let reveal: Bool

    /// Creates a writer and writes the header.
    public init(_ out: ReportOutput, reveal: Bool) {
        self.out = out
        self.reveal = reveal
        out.write("location,kind,detector,category,confidence,line,masked,fingerprint" + (reveal ? ",value" : "") + "\r\n")
    }

    /// Writes one row.
    public func write(_ f: Finding) throws {
        var fields = [f.location, f.kind, f.detector, f.category, formatConfidence(f.confidence), String(f.line), f.masked, f.fingerprint]
        if reveal { fields.append(f.value) }
        out.write(fields.map(Escaping.csv).joined(separator: ",") + "\r\n")
    }

    /// Object statuses go to the summary only.
    public func objectDone(_ result: ObjectResult) throws {}

    /// Flushes.
    public func finish(_ summary: ScanSummary) throws { try out.close() }
}
