import ScanCore

/// The formats `trawl scan --format` writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people.
    case table
    /// One JSON document with findings, incomplete objects and the summary.
    case json
    /// One JSON object per finding per line.
    case jsonl
    /// One row per finding.
    case csv

    /// A writer of this format.
    public func makeWriter(_ out: ReportOutput, reveal: Bool, color: Bool) -> FindingSink {
        switch self {
        case .table: return TableWriter(out, reveal: reveal, color: color)
        case .json: return JSONWriter(out, reveal: reveal)
        case .jsonl: return JSONLWriter(out, reveal: reveal)
        case .csv: return CSVWriter(out, reveal: reveal)
        }
    }
}

extension Finding {
    /// The output contract's JSON object.
    func jsonObject(reveal: Bool) -> String {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes, reveal: reveal)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the finding's JSON object (no newline) to `out`.
    func appendJSON(to out: inout [UInt8], reveal: Bool) {
        func key(_ k: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount)) }
        key("{\"location\":"); Escaping.appendJSON(location, to: &out)
        key(",\"kind\":"); Escaping.appendJSON(kind, to: &out)
        key(",\"detector\":"); Escaping.appendJSON(detector, to: &out)
        key(",\"category\":"); Escaping.appendJSON(category, to: &out)
        key(",\"confidence\":"); Escaping.appendConfidence(confidence, to: &out)
        key(",\"line\":"); Escaping.appendDecimal(line, to: &out)
        if let page { key(",\"page\":"); Escaping.appendDecimal(page, to: &out) }
        key(",\"masked\":"); Escaping.appendJSON(masked, to: &out)
        key(",\"fingerprint\":"); Escaping.appendJSON(fingerprint, to: &out)
        if reveal { key(",\"value\":"); Escaping.appendJSON(value, to: &out) }
        out.append(0x7D)
    }
}

/// Two decimals, without Foundation's locale-dependent formatting.
func formatConfidence(_ c: Double) -> String {
    let hundredths = Int((c * 100).rounded())
    let frac = hundredths % 100
    return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
}
