import Foundation
import TestSupport
import XCTest

/// Runs the built binary over Corpus/share (documents and archives made by
/// Corpus/tools/containers.py) and scores it against Corpus/ground-truth-containers.jsonl,
/// matching on (location, kind, value): line numbers inside documents are not scored.
final class ContainerAccuracyTests: XCTestCase {
    static let threshold = 0.97

    func readJSONL(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// The format an item is scored under: the innermost object's extension.
    static func format(_ location: String) -> String {
        let inner = location.components(separatedBy: "!/").last ?? location
        return (inner as NSString).pathExtension.lowercased()
    }

    func testPrecisionAndRecallPerKindInsideContainers() throws {
        let key = NSTemporaryDirectory() + "trawl-e2e-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: key) }
        let run = try TrawlBinary.run(["scan", "--format", "jsonl", "--reveal", "--quiet", "--key-file", key, "Corpus/share"])
        XCTAssertEqual(run.status, 0, "every object should be complete: \(run.stderr)")
        let truthText = try String(contentsOfFile: RepoPaths.root + "/Corpus/ground-truth-containers.jsonl", encoding: .utf8)
        let truth = try readJSONL(truthText).map { [$0["location"] as! String, "-", $0["kind"] as! String, $0["value"] as! String] }
        XCTAssertGreaterThan(truth.count, 1000)
        let kinds = Set(truth.map { $0[2] })
        // Structured kinds only: kinds the truth does not plant (person names) are not scored here.
        let found = try readJSONL(run.stdout).map {
            [$0["location"] as! String, "-", $0["kind"] as! String, $0["value"] as! String]
        }.filter { kinds.contains($0[2]) }
        let score = AccuracyTable(truth: truth, found: found, kindIndex: 2)
        print(score.markdown())
        for misses in score.examples(limit: 5) { print(misses) }

        // Per format (by the innermost object's extension).
        let byFormat = AccuracyTable(truth: truth.map { [$0[0], "-", Self.format($0[0]), $0[2] + "|" + $0[3]] },
                                     found: found.map { [$0[0], "-", Self.format($0[0]), $0[2] + "|" + $0[3]] },
                                     kindIndex: 2)
        print("Per format:\n" + byFormat.markdown())
        XCTAssertTrue(Set(byFormat.rows.map(\.kind)).isSuperset(of: ["docx", "xlsx", "pptx", "odt", "ods", "odp", "rtf", "html", "pdf", "vcf", "ics"]))
        for row in byFormat.rows {
            XCTAssertGreaterThanOrEqual(row.recall, Self.threshold, "recall in \(row.kind) files: \(row.tp) tp, \(row.fn) fn")
        }
        for row in score.rows {
            XCTAssertGreaterThanOrEqual(row.precision, Self.threshold, "precision of \(row.kind): \(row.tp) tp, \(row.fp) fp")
            XCTAssertGreaterThanOrEqual(row.recall, Self.threshold, "recall of \(row.kind): \(row.tp) tp, \(row.fn) fn")
        }
    }

    func testInnerLocationsOfNestedArchives() throws {
        let key = NSTemporaryDirectory() + "trawl-e2e-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: key) }
        let run = try TrawlBinary.run(["scan", "--format", "jsonl", "--quiet", "--key-file", key, "Corpus/share/archives"])
        let locations = Set(try readJSONL(run.stdout).map { $0["location"] as! String })
        for expected in [
            "Corpus/share/archives/nested.zip!/backup/middle.zip!/2022/inner.zip!/cv-it.docx",
            "Corpus/share/archives/nested.zip!/backup/middle.zip!/2022/inner.zip!/contacts.csv",
            "Corpus/share/archives/hr-backup.tar.gz!/applicants/se/cv-se.pdf",
            "Corpus/share/archives/applicants-2023.zip!/applicants/fr/cv-fr.docx",
            "Corpus/share/archives/notes.txt.gz!/notes.txt",
            "Corpus/share/archives/old-hr.tar.xz!/de/records-de.txt",
            "Corpus/share/archives/old-hr.tar.bz2!/nl/records-nl.txt",
            "Corpus/share/archives/mail-export.tar.zst!/us/records-us.txt",
            "Corpus/share/archives/payroll.cpio!/pt/records-pt.txt",
            "Corpus/share/archives/legacy.rar!/gb/records-gb.txt",
            "Corpus/share/archives/export.csv.bz2!/export.csv",
            "Corpus/share/archives/export.csv.xz!/export.csv",
        ] {
            XCTAssertTrue(locations.contains(expected), expected)
        }
    }
}
