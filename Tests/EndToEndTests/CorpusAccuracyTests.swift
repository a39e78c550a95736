import Foundation
import TestSupport
import XCTest

/// Runs the built binary over Corpus/demo and scores it against the ground truth.
final class CorpusAccuracyTests: XCTestCase {
    struct Item: Hashable { let file: String; let line: Int; let kind: String; let value: String }

    /// Kinds whose precision and recall must both stay at or above 0.97.
    static let threshold = 0.97

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
        let found = try readJSONL(run.stdout).filter { !($0["kind"] as! String).hasPrefix("document.") }.map {
            Item(file: $0["location"] as! String, line: $0["line"] as! Int, kind: $0["kind"] as! String, value: $0["value"] as! String)
        }
        let truthText = try String(contentsOfFile: RepoPaths.root + "/Corpus/ground-truth.jsonl", encoding: .utf8)
        let truth = try readJSONL(truthText).map {
            Item(file: $0["file"] as! String, line: $0["line"] as! Int, kind: $0["kind"] as! String, value: $0["value"] as! String)
        }
        XCTAssertGreaterThan(truth.count, 500)
        let score = AccuracyTable(truth: truth.map { [$0.file, String($0.line), $0.kind, $0.value] },
                                  found: found.map { [$0.file, String($0.line), $0.kind, $0.value] },
                                  kindIndex: 2)
        print(score.markdown())
        for misses in score.examples(limit: 5) { print(misses) }
        for row in score.rows {
            XCTAssertGreaterThanOrEqual(row.precision, Self.threshold, "precision of \(row.kind): \(row.tp) tp, \(row.fp) fp")
            XCTAssertGreaterThanOrEqual(row.recall, Self.threshold, "recall of \(row.kind): \(row.tp) tp, \(row.fn) fn")
        }
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
        let truth = try String(contentsOfFile: RepoPaths.root + "/Corpus/ground-truth.jsonl", encoding: .utf8)
        let values = Set(try readJSONL(truth).map { $0["value"] as! String })
        var fields = Set<String>()
        for o in a { for v in o.values { if let s = v as? String { fields.insert(s) } } }
        XCTAssertEqual(values.intersection(fields).count, 0, "raw values in masked output (not printed)")
        for o in a where !(o["kind"] as! String).hasPrefix("document.") { XCTAssertTrue((o["masked"] as! String).contains("*")) }
    }
}
