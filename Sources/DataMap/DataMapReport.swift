import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How locations are rolled up in the matrix.
public enum GroupBy: String, Sendable, CaseIterable {
    case root, folder, owner, `extension`
}

/// A category's id and label (from Patterns/categories.yml).
public struct CategoryInfo: Sendable, Hashable {
    public var id: String, label: String
    public init(id: String, label: String) { self.id = id; self.label = label }
}

/// The data map: everything the renderers print, computed from a `DataMapInput`.
public struct DataMapReport: Sendable {
    public struct Cell: Sendable { public var location: String, category: String, findings: Int, distinct: Int, objects: Int }
    public struct CategoryTotal: Sendable { public var id: String, label: String, findings: Int, distinct: Int, objects: Int }
    public struct TopLocation: Sendable { public var location: String, findings: Int, distinct: Int, categories: [String] }
    public struct Age: Sendable { public var category: String, oldest: Int64?, buckets: [Int] }
    public struct Reason: Sendable { public var status: String, reason: String, objects: Int }
    public struct TrendRun: Sendable { public var id: Int64, status: String, startedNs: Int64, findings: Int, distinct: Int, byCategory: [String: Int] }

    /// Age buckets (by mtime, relative to `asOf`): labels and upper bounds in days.
    public static let ageBuckets = ["< 1 year", "1-2 years", "2-5 years", "> 5 years", "unknown"]
    static let ageLimits = [365, 730, 1826]

    public var asOfNs: Int64
    public var groupBy: GroupBy, depth: Int
    /// Objects by status (complete, partial, skipped, error) and the reasons of the others.
    public var objects: Int
    public var byStatus: [(String, Int)]
    public var reasons: [Reason]
    public var categories: [CategoryTotal]
    public var groups: [String]
    public var matrix: [Cell]
    public var top: [TopLocation]
    public var age: [Age]
    public var cvDocuments: Int, correspondence: Int
    public var trend: [TrendRun]
    public var policy: PolicyResult?
    /// Every known category (display order).
    public var labelList: [CategoryInfo]

    /// Computes the report. `labels`: known categories in display order (others are appended).
    public static func build(_ input: DataMapInput, labels: [CategoryInfo], groupBy: GroupBy, depth: Int,
                             asOfNs: Int64, top topCount: Int = 10, policy: Policy? = nil) -> DataMapReport {
        let objectsByLocation = Dictionary(input.objects.map { ($0.location, $0) }, uniquingKeysWith: { a, _ in a })
        // Status counts, in a fixed order so nothing unscanned looks clean.
        var statusCount: [String: Int] = [:]
        var reasonCount: [String: Int] = [:]
        for o in input.objects {
            statusCount[o.status, default: 0] += 1
            if o.status != "complete" { reasonCount["\(o.status)\u{1}\(o.reason ?? "")", default: 0] += 1 }
        }
        let byStatus = ["complete", "partial", "skipped", "error"].map { ($0, statusCount[$0] ?? 0) }
        let reasons = reasonCount.map { k, n -> Reason in
            let p = k.split(separator: "\u{1}", omittingEmptySubsequences: false)
            return Reason(status: String(p[0]), reason: String(p[1]), objects: n)
        }.sorted { ($0.status, -$0.objects, $0.reason) < ($1.status, -$1.objects, $1.reason) }

        var owners: [String: String] = [:]
        func group(_ f: DataMapInput.Finding) -> String {
            let root = objectsByLocation[f.object]?.root ?? ""
            return DataMapReport.groupKey(object: f.object, findingLocation: f.location, root: root, groupBy: groupBy, depth: depth, owners: &owners)
        }

        // Category order: known ones first, then any others found.
        var order = labels
        let known = Set(labels.map(\.id))
        for c in Set(input.findings.map(\.category)).subtracting(known).sorted() { order.append(CategoryInfo(id: c, label: c)) }

        struct Acc { var findings = 0; var fps = Set<String>(); var objects = Set<String>() }
        var cells: [String: [String: Acc]] = [:]
        var totals: [String: Acc] = [:]
        var perObject: [String: Acc] = [:]
        var perObjectCats: [String: Set<String>] = [:]
        var cv = Set<String>(), mail = Set<String>()
        // Age: per (object, category) pair, bucketed by the object's mtime.
        var agePairs = Set<String>()
        var ages: [String: [Int]] = [:]
        var oldest: [String: Int64] = [:]
        for f in input.findings {
            let g = group(f)
            cells[g, default: [:]][f.category, default: Acc()].findings += f.count
            cells[g]![f.category]!.fps.insert(f.fingerprint)
            cells[g]![f.category]!.objects.insert(f.object)
            totals[f.category, default: Acc()].findings += f.count
            totals[f.category]!.fps.insert(f.fingerprint)
            totals[f.category]!.objects.insert(f.object)
            perObject[f.object, default: Acc()].findings += f.count
            perObject[f.object]!.fps.insert(f.fingerprint)
            perObjectCats[f.object, default: []].insert(f.category)
            if f.kind == "document.cv" { cv.insert(f.location) }
            if f.kind == "document.correspondence" { mail.insert(f.location) }
            if agePairs.insert(f.object + "\u{1}" + f.category).inserted {
                let mtime = objectsByLocation[f.object]?.mtimeNs
                ages[f.category, default: Array(repeating: 0, count: ageBuckets.count)][bucket(mtime, asOfNs: asOfNs)] += 1
                if let m = mtime, m < (oldest[f.category] ?? Int64.max) { oldest[f.category] = m }
            }
        }
        let categories = order.compactMap { c -> CategoryTotal? in
            guard let t = totals[c.id] else { return nil }
            return CategoryTotal(id: c.id, label: c.label, findings: t.findings, distinct: t.fps.count, objects: t.objects.count)
        }
        let groups = cells.keys.sorted()
        var matrix: [Cell] = []
        for g in groups {
            for c in order { if let a = cells[g]?[c.id] { matrix.append(Cell(location: g, category: c.id, findings: a.findings, distinct: a.fps.count, objects: a.objects.count)) } }
        }
        let top = perObject.map { (loc, acc) in
            TopLocation(location: loc, findings: acc.findings, distinct: acc.fps.count,
                        categories: order.map(\.id).filter { perObjectCats[loc]?.contains($0) ?? false })
        }
            .sorted { ($1.distinct, $1.findings, $0.location) < ($0.distinct, $0.findings, $1.location) }
            .prefix(topCount)
        let age = categories.map { Age(category: $0.id, oldest: oldest[$0.id], buckets: ages[$0.id] ?? []) }
        let trend = input.runs.map { r in
            TrendRun(id: r.id, status: r.status, startedNs: r.startedNs,
                     findings: r.byCategory.values.reduce(0) { $0 + $1.findings },
                     distinct: r.byCategory.values.reduce(0) { $0 + $1.distinct },
                     byCategory: r.byCategory.mapValues(\.findings))
        }
        var report = DataMapReport(asOfNs: asOfNs, groupBy: groupBy, depth: depth, objects: input.objects.count, byStatus: byStatus,
                                   reasons: reasons, categories: categories, groups: groups, matrix: matrix, top: Array(top), age: age,
                                   cvDocuments: cv.count, correspondence: mail.count, trend: trend, policy: nil, labelList: order)
        if let policy { report.policy = PolicyResult.check(policy, input: input, labels: order, asOfNs: asOfNs, group: group) }
        return report
    }

