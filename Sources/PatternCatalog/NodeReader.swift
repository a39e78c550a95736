import Yams

/// Reads typed fields from a YAML mapping, turning every mistake into a `CatalogError`
/// with the line it stands on.
struct NodeReader {
    let file: String
    let node: Node

    func location(_ n: Node? = nil) -> SourceLocation {
        SourceLocation(file: file, line: (n ?? node).mark?.line ?? 1)
    }

    func mapping() throws -> Node.Mapping {
        guard let m = node.mapping else { throw CatalogError(location(), "expected a mapping") }
        return m
    }

    func rejectUnknownKeys(_ allowed: Set<String>) throws {
        for key in try mapping().keys {
            guard let k = key.string, allowed.contains(k) else {
                throw CatalogError(location(key), "unknown key '\(key.string ?? "?")' (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }

    func child(_ key: String) throws -> Node? { try mapping()[key] }

    func string(_ key: String) throws -> String {
        guard let n = try child(key) else { throw CatalogError(location(), "missing '\(key)'") }
        guard let s = n.string, n.scalar != nil, !s.isEmpty else { throw CatalogError(location(n), "'\(key)' must be a non-empty string") }
        return s
    }

    func optionalString(_ key: String) throws -> String? {
        guard try child(key) != nil else { return nil }
        return try string(key)
    }

    func double(_ key: String, default value: Double? = nil, in range: ClosedRange<Double>) throws -> Double {
        guard let n = try child(key) else {
            if let value { return value }
            throw CatalogError(location(), "missing '\(key)'")
        }
        guard let d = n.float, range.contains(d) else {
            throw CatalogError(location(n), "'\(key)' must be a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return d
    }

    func int(_ key: String, default value: Int? = nil, in range: ClosedRange<Int>) throws -> Int {
        guard let n = try child(key) else {
            if let value { return value }
            throw CatalogError(location(), "missing '\(key)'")
        }
        guard let i = n.int, range.contains(i) else {
            throw CatalogError(location(n), "'\(key)' must be a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return i
    }

    func strings(_ key: String) throws -> [String] {
        guard let n = try child(key) else { return [] }
        guard let seq = n.sequence else { throw CatalogError(location(n), "'\(key)' must be a list") }
        return try seq.map { item in
            guard let s = item.string, item.scalar != nil else { throw CatalogError(location(item), "'\(key)' items must be strings") }
            return s
        }
    }

    func sub(_ key: String) throws -> NodeReader? {
        guard let n = try child(key) else { return nil }
        return NodeReader(file: file, node: n)
    }
}
