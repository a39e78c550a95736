import Foundation
import TestSupport
import XCTest

/// Runs the built binary over Corpus/demo and scores it against the ground truth.
final class CorpusAccuracyTests: XCTestCase {
    struct Item: Hashable { let file: String; let line: Int; let kind: String; let value: String }

    /// Precision and recall every structured kind must keep.
    static let threshold = 0.97
    /// Person names (issue 3): precision and recall floors.
    static let namePrecision = 0.90, nameRecall = 0.85

    /// The floors of one kind: CVs must all be found, with no false CV.
    static func floors(_ kind: String) -> (precision: Double, recall: Double) {
        switch kind {
        case "person_name": return (namePrecision, nameRecall)
        case "document.cv": return (1, 1)
        default: return (threshold, threshold)
        }
    }

    func readJSONL(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func testPrecisionAndRecallPerKindOnCorpus() throws {
        let key = NSTemporaryDirectory() + "trawl-e2e-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: key) }
        let run = try TrawlBinary.run(["scan", "--format", "jsonl", "--reveal", "--quiet", "--key-file", key, "Corpus/demo"])
        XCTAssertEqual(run.status, 0, run.stderr)
        // Document-level findings (a mail export is `document.correspondence`) are scored
        // by MailAccuracyTests; the demo truth lists only values.
        let found = try readJSONL(run.stdout).filter { $0["kind"] as! String != "document.correspondence" }.map {
            Item(file: $0["location"] as! String, line: $0["line"] as! Int, kind: $0["kind"] as! String, value: $0["value"] as! String)
        }
        let truth = try Self.truth()
        XCTAssertGreaterThan(truth.filter { $0.kind == "person_name" }.count, 2000)
        XCTAssertGreaterThan(truth.filter { $0.kind == "document.cv" }.count, 20)
        // Structured items and names are matched by file, line, kind and value; a CV by
        // file, kind and the applicant's name (its line is where that name stands).
        func matchKey(_ i: Item) -> [String] { [i.file, i.kind == "document.cv" ? "" : String(i.line), i.kind, i.value] }
        let score = AccuracyTable(truth: truth.map(matchKey), found: found.map(matchKey), kindIndex: 2)
        print(score.markdown())
        for misses in score.examples(limit: 5) { print(misses) }
        XCTAssertEqual(Set(score.rows.map(\.kind)).isSuperset(of: ["person_name", "document.cv", "email", "iban"]), true)
        for row in score.rows {
            let floor = Self.floors(row.kind)
            XCTAssertGreaterThanOrEqual(row.precision, floor.precision, "precision of \(row.kind): \(row.tp) tp, \(row.fp) fp")
            XCTAssertGreaterThanOrEqual(row.recall, floor.recall, "recall of \(row.kind): \(row.tp) tp, \(row.fn) fn")
        }
    }

    /// Every planted item: structured items, person names and CV documents.
    static func truth() throws -> [Item] {
        func read(_ name: String) throws -> [[String: Any]] {
            let text = try String(contentsOfFile: RepoPaths.root + "/Corpus/" + name, encoding: .utf8)
            return try text.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        }
        let items = try read("ground-truth.jsonl").map {
            Item(file: $0["file"] as! String, line: $0["line"] as! Int, kind: $0["kind"] as! String, value: $0["value"] as! String)
        }
        let names = try read("ground-truth-names.jsonl").map {
            Item(file: $0["file"] as! String, line: $0["line"] as! Int, kind: "person_name", value: $0["value"] as! String)
        }
        let documents = try read("ground-truth-documents.jsonl").map {
            Item(file: $0["file"] as! String, line: 0, kind: $0["kind"] as! String, value: $0["value"] as! String)
        }
        return items + names + documents
    }

    func testJSONLFollowsTheOutputContract() throws {
        let key = NSTemporaryDirectory() + "trawl-e2e-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: key) }
        let masked = try TrawlBinary.run(["scan", "--format", "jsonl", "--quiet", "--key-file", key, "Corpus/demo"])
        let revealed = try TrawlBinary.run(["scan", "--format", "jsonl", "--reveal", "--quiet", "--key-file", key, "Corpus/demo"])
        let a = try readJSONL(masked.stdout), b = try readJSONL(revealed.stdout)
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a.count, b.count)
        let contract: Set<String> = ["location", "kind", "detector", "category", "confidence", "line", "masked", "fingerprint"]
        for o in a { XCTAssertEqual(Set(o.keys), contract) }
        for o in b {
            XCTAssertEqual(Set(o.keys), contract.union(["value"]))
            XCTAssertTrue((o["fingerprint"] as! String).hasPrefix("hmac-sha256:"))
            XCTAssertNotEqual(o["masked"] as? String, o["value"] as? String)
        }
        // Without --reveal no ground-truth value is any field of the output, and every
        // masked preview hides something.
        let values = Set(try Self.truth().map(\.value))
        var fields = Set<String>()
        for o in a { for v in o.values { if let s = v as? String { fields.insert(s) } } }
        XCTAssertEqual(values.intersection(fields).count, 0, "raw values in masked output (not printed)")
        for o in a where o["kind"] as! String != "document.correspondence" { XCTAssertTrue((o["masked"] as! String).contains("*")) }
    }
}
