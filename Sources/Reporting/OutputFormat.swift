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
        var s = "{\"location\":\(Escaping.json(location)),\"kind\":\(Escaping.json(kind)),\"detector\":\(Escaping.json(detector))"
        s += ",\"category\":\(Escaping.json(category)),\"confidence\":\(formatConfidence(confidence)),\"line\":\(line)"
        s += ",\"masked\":\(Escaping.json(masked)),\"fingerprint\":\(Escaping.json(fingerprint))"
        if reveal { s += ",\"value\":\(Escaping.json(value))" }
        return s + "}"
    }
}

/// Two decimals, without Foundation's locale-dependent formatting.
func formatConfidence(_ c: Double) -> String {
    let hundredths = Int((c * 100).rounded())
    let frac = hundredths % 100
    return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
}
