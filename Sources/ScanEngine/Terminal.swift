import Foundation
import ScanCore
#if canImport(Glibc)
import Glibc
#endif

/// What the terminal allows: colour only on a TTY and never with NO_COLOR.
public struct Terminal: Sendable {
    /// stdout is a terminal and colour is allowed.
    public var stdoutColor: Bool
    /// stderr is a terminal and colour is allowed.
    public var stderrColor: Bool
    /// stderr is a terminal (progress is drawn there).
    public var stderrIsTTY: Bool

    /// Reads the environment and the file descriptors.
    public static func current() -> Terminal {
        let env = ProcessInfo.processInfo.environment
        let noColor = env["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = env["TERM"] == "dumb"
        let outTTY = isatty(1) == 1
        let errTTY = isatty(2) == 1
        return Terminal(stdoutColor: outTTY && !noColor && !dumb, stderrColor: errTTY && !noColor && !dumb, stderrIsTTY: errTTY && !dumb)
    }

    /// Prints `trawl: error: ...` on stderr.
    public static func error(_ message: String) {
        FileHandle.standardError.write(Data("trawl: error: \(message)\n".utf8))
    }

    /// The end-of-scan summary on stderr.
    public static func printSummary(_ s: ScanSummary, color: Bool) {
        FileHandle.standardError.write(Data(SummaryText.render(s, color: color).utf8))
    }
}

/// The summary text (separate so tests can pin it).
public enum SummaryText {
    /// Objects, bytes, rate, findings per kind, and incomplete objects with reasons.
    public static func render(_ s: ScanSummary, color: Bool) -> String {
        let bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
        let rate = s.seconds > 0 ? Double(s.bytes) / s.seconds / 1_048_576 : 0
        var text = "\(bold)scanned\(reset) \(s.objects) objects, \(s.bytes) bytes in \(String(format: "%.2f", s.seconds)) s (\(String(format: "%.1f", rate)) MiB/s)\n"
        let statuses = ["complete", "partial", "skipped", "error"].map { "\($0) \(s.objectsByStatus[$0] ?? 0)" }
        text += "objects: " + statuses.joined(separator: ", ") + "\n"
        for reason in s.reasons.keys.sorted() {
            text += "  \(reason): \(s.reasons[reason]!)\n"
        }
        text += "\(bold)findings\(reset) \(s.findings)\n"
        for kind in s.findingsByKind.keys.sorted() {
            text += "  \(kind): \(s.findingsByKind[kind]!)\n"
        }
        return text
    }
}

/// Sizes written as `500M`, `2G`, `1024`.
public enum ByteSize {
    /// Parses a size with an optional K/M/G/T suffix (powers of 1024).
    public static func parse(_ text: String) -> UInt64? {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        if t.hasSuffix("B") { t.removeLast() }
        if t.hasSuffix("I") { t.removeLast() }
        var multiplier: UInt64 = 1
        if let last = t.last, let power = ["K": 1, "M": 2, "G": 3, "T": 4][String(last)] {
            multiplier = UInt64(1) << (10 * UInt64(power))
            t.removeLast()
        }
        guard let n = UInt64(t) else { return nil }
        let (v, overflow) = n.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : v
    }
}
