import Foundation
import Validators
import Yams

/// Every rule, category and data list loaded from one or more pattern directories.
public struct Catalog: Sendable {
    /// Rules in load order (built-in packs first, then user packs).
    public var rules: [Rule]
    /// Categories by id.
    public var categories: [String: Category]
    /// Top-level domains accepted by the `tld` validator, lowercase.
    public var tlds: Set<String>
    /// The person-name and CV model, when a pack defines one (the built-in one does).
    public var names: NameModel?
    /// Validators provided by the detector rather than the `Validators` target.
    public static let detectorValidators: Set<String> = ["tld"]

    /// Loads the given directories in order; the first one is expected to be the built-in
    /// `Patterns/` (with `categories.yml` and `data/tlds.txt`).
    public static func load(directories: [String]) throws -> Catalog {
        var catalog = Catalog(rules: [], categories: [:], tlds: [], names: nil)
        for dir in directories {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw CatalogError(SourceLocation(file: dir, line: 0), "pattern directory not found (check --patterns or TRAWL_PATTERNS)")
            }
            let categoriesPath = (dir as NSString).appendingPathComponent("categories.yml")
            if FileManager.default.fileExists(atPath: categoriesPath) {
                for c in try CategoryDecoder.decode(file: categoriesPath) { catalog.categories[c.id] = c }
            }
            let tldPath = (dir as NSString).appendingPathComponent("data/tlds.txt")
            if let text = try? String(contentsOfFile: tldPath, encoding: .utf8) {
                for line in text.split(whereSeparator: \.isNewline) {
                    let t = line.trimmingCharacters(in: .whitespaces).lowercased()
                    if !t.isEmpty && !t.hasPrefix("#") { catalog.tlds.insert(t) }
                }
            }
            for file in try ruleFiles(in: dir) {
                try catalog.add(file: file, directory: dir)
            }
        }
        try catalog.lint()
        try catalog.lintNames()
        return catalog
    }

    /// The YAML files of a directory that hold rules, sorted for a stable order.
    static func ruleFiles(in dir: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
        var files: [String] = []
        while let rel = walker.nextObject() as? String {
            if rel.hasPrefix("data/") || rel == "data" { continue }
            guard rel.hasSuffix(".yml") || rel.hasSuffix(".yaml") else { continue }
            let base = (rel as NSString).lastPathComponent
            if base == "categories.yml" || base == "policy-terms.yml" { continue }
            files.append((dir as NSString).appendingPathComponent(rel))
        }
        return files.sorted()
    }

    /// Reads one pack file: a `rules` list, or a `names` model (at most one in all).
    mutating func add(file: String, directory: String) throws {
        guard let root = try YamlErrorLine.compose(file: file) else { return }
        let top = NodeReader(file: file, node: root)
        try top.rejectUnknownKeys(["family", "description", "rules", "names"])
        if let model = try top.sub("names") {
            if let first = names {
                throw CatalogError(model.location(), "a second 'names' model (the first is at \(first.source)); extend that one instead")
            }
            names = try NameModelDecoder.decode(model, directory: directory)
            return
        }
        guard let rulesNode = try top.child("rules"), let seq = rulesNode.sequence else {
            throw CatalogError(top.location(), "a pattern pack needs a 'rules' list (or a 'names' model)")
        }
        rules += try seq.map { try RuleDecoder.decode(NodeReader(file: file, node: $0)) }
    }

    /// Checks cross-rule facts: unique ids, known validators and options, categories.
    func lint() throws {
        var seen: [String: SourceLocation] = [:]
        for rule in rules {
            if let first = seen[rule.id] {
                throw CatalogError(rule.source, "duplicate rule id '\(rule.id)' (first defined at \(first))")
            }
            seen[rule.id] = rule.source
            for v in rule.validators where Validators.named(v) == nil && !Catalog.detectorValidators.contains(v) {
                throw CatalogError(rule.source, "rule \(rule.id): unknown validator '\(v)'")
            }
            if rule.validators.contains("tld") && tlds.isEmpty {
                throw CatalogError(rule.source, "rule \(rule.id) uses 'tld' but no data/tlds.txt was loaded")
            }
            if !categories.isEmpty {
                guard let category = categories[rule.category] else {
                    throw CatalogError(rule.source, "rule \(rule.id): unknown category '\(rule.category)' (not in categories.yml)")
                }
                if !category.kinds.contains(rule.kind) {
                    throw CatalogError(rule.source, "rule \(rule.id): kind '\(rule.kind)' is not listed under category '\(rule.category)' in categories.yml")
                }
            }
        }
    }

    /// Checks that the name model's kinds are listed under their categories.
    func lintNames() throws {
        guard let m = names, !categories.isEmpty else { return }
        for (kind, id) in [(m.kind, m.category), (m.cv.kind, m.cv.category)] {
            guard let category = categories[id], category.kinds.contains(kind) else {
                throw CatalogError(m.source, "names: kind '\(kind)' is not listed under category '\(id)' in categories.yml")
            }
        }
    }

    /// The category id a kind maps to, if any.
    public func category(forKind kind: String) -> String? {
        categories.values.first { $0.kinds.contains(kind) }?.id
    }
}