    static func bucket(_ mtimeNs: Int64?, asOfNs: Int64) -> Int {
        guard let m = mtimeNs else { return ageBuckets.count - 1 }
        let days = Int((asOfNs - m) / 86_400_000_000_000)
        for (i, limit) in ageLimits.enumerated() where days < limit { return i }
        return ageLimits.count
    }

    /// The matrix row of a finding: its object's root, folder (first `depth` directories under
    /// the root), owner (user name of the object's uid) or extension (of the innermost member that has one).
    static func groupKey(object: String, findingLocation: String, root: String, groupBy: GroupBy, depth: Int, owners: inout [String: String]) -> String {
        switch groupBy {
        case .root:
            return root.isEmpty ? object : root
        case .folder:
            let rootTrimmed = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
            var rel = object
            if !rootTrimmed.isEmpty, object.hasPrefix(rootTrimmed + "/") { rel = String(object.dropFirst(rootTrimmed.count + 1)) }
            else if object == rootTrimmed { return rootTrimmed }
            var dirs = rel.split(separator: "/").dropLast().map(String.init)
            dirs = Array(dirs.prefix(max(0, depth)))
            return ([rootTrimmed] + dirs).filter { !$0.isEmpty }.joined(separator: "/")
        case .owner:
            if let o = owners[object] { return o }
            var st = stat()
            var name = "unknown"
            if stat(object, &st) == 0 {
                if let pw = getpwuid(st.st_uid), let n = pw.pointee.pw_name { name = String(cString: n) } else { name = "uid \(st.st_uid)" }
            }
            owners[object] = name
            return name
        case .extension:
            // The innermost member with an extension (a message of an mbox counts as `mbox`).
            for part in findingLocation.components(separatedBy: "!/").reversed() {
                let file = part.split(separator: "/").last.map(String.init) ?? part
                if let dot = file.lastIndex(of: "."), dot != file.startIndex, file.index(after: dot) != file.endIndex {
                    return String(file[file.index(after: dot)...]).lowercased()
                }
            }
            return "(none)"
        }
    }

    /// ISO 8601 date-time (UTC, seconds) of nanoseconds since the epoch.
    public static func iso(_ ns: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: Double(ns / 1_000_000_000)))
    }
    /// ISO 8601 date (UTC).
    public static func isoDate(_ ns: Int64) -> String { String(iso(ns).prefix(10)) }
}
