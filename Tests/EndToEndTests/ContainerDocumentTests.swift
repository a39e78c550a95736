import Foundation
import TestSupport
import XCTest

/// "CVs found wherever they hide": the built binary over Corpus/share, where
/// Corpus/tools/containers.py put the demo CVs, cover letters and some non-CV documents of
/// nine languages, converted to docx/odt/pdf/rtf/html, into a zip, a tar.gz, a 7z and a zip
/// inside a zip (Corpus/share/recruiting/). Truth: ground-truth-containers-documents.jsonl
/// (one `document.cv` per CV/letter), container-document-decoys.jsonl (documents that are
/// not CVs) and ground-truth-containers-names.jsonl (person names per converted file).
final class ContainerDocumentTests: XCTestCase {
    static let namePrecision = 0.90
    static let nameRecall = 0.85

    struct Scan {
        let findings: [[String: Any]]
        let cvs: [[String: Any]]
        let decoys: [[String: Any]]
        let names: [[String: Any]]
    }

    func readJSONL(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func scan() throws -> Scan {
        let key = NSTemporaryDirectory() + "trawl-e2e-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: key) }
        let run = try TrawlBinary.run(["scan", "--format", "jsonl", "--reveal", "--quiet", "--key-file", key, "Corpus/share"])
        XCTAssertEqual(run.status, 0, "every object should be complete: \(run.stderr)")
        let findings = try run.stdout.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let corpus = RepoPaths.root + "/Corpus/"
        return Scan(findings: findings,
                    cvs: try readJSONL(corpus + "ground-truth-containers-documents.jsonl"),
                    decoys: try readJSONL(corpus + "container-document-decoys.jsonl"),
                    names: try readJSONL(corpus + "ground-truth-containers-names.jsonl"))
    }

    static func format(_ location: String) -> String {
        ContainerAccuracyTests.format(location)
    }

    func testEveryConvertedCVGivesOneFindingAtItsInnerLocation() throws {
        let s = try scan()
        XCTAssertEqual(s.cvs.count, 36, "27 CVs and 9 cover letters of nine flavours")
        XCTAssertGreaterThanOrEqual(s.decoys.count, 9)
        let truth = Dictionary(uniqueKeysWithValues: s.cvs.map { ($0["location"] as! String, $0["value"] as! String) })
        let decoyLocations = Set(s.decoys.map { $0["location"] as! String })
        var reported: [String: [String]] = [:]
        for f in s.findings where f["kind"] as? String == "document.cv" {
            reported[f["location"] as! String, default: []].append(f["value"] as? String ?? "")
        }

        struct Row { var cvs = 0, right = 0, wrongValue = 0, missed = 0, duplicate = 0, decoys = 0, decoyHits = 0 }
        var rows: [String: Row] = [:]
        for (location, value) in truth {
            let fmt = Self.format(location)
            rows[fmt, default: Row()].cvs += 1
            let got = reported[location] ?? []
            if got.isEmpty {
                rows[fmt]!.missed += 1
                XCTFail("no document.cv for \(location)")
            } else if got.count > 1 {
                rows[fmt]!.duplicate += 1
                XCTFail("\(got.count) document.cv findings for \(location)")
            } else if got[0] != value {
                rows[fmt]!.wrongValue += 1
                XCTFail("document.cv for \(location) names someone else (\(got[0].count) characters, expected \(value.count))")
            } else {
                rows[fmt]!.right += 1
            }
        }
        for location in decoyLocations {
            let fmt = Self.format(location)
            rows[fmt, default: Row()].decoys += 1
            if let got = reported[location] {
                rows[fmt]!.decoyHits += got.count
                XCTFail("a non-CV document was classified as a CV: \(location)")
            }
        }
        // Nothing else in Corpus/share (the notes-*, archives/ and misc/ documents) is a CV.
        let elsewhere = reported.keys.filter { truth[$0] == nil && !decoyLocations.contains($0) }.sorted()
        XCTAssertEqual(elsewhere, [], "document.cv outside the converted CVs")

        var table = "| format | CVs/letters | right name | wrong name | missed | duplicate | non-CV docs | classified as CV |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
        var all = Row()
        for (fmt, r) in rows.sorted(by: { $0.key < $1.key }) {
            table += "| \(fmt) | \(r.cvs) | \(r.right) | \(r.wrongValue) | \(r.missed) | \(r.duplicate) | \(r.decoys) | \(r.decoyHits) |\n"
            all.cvs += r.cvs; all.right += r.right; all.wrongValue += r.wrongValue; all.missed += r.missed
            all.duplicate += r.duplicate; all.decoys += r.decoys; all.decoyHits += r.decoyHits
        }
        table += "| **all** | \(all.cvs) | \(all.right) | \(all.wrongValue) | \(all.missed) | \(all.duplicate) | \(all.decoys) | \(all.decoyHits) |\n"
        print("document.cv inside containers (Corpus/share/recruiting):\n" + table
              + "document.cv elsewhere in Corpus/share: \(elsewhere.count)")
        // Every archive kind holds converted CVs, and every converted format is present.
        let archives = Set(truth.keys.map { $0.components(separatedBy: "!/").first! })
        XCTAssertEqual(archives, ["Corpus/share/recruiting/applications-2024.zip", "Corpus/share/recruiting/candidates.tar.gz",
                                  "Corpus/share/recruiting/archive-2022.7z", "Corpus/share/recruiting/old.zip"])
        XCTAssertTrue(truth.keys.contains { $0.hasPrefix("Corpus/share/recruiting/old.zip!/2021.zip!/") })
        XCTAssertTrue(Set(rows.keys).isSuperset(of: ["docx", "odt", "pdf", "rtf", "html"]))
    }

    func testPersonNamesInsideConvertedDocuments() throws {
        let s = try scan()
        let converted = Set((s.cvs + s.decoys).map { $0["location"] as! String })
        XCTAssertGreaterThan(s.names.count, 80)
        XCTAssertTrue(s.names.allSatisfy { converted.contains($0["location"] as! String) })
        // Multisets of (location, "-", format, value): a name written on two lines counts twice.
        let truth = s.names.map { n -> [String] in
            let loc = n["location"] as! String
            return [loc, "-", Self.format(loc), n["value"] as! String]
        }
        let found = s.findings.filter { $0["kind"] as? String == "person_name" && converted.contains($0["location"] as! String) }
            .map { f -> [String] in
                let loc = f["location"] as! String
                return [loc, "-", Self.format(loc), f["value"] as? String ?? ""]
            }
        let score = AccuracyTable(truth: truth, found: found, kindIndex: 2)
        print("person_name inside the converted documents, per format:\n" + score.markdown())
        for line in score.examples(limit: 10) { print(line) }
        let tp = score.rows.map(\.tp).reduce(0, +), fp = score.rows.map(\.fp).reduce(0, +), fn = score.rows.map(\.fn).reduce(0, +)
        let precision = Double(tp) / Double(max(1, tp + fp)), recall = Double(tp) / Double(max(1, tp + fn))
        XCTAssertGreaterThanOrEqual(precision, Self.namePrecision, "person_name precision: \(tp) tp, \(fp) fp")
        XCTAssertGreaterThanOrEqual(recall, Self.nameRecall, "person_name recall: \(tp) tp, \(fn) fn")
    }
}
