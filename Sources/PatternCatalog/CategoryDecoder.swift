import Foundation
import Yams

/// Reads `categories.yml`.
enum CategoryDecoder {
    static func decode(file: String) throws -> [Category] {
        guard let root = try YamlErrorLine.compose(file: file) else { return [] }
        let top = NodeReader(file: file, node: root)
        guard let list = try top.child("categories")?.sequence else {
            throw CatalogError(top.location(), "categories.yml needs a 'categories' list")
        }
        var kindOwner: [String: String] = [:]
        return try list.map { item in
            let c = NodeReader(file: file, node: item)
            let category = Category(id: try c.string("id"), label: try c.string("label"),
                                    description: try c.optionalString("description") ?? "",
                                    gdpr: try c.optionalString("gdpr") ?? "", kinds: try c.strings("kinds"))
            for kind in category.kinds {
                if let other = kindOwner[kind] {
                    throw CatalogError(c.location(), "kind '\(kind)' is mapped to both '\(other)' and '\(category.id)'")
                }
                kindOwner[kind] = category.id
            }
            return category
        }
    }
}

/// Reads YAML files and pulls the line and the problem out of Yams errors.
enum YamlErrorLine {
    /// The node tree of a file; unreadable files and YAML errors become `CatalogError`s.
    static func compose(file: String) throws -> Node? {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw CatalogError(SourceLocation(file: file, line: 0), "cannot read: \(error.localizedDescription)")
        }
        do { return try Yams.compose(yaml: text) } catch let error as YamlError {
            throw CatalogError(SourceLocation(file: file, line: line(of: error)), "invalid YAML: \(problem(of: error))")
        }
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 0
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            if let context { return "\(problem) (\(context.text))" }
            return problem
        default:
            return "\(error)"
        }
    }
}
