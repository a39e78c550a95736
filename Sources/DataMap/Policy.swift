import Extraction
import Foundation
import Yams
#if canImport(Glibc)
import Glibc
#endif

/// Multilingual term lists that recognise, in a privacy policy's text, which categories it
/// declares (Patterns/policy-terms.yml).
public struct PolicyTerms: Sendable {
    public struct Entry: Sendable { public var category: String, terms: [String], exclude: [String] }
    public var entries: [Entry]
    /// The languages a term list is given in.
    public static let languages = ["en", "pt", "es", "sv", "de", "fr", "it", "nl"]

    public init(entries: [Entry]) { self.entries = entries }

    /// Reads `categories: {id: {en: [...], ..., exclude: [...]}}`.
    public static func load(path: String) throws -> PolicyTerms {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw DataMapError.policy("cannot read term lists \(path)") }
        guard let root = try? Yams.load(yaml: text) as? [String: Any], let cats = root["categories"] as? [String: Any] else {
            throw DataMapError.policy("\(path): expected a `categories:` mapping")
        }
        var entries: [Entry] = []
        for (id, value) in cats {
            guard let m = value as? [String: Any] else { throw DataMapError.policy("\(path): \(id) is not a mapping") }
            var terms: [String] = []
            for (key, list) in m where key != "exclude" {
                guard languages.contains(key) else { throw DataMapError.policy("\(path): \(id): unknown language \(key)") }
                terms += (list as? [Any] ?? []).map { "\($0)" }
            }
            entries.append(Entry(category: id, terms: terms, exclude: (m["exclude"] as? [Any] ?? []).map { "\($0)" }))
        }
        return PolicyTerms(entries: entries.sorted { $0.category < $1.category })
    }
}

/// What a privacy policy declares: categories, and (from the YAML form) retention periods
/// and allowed locations.
public struct Policy: Sendable {
    /// `text` (recognised from a policy document) or `yaml`.
    public var source: String
    public var declared: [String]
    /// For text policies: the terms that matched, by category.
    public var evidence: [String: [String]]
    /// Retention in days, by category.
    public var retention: [String: Int]
    /// Glob patterns (fnmatch, `*` crosses `/`) of allowed object locations, by category.
    public var allowed: [String: [String]]

    public init(source: String, declared: [String], evidence: [String: [String]] = [:], retention: [String: Int] = [:], allowed: [String: [String]] = [:]) {
        self.source = source; self.declared = declared; self.evidence = evidence; self.retention = retention; self.allowed = allowed
    }

    /// Reads a policy: YAML (`.yml`/`.yaml`, or a document starting with `categories:`),
    /// HTML (`.html`/`.htm` or markup), Markdown or plain text.
    public static func load(path: String, terms: PolicyTerms, known: Set<String>) throws -> Policy {
        guard let data = FileManager.default.contents(atPath: path) else { throw DataMapError.policy("cannot read \(path)") }
        let text = String(decoding: data, as: UTF8.self)
        let ext = (path as NSString).pathExtension.lowercased()
        let head = text.prefix(4096).lowercased()
        if ext == "yml" || ext == "yaml" || text.hasPrefix("categories:") { return try yaml(text, known: known) }
        if ext == "html" || ext == "htm" || head.contains("<html") || head.contains("<body") || head.contains("<p>") {
            return recognise(HTMLText.extract(string: text), terms: terms)
        }
        if ext == "md" || ext == "markdown" { return recognise(stripMarkdownLinks(text), terms: terms) }
        return recognise(text, terms: terms)
    }

