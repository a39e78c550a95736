import Foundation
import ScanCore
import TestSupport
import XCTest
@testable import Reporting

final class WritersTests: XCTestCase {
    var dir: TempDir!
    override func setUpWithError() throws { dir = try TempDir("writers") }
    override func tearDown() { dir.remove() }

    let finding = Finding(location: "share/HR/=cmd|' /C calc'!A0\nx.csv", kind: "email", detector: "email.1",
                          category: "contact.email", confidence: 0.9, line: 4, masked: "a***@e***.pt",
                          fingerprint: "hmac-sha256:00ff", value: "anna@example.pt")

    private func write(_ format: OutputFormat, reveal: Bool) throws -> (String, String) {
        let path = dir.path + "/out.\(format.rawValue)"
        let sink = format.makeWriter(try ReportOutput(creating: path), reveal: reveal, color: false)
        try sink.write(finding)
        try sink.objectDone(ObjectResult(location: "share/big.bin", status: .skipped("binary")))
        var summary = ScanSummary()
        summary.add(ObjectResult(location: "share/big.bin", status: .skipped("binary")))
        summary.findingsByKind["email"] = 1
        try sink.finish(summary)
        return (try String(contentsOfFile: path, encoding: .utf8), path)
    }

    func testJSONLLineIsTheContract() throws {
        let (text, _) = try write(.jsonl, reveal: false)
        XCTAssertEqual(text, #"{"location":"share/HR/=cmd|' /C calc'!A0\nx.csv","kind":"email","detector":"email.1","category":"contact.email","confidence":0.90,"line":4,"masked":"a***@e***.pt","fingerprint":"hmac-sha256:00ff"}"# + "\n")
        XCTAssertFalse(text.contains("anna@example.pt"))
    }

    func testJSONBytesMatchTheStringEscaper() throws {
        // UTF-8 is copied as is; quotes, backslashes, controls, DEL and U+2028/U+2029 are escaped.
        for text in ["Åsa Bergström", "Сократ Шилов", "plain", "quo\"te\\back", "tab\tnl\ncr\r", "del\u{7F}",
                     "line\u{2028}para\u{2029}", "", "émoji 🙂"] {
            var bytes: [UInt8] = []
            Escaping.appendJSON(text, to: &bytes)
            let literal = String(decoding: bytes, as: UTF8.self)
            let parsed = try JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as? [String]
            XCTAssertEqual(parsed, [text], literal)
            XCTAssertFalse(literal.contains("\u{2028}") || literal.contains("\n"), literal)
        }
    }

    func testPagedFindingsCarryTheirPage() {
        var paged = finding
        paged.page = 2
        XCTAssertTrue(paged.jsonObject(reveal: false).contains(#""line":4,"page":2,"masked""#))
        XCTAssertFalse(finding.jsonObject(reveal: false).contains("page"))
    }

    func testRevealAddsValue() throws {
        let (text, _) = try write(.jsonl, reveal: true)
        XCTAssertTrue(text.hasSuffix(#","value":"anna@example.pt"}"# + "\n"))
    }

    func testJSONDocumentParsesAndListsIncompleteObjects() throws {
        let (text, _) = try write(.json, reveal: false)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual((doc["findings"] as? [Any])?.count, 1)
        let objects = try XCTUnwrap(doc["objects"] as? [[String: String]])
        XCTAssertEqual(objects, [["location": "share/big.bin", "status": "skipped", "reason": "binary"]])
        XCTAssertEqual((doc["summary"] as? [String: Any])?["findings"] as? Int, 1)
    }

    func testCSVIsQuotedAndFormulaSafe() throws {
        let (text, _) = try write(.csv, reveal: false)
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "location,kind,detector,category,confidence,line,masked,fingerprint")
        XCTAssertEqual(lines[1], "\"share/HR/=cmd|' /C calc'!A0\nx.csv\",email,email.1,contact.email,0.90,4,a***@e***.pt,hmac-sha256:00ff")
        XCTAssertEqual(Escaping.csv("=SUM(A1)"), "'=SUM(A1)")
        XCTAssertEqual(Escaping.csv("@x,y"), "\"'@x,y\"")
        XCTAssertEqual(Escaping.csv("-1"), "'-1")
    }

    func testTableEscapesControlCharacters() throws {
        let (text, _) = try write(.table, reveal: false)
        XCTAssertTrue(text.hasPrefix("share/HR/=cmd|' /C calc'!A0\\nx.csv:4  email"), text)
        XCTAssertEqual(Escaping.terminal("a\u{1B}[31mb"), "a\\x1b[31mb")
    }

    func testOutputFilesAreCreated0600() throws {
        let (_, path) = try write(.jsonl, reveal: false)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
        XCTAssertEqual(mode, 0o600)
        // An existing, looser file is tightened.
        let loose = try dir.write("loose.jsonl", "old")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: loose)
        try ReportOutput(creating: loose).close()
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: loose)[.posixPermissions] as! Int, 0o600)
    }

    func testOutputToMissingDirectoryFailsClearly() {
        XCTAssertThrowsError(try ReportOutput(creating: dir.path + "/no/such/out.json")) { error in
            XCTAssertEqual("\(error)", "No such file or directory - while creating output file \(dir.path)/no/such/out.json")
        }
    }
}
