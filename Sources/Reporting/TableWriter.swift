import ScanCore

/// `--format table`: `location:line  kind  confidence  masked`, for people.
public final class TableWriter: FindingSink {
    private let out: ReportOutput
    private let reveal: Bool
    private let color: Bool

    /// Creates a writer; `color` only when writing to a terminal and NO_COLOR is unset.
    public init(_ out: ReportOutput, reveal: Bool, color: Bool) {
        self.out = out
        self.reveal = reveal
        self.color = color
    }

    /// Writes one line.
    public func write(_ f: Finding) throws {
        let place = Escaping.terminal("\(f.location):\(f.line)")
        let kind = f.kind.padding(to: 28)
        let shown = Escaping.terminal(reveal ? f.value : f.masked)
        if color {
            out.write("\u{1B}[36m\(place)\u{1B}[0m  \u{1B}[33m\(kind)\u{1B}[0m \(formatConfidence(f.confidence))  \(shown)\n")
        } else {
            out.write("\(place)  \(kind) \(formatConfidence(f.confidence))  \(shown)\n")
        }
    }

    /// Incomplete objects are listed in the stderr summary.
    public func objectDone(_ result: ObjectResult) throws {}

    /// Flushes.
    public func finish(_ summary: ScanSummary) throws { try out.close() }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
