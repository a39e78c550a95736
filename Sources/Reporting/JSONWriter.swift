import ScanCore

/// `--format json`: one document with findings, incomplete objects and the summary.
public final class JSONWriter: FindingSink {
    private let out: ReportOutput
    private let reveal: Bool
    private var first = true
    private var incomplete: [ObjectResult] = []

    /// Creates a writer.
    public init(_ out: ReportOutput, reveal: Bool) {
        self.out = out
        self.reveal = reveal
    }

    /// Streams one finding into the `findings` array.
    public func write(_ finding: Finding) throws {
        out.write(first ? "{\"findings\":[\n" : ",\n")
        first = false
        out.write(finding.jsonObject(reveal: reveal))
    }

    /// Remembers objects that did not complete.
    public func objectDone(_ result: ObjectResult) throws {
        if result.status != .complete { incomplete.append(result) }
    }

    /// Closes the document with the objects and the summary.
    public func finish(_ summary: ScanSummary) throws {
        out.write(first ? "{\"findings\":[" : "\n")
        out.write("],\n\"objects\":[")
        for (i, o) in incomplete.sorted(by: { $0.location < $1.location }).enumerated() {
            out.write(i == 0 ? "\n" : ",\n")
            out.write("{\"location\":\(Escaping.json(o.location)),\"status\":\(Escaping.json(o.status.name)),\"reason\":\(Escaping.json(o.status.reason ?? ""))}")
        }
        out.write("],\n\"summary\":\(JSONWriter.summaryObject(summary))}\n")
        try out.close()
    }

    /// The summary as a JSON object with sorted keys.
    static func summaryObject(_ s: ScanSummary) -> String {
        func dict(_ d: [String: Int]) -> String {
            "{" + d.keys.sorted().map { "\(Escaping.json($0)):\(d[$0]!)" }.joined(separator: ",") + "}"
        }
        return "{\"objects\":\(s.objects),\"bytes\":\(s.bytes),\"findings\":\(s.findings),\"objects_by_status\":\(dict(s.objectsByStatus)),\"incomplete_reasons\":\(dict(s.reasons)),\"findings_by_kind\":\(dict(s.findingsByKind))}"
    }
}
