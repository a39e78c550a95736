import Foundation
import TestSupport
import XCTest

/// Runs the built binary over Corpus/mail and Corpus/pst and scores it against
/// Corpus/ground-truth-mail.jsonl (items inside messages, attachments, zips in zips and
/// PST items, by location).
final class MailAccuracyTests: XCTestCase {
    /// Precision and recall every kind must keep.
    static let threshold = 0.97
    /// `person_name` is held to 0.95 here: its detector is scored on the demo corpus by
    /// CorpusAccuracyTests; on this corpus its known false positives are the PST fixtures'
    /// literal sender `Unknown`, a street name in an address line and a first name read
    /// alone in a signature, none of them from the mail reading.
    static let nameThreshold = 0.95

    func readJSONL(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func run(_ arguments: [String]) throws -> TrawlBinary.Run {
        let key = NSTemporaryDirectory() + "trawl-mail-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: key) }
        return try TrawlBinary.run(["scan", "--quiet", "--key-file", key] + arguments)
    }

    func testPrecisionAndRecallPerKindOnMailCorpus() throws {
        let result = try run(["--format", "jsonl", "--reveal", "Corpus/mail", "Corpus/pst"])
        // 1: the password-protected PST is read in full but reported partial(password_protected).
        XCTAssertEqual(result.status, 1, result.stderr)
        // Locations, kinds and values, each once per location (a value written twice in one
        // message is one item); document findings are scored by location.
        var found = Set<[String]>()
        for o in try readJSONL(result.stdout) {
            let kind = o["kind"] as! String
            found.insert([o["location"] as! String, "-", kind, kind.hasPrefix("document.") ? "message" : o["value"] as! String])
        }
        let truthText = try String(contentsOfFile: RepoPaths.root + "/Corpus/ground-truth-mail.jsonl", encoding: .utf8)
        let truth = try readJSONL(truthText).map { [$0["location"] as! String, "-", $0["kind"] as! String, $0["value"] as! String] }
        XCTAssertGreaterThan(truth.count, 300)
        let score = AccuracyTable(truth: truth, found: Array(found), kindIndex: 2)
        print(score.markdown())
        for misses in score.examples(limit: 5) { print(misses) }
        XCTAssertTrue(score.rows.contains { $0.kind == "document.correspondence" })
        for row in score.rows {
            let threshold = row.kind == "person_name" ? Self.nameThreshold : Self.threshold
            XCTAssertGreaterThanOrEqual(row.precision, threshold, "precision of \(row.kind): \(row.tp) tp, \(row.fp) fp")
            XCTAssertGreaterThanOrEqual(row.recall, threshold, "recall of \(row.kind): \(row.tp) tp, \(row.fn) fn")
        }
    }

    func testObjectsAndMaskedOutput() throws {
        let result = try run(["--format", "json", "Corpus/mail", "Corpus/pst"])
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let objects = try XCTUnwrap(doc["objects"] as? [[String: Any]])
        XCTAssertEqual(objects.count, 1)
        XCTAssertEqual(objects.first?["location"] as? String, "Corpus/pst/passworded.pst")
        XCTAssertEqual(objects.first?["reason"] as? String, "password_protected")
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        let truthText = try String(contentsOfFile: RepoPaths.root + "/Corpus/ground-truth-mail.jsonl", encoding: .utf8)
        let values = Set(try readJSONL(truthText).map { $0["value"] as! String }).subtracting(["message"])
        var fields = Set<String>()
        for o in findings {
            XCTAssertNil(o["value"])
            for v in o.values { if let s = v as? String { fields.insert(s) } }
        }
        XCTAssertEqual(values.intersection(fields).count, 0, "raw values in masked output (not printed)")
        let docs = findings.filter { $0["kind"] as? String == "document.correspondence" }
        XCTAssertEqual(docs.count, 51)
        XCTAssertTrue(docs.allSatisfy { ($0["fingerprint"] as? String)?.hasPrefix("hmac-sha256:") ?? false })
    }

    func testKindFilterAppliesToDocumentFindings() throws {
        let only = try run(["--format", "jsonl", "--kind", "email", "Corpus/mail/eml"])
        let kinds = Set(try readJSONL(only.stdout).map { $0["kind"] as! String })
        XCTAssertEqual(kinds, ["email"])
        let docs = try run(["--format", "jsonl", "--kind", "document.correspondence", "Corpus/mail/eml"])
        XCTAssertEqual(try readJSONL(docs.stdout).count, 7)
    }
}