    /// `[text](url)` keeps the text only (a URL's words are not declarations).
    static func stripMarkdownLinks(_ s: String) -> String {
        s.replacingOccurrences(of: #"\]\([^)\s]*\)"#, with: "]", options: .regularExpression)
    }

    /// The small YAML form: `categories: [...]`, `retention: {category: days}`, `allowed_locations: {category: [glob]}`.
    static func yaml(_ text: String, known: Set<String>) throws -> Policy {
        guard let root = (try? Yams.load(yaml: text)) as? [String: Any] else { throw DataMapError.policy("not a YAML mapping") }
        let declared = (root["categories"] as? [Any] ?? []).map { "\($0)" }
        var retention: [String: Int] = [:]
        for (k, v) in root["retention"] as? [String: Any] ?? [:] {
            guard let d = v as? Int, d >= 0 else { throw DataMapError.policy("retention of \(k) must be a number of days") }
            retention[k] = d
        }
        var allowed: [String: [String]] = [:]
        for (k, v) in root["allowed_locations"] as? [String: Any] ?? [:] { allowed[k] = (v as? [Any] ?? [v]).map { "\($0)" } }
        for c in Set(declared).union(retention.keys).union(allowed.keys) where !known.contains(c) {
            throw DataMapError.policy("unknown category \(c) (see Patterns/categories.yml)")
        }
        return Policy(source: "yaml", declared: declared, retention: retention, allowed: allowed)
    }

    /// Recognises declared categories in a policy's text with the term lists.
    public static func recognise(_ text: String, terms: PolicyTerms) -> Policy {
        let norm = normalise(text)
        var declared: [String] = []
        var evidence: [String: [String]] = [:]
        for e in terms.entries {
            var t = norm
            for x in e.exclude { t = blank(t, term: x) }
            var seen = Set<String>()
            let hits = e.terms.filter { !matches(t, term: $0).isEmpty && seen.insert($0).inserted }
            if !hits.isEmpty { declared.append(e.category); evidence[e.category] = hits }
        }
        return Policy(source: "text", declared: declared, evidence: evidence)
    }

    /// Lower case, accents folded, every run of non-alphanumerics one space, padded with spaces.
    static func normalise(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = " "
        var space = true
        for ch in folded {
            if ch.isLetter || ch.isNumber { out.append(ch); space = false } else if !space { out.append(" "); space = true }
        }
        if !space { out.append(" ") }
        return out
    }

    /// Ranges of a term in normalised text: whole words, or a word prefix when it ends in `*`.
    static func matches(_ text: String, term: String) -> [Range<String.Index>] {
        let prefix = term.hasSuffix("*")
        let core = normalise(prefix ? String(term.dropLast()) : term).dropLast()  // " word word"
        guard core.count > 1 else { return [] }
        var out: [Range<String.Index>] = []
        var from = text.startIndex
        while let r = text.range(of: core, range: from..<text.endIndex) {
            var end = r.upperBound
            if prefix {
                while end < text.endIndex, text[end] != " " { end = text.index(after: end) }
                out.append(r.lowerBound..<end)
            } else if end < text.endIndex, text[end] == " " {
                out.append(r)
            }
            from = text.index(after: r.lowerBound)
        }
        return out
    }

    /// The text with every match of `term` replaced by a space.
    static func blank(_ text: String, term: String) -> String {
        var t = text
        for r in matches(text, term: term).reversed() { t.replaceSubrange(r, with: " ") }
        return t
    }
}

/// The policy check: evidence against declarations.
public struct PolicyResult: Sendable {
    /// One finding of the check: a category, how much data and where (the objects holding most of it, up to 5).
    public struct Issue: Sendable { public var category: String, findings: Int, objects: Int, locations: [String], detail: String }
    public var source: String
    public var declared: [String]
    public var evidence: [String: [String]]
    public var undeclared: [Issue]
    public var notFound: [String]
    public var retention: [Issue]
    public var outside: [Issue]

    static func check(_ p: Policy, input: DataMapInput, labels: [CategoryInfo], asOfNs: Int64,
                      group: (DataMapInput.Finding) -> String) -> PolicyResult {
        let mtime = Dictionary(input.objects.map { ($0.location, $0.mtimeNs) }, uniquingKeysWith: { a, _ in a })
        let declared = Set(p.declared)
        func issues(_ select: (DataMapInput.Finding) -> Bool, detail: (String) -> String) -> [Issue] {
            var by: [String: (n: Int, objects: Set<String>, groups: [String: Int])] = [:]
            for f in input.findings where select(f) {
                by[f.category, default: (0, [], [:])].n += f.count
                by[f.category]!.objects.insert(f.object)
                by[f.category]!.groups[f.object, default: 0] += f.count
            }
            return labels.compactMap { c in
                guard let v = by[c.id] else { return nil }
                let where_ = v.groups.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5).map(\.key)
                return Issue(category: c.id, findings: v.n, objects: v.objects.count, locations: where_, detail: detail(c.id))
            }
        }
        let found = Set(input.findings.map(\.category))
        let undeclared = issues({ !declared.contains($0.category) }, detail: { _ in "not declared" })
        let notFound = labels.map(\.id).filter { declared.contains($0) && !found.contains($0) }
        let retention = issues({ f in
            guard let days = p.retention[f.category], let m = mtime[f.object] ?? nil else { return false }
            return m < asOfNs - Int64(days) * 86_400_000_000_000
        }, detail: { "older than \(p.retention[$0] ?? 0) days" })
        let outside = issues({ f in
            guard let globs = p.allowed[f.category] else { return false }
            return !globs.contains { fnmatch($0, f.object, 0) == 0 }
        }, detail: { "outside " + (p.allowed[$0] ?? []).joined(separator: ", ") })
        return PolicyResult(source: p.source, declared: labels.map(\.id).filter(declared.contains), evidence: p.evidence,
                            undeclared: undeclared, notFound: notFound, retention: retention, outside: outside)
    }
}

extension CategoryInfo {
    /// Categories in file order from Patterns/categories.yml (`categories: [{id, label}]`).
    public static func load(path: String) throws -> [CategoryInfo] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let root = (try? Yams.load(yaml: text)) as? [String: Any], let list = root["categories"] as? [[String: Any]] else {
            throw DataMapError.policy("cannot read categories from \(path)")
        }
        return list.compactMap { m in (m["id"] as? String).map { CategoryInfo(id: $0, label: (m["label"] as? String) ?? $0) } }
    }
}
