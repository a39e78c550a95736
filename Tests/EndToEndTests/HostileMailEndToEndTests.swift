import Foundation
import TestSupport
import XCTest

/// The built binary over generated hostile mail: every object ends with one status, the
/// run finishes with exit code 1 (some objects partial), and clean siblings are scanned.
final class HostileMailEndToEndTests: XCTestCase {
    func testHostileMailThroughTheBinary() throws {
        let dir = try TempDir("hostile-mail-e2e")
        defer { dir.remove() }
        let samples = HostileMailSamples.all()
        for s in samples { try dir.write(s.name, bytes: s.bytes) }
        try dir.write("box.mbox", bytes: HostileMailSamples.truncatedMbox())
        try dir.write("sibling.txt", "sibling.file@example.org\n")
        let pst = try [UInt8](Data(contentsOf: URL(fileURLWithPath: RepoPaths.root + "/Corpus/pst/dist-list.pst")))
        try dir.write("truncated.pst", bytes: Array(pst.prefix(pst.count / 3)))
        let key = dir.path + "/../trawl-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: key) }
        let started = Date()
        let run = try TrawlBinary.run(["scan", "--format", "json", "--reveal", "--quiet", "--key-file", key, dir.path])
        XCTAssertLessThan(Date().timeIntervalSince(started), 120)
        XCTAssertEqual(run.status, 1, run.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        var incomplete: [String: String] = [:]
        for o in try XCTUnwrap(doc["objects"] as? [[String: Any]]) {
            let name = (o["location"] as! String).replacingOccurrences(of: dir.path + "/", with: "")
            incomplete[name] = "\(o["status"]!)(\(o["reason"]!))"
        }
        var want: [String: String] = ["box.mbox!/message-3": "partial(truncated)", "truncated.pst": "error(corrupt)"]
        for s in samples where s.status != "complete" { want[s.name] = s.status }
        XCTAssertEqual(incomplete, want)
        let values = Set(try XCTUnwrap(doc["findings"] as? [[String: Any]]).compactMap { $0["value"] as? String })
        for v in ["sibling.file@example.org", "deep.bottom@example.org", "unclosed.part@example.org", "broken.base64@example.org",
                  "after.header@example.org", "soft.break@example.org", "first.message@example.org", "last.message@example.org"] {
            XCTAssertTrue(values.contains(v), v)
        }
        let summary = try XCTUnwrap(doc["summary"] as? [String: Any])
        XCTAssertEqual((summary["objects_by_status"] as? [String: Int])?["error"], 1)
    }
}
