/// Precision and recall per kind from two multisets of items (tuples as string arrays).
public struct AccuracyTable {
    /// One kind's counts.
    public struct Row {
        public let kind: String
        public let tp: Int, fp: Int, fn: Int
        public var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    }

    /// Rows sorted by kind.
    public let rows: [Row]
    private let missed: [[String]]
    private let extra: [[String]]

    /// Scores `found` against `truth`; `kindIndex` says which field is the kind.
    public init(truth: [[String]], found: [[String]], kindIndex: Int) {
        var remaining: [[String]: Int] = [:]
        for t in truth { remaining[t, default: 0] += 1 }
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:]
        var extra: [[String]] = []
        for f in found {
            if let n = remaining[f], n > 0 {
                remaining[f] = n - 1
                tp[f[kindIndex], default: 0] += 1
            } else {
                fp[f[kindIndex], default: 0] += 1
                extra.append(f)
            }
        }
        var missed: [[String]] = []
        for (t, n) in remaining where n > 0 {
            fn[t[kindIndex], default: 0] += n
            missed.append(t)
        }
        let kinds = Set(tp.keys).union(fp.keys).union(fn.keys).sorted()
        rows = kinds.map { Row(kind: $0, tp: tp[$0] ?? 0, fp: fp[$0] ?? 0, fn: fn[$0] ?? 0) }
        self.missed = missed.sorted { $0.lexicographicallyPrecedes($1) }
        self.extra = extra.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The table as Markdown.
    public func markdown() -> String {
        var s = "| kind | truth | found | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for r in rows {
            s += "| \(r.kind) | \(r.tp + r.fn) | \(r.tp + r.fp) | \(r.tp) | \(r.fp) | \(r.fn) | \(fmt(r.precision)) | \(fmt(r.recall)) |\n"
        }
        let tp = rows.map(\.tp).reduce(0, +), fp = rows.map(\.fp).reduce(0, +), fn = rows.map(\.fn).reduce(0, +)
        s += "| **all** | \(tp + fn) | \(tp + fp) | \(tp) | \(fp) | \(fn) | \(fmt(tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp))) | \(fmt(tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn))) |\n"
        return s
    }

    /// A few misses and extras per kind, locations and kinds only (no values).
    public func examples(limit: Int) -> [String] {
        var out: [String] = []
        var perKind: [String: Int] = [:]
        for (label, list) in [("missed", missed), ("extra", extra)] {
            for item in list {
                let k = label + item[2]
                guard perKind[k, default: 0] < limit else { continue }
                perKind[k, default: 0] += 1
                out.append("\(label): \(item[2]) at \(item[0]):\(item[1])")
            }
        }
        return out
    }

    private func fmt(_ x: Double) -> String {
        let v = Int((x * 1000).rounded())
        return "\(v / 1000).\(String(v % 1000).leftPadded(3))"
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
