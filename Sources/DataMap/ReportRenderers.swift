import Foundation
import Reporting

/// Output formats of `trawl report`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case json, csv, markdown, html
}

extension DataMapReport {
    /// Renders the report in a format.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: return json()
        case .csv: return csv()
        case .markdown: return markdown()
        case .html: return html()
        }
    }

    func label(_ id: String) -> String { categories.first { $0.id == id }?.label ?? labels[id] ?? id }

    /// Labels of every category the report knows (set by the command from categories.yml).
    var labels: [String: String] { Dictionary(labelList.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a }) }

    // MARK: JSON

    /// The JSON document (schema: docs/report.schema.json), keys sorted.
    public func jsonObject() -> [String: Any] {
        var o: [String: Any] = [
            "schema": "trawl-report/1",
            "as_of": Self.iso(asOfNs),
            "group_by": groupBy.rawValue,
            "depth": depth,
            "coverage": [
                "objects": objects,
                "by_status": Dictionary(uniqueKeysWithValues: byStatus.map { ($0.0, $0.1) }),
                "reasons": reasons.map { ["status": $0.status, "reason": $0.reason, "objects": $0.objects] },
            ] as [String: Any],
            "categories": categories.map { ["id": $0.id, "label": $0.label, "findings": $0.findings, "distinct_values": $0.distinct, "objects": $0.objects] },
            "matrix": matrix.map { ["location": $0.location, "category": $0.category, "findings": $0.findings, "distinct_values": $0.distinct, "objects": $0.objects] },
            "top_locations": top.map { ["location": $0.location, "findings": $0.findings, "distinct_values": $0.distinct, "categories": $0.categories] as [String: Any] },
            "age": age.map { a -> [String: Any] in
                ["category": a.category, "oldest": a.oldest.map { Self.isoDate($0) as Any } ?? NSNull(),
                 "buckets": Dictionary(uniqueKeysWithValues: zip(Self.ageBuckets, a.buckets.isEmpty ? Array(repeating: 0, count: Self.ageBuckets.count) : a.buckets).map { ($0, $1) })]
            },
            "documents": ["cv": cvDocuments, "correspondence": correspondence],
            "trend": trend.map { ["run": $0.id, "status": $0.status, "started": Self.iso($0.startedNs), "findings": $0.findings,
                                  "distinct_values": $0.distinct, "by_category": $0.byCategory] as [String: Any] },
        ]
        if let p = policy {
            func issues(_ l: [PolicyResult.Issue]) -> [[String: Any]] {
                l.map { ["category": $0.category, "findings": $0.findings, "objects": $0.objects, "locations": $0.locations, "detail": $0.detail] }
            }
            o["policy"] = ["source": p.source, "declared": p.declared, "evidence": p.evidence,
                           "undeclared_found": issues(p.undeclared), "declared_not_found": p.notFound,
                           "retention_exceeded": issues(p.retention), "outside_allowed_locations": issues(p.outside)] as [String: Any]
        } else {
            o["policy"] = NSNull()
        }
        return o
    }

    public func json() -> String {
        let data = (try? JSONSerialization.data(withJSONObject: jsonObject(), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: CSV

    /// One row per location × category.
    public func csv() -> String {
        var out = "location,category,label,findings,distinct_values,objects\n"
        for c in matrix {
            out += [c.location, c.category, label(c.category), "\(c.findings)", "\(c.distinct)", "\(c.objects)"].map(Escaping.csv).joined(separator: ",") + "\n"
        }
        return out
    }

    // MARK: Markdown

    static func md(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#": out.append("\\"); out.append(ch)
            case "\n", "\r", "\t": out.append(" ")
            default: out.append(ch)
            }
        }
        return out
    }

    public func markdown() -> String {
        var t = "# Personal-data map\n\n"
        t += "As of \(Self.iso(asOfNs)); locations grouped by \(groupBy.rawValue)\(groupBy == .folder ? " (depth \(depth))" : "").\n\n"
        t += "## Coverage\n\n| status | objects |\n|---|---:|\n"
        for (s, n) in byStatus { t += "| \(s) | \(n) |\n" }
        t += "| **total** | \(objects) |\n\n"
        if !reasons.isEmpty {
            t += "Objects not fully scanned (their findings may be incomplete):\n\n| status | reason | objects |\n|---|---|---:|\n"
            for r in reasons { t += "| \(r.status) | \(Self.md(r.reason)) | \(r.objects) |\n" }
            t += "\n"
        }
        t += "## Categories\n\n| category | label | findings | distinct values | objects |\n|---|---|---:|---:|---:|\n"
        for c in categories { t += "| \(Self.md(c.id)) | \(Self.md(c.label)) | \(c.findings) | \(c.distinct) | \(c.objects) |\n" }
        t += "\nCV documents: \(cvDocuments). Correspondence items (messages): \(correspondence).\n\n"
        t += "## Data map (findings / distinct values)\n\n| location | " + categories.map { Self.md($0.id) }.joined(separator: " | ") + " |\n"
        t += "|---|" + categories.map { _ in "---:|" }.joined() + "\n"
        let cellIndex = Dictionary(matrix.map { ("\($0.location)\u{1}\($0.category)", $0) }, uniquingKeysWith: { a, _ in a })
        for g in groups {
            t += "| \(Self.md(g)) | " + categories.map { c in cellIndex["\(g)\u{1}\(c.id)"].map { "\($0.findings) / \($0.distinct)" } ?? "" }.joined(separator: " | ") + " |\n"
        }
        t += "\n## Top locations\n\n| location | findings | distinct values | categories |\n|---|---:|---:|---|\n"
        for l in top { t += "| \(Self.md(l.location)) | \(l.findings) | \(l.distinct) | \(Self.md(l.categories.joined(separator: ", "))) |\n" }
        t += "\n## Age of the data (objects by file modification time)\n\n| category | oldest | " + Self.ageBuckets.joined(separator: " | ") + " |\n|---|---|" + Self.ageBuckets.map { _ in "---:|" }.joined() + "\n"
        for a in age { t += "| \(Self.md(a.category)) | \(a.oldest.map(Self.isoDate) ?? "-") | " + a.buckets.map(String.init).joined(separator: " | ") + " |\n" }
        if trend.count > 1 {
            t += "\n## Trend by run\n\n| run | status | started | findings | distinct values |\n|---:|---|---|---:|---:|\n"
            for r in trend { t += "| \(r.id) | \(r.status) | \(Self.iso(r.startedNs)) | \(r.findings) | \(r.distinct) |\n" }
        }
        if let p = policy { t += "\n" + markdownPolicy(p) }
        return t
    }

    func markdownPolicy(_ p: PolicyResult) -> String {
        var t = "## Policy check\n\n"
        t += "Declared (\(p.source == "yaml" ? "from the YAML declaration" : "recognised in the policy text")): " + (p.declared.isEmpty ? "none" : Self.md(p.declared.joined(separator: ", "))) + ".\n\n"
        func table(_ title: String, _ l: [PolicyResult.Issue]) -> String {
            var s = "### \(title)\n\n"
            if l.isEmpty { return s + "None.\n\n" }
            s += "| category | findings | objects | where | detail |\n|---|---:|---:|---|---|\n"
            for i in l { s += "| \(Self.md(i.category)) | \(i.findings) | \(i.objects) | \(Self.md(i.locations.joined(separator: ", "))) | \(Self.md(i.detail)) |\n" }
            return s + "\n"
        }
        t += table("Found but not declared", p.undeclared)
        t += "### Declared but never found\n\n" + (p.notFound.isEmpty ? "None." : Self.md(p.notFound.joined(separator: ", "))) + "\n\n"
        t += table("Older than the declared retention", p.retention)
        t += table("Outside the allowed locations", p.outside)
        return t
    }
}
