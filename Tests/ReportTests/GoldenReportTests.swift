import DataMap
import Foundation
import TestSupport
import XCTest

/// The JSON, CSV and Markdown of a fixed inventory, pinned by golden files
/// (Tests/ReportTests/Golden; regenerate with TRAWL_UPDATE_GOLDEN=1 and review the diff).
final class GoldenReportTests: XCTestCase {
    var dir: TempDir!
    var report: DataMapReport!

    override func setUpWithError() throws {
        dir = try TempDir("trawl-report")
        let db = dir.path + "/inventory.sqlite"
        try ReportFixture.make(db)
        let labels = try ReportFixture.labels()
        let policyPath = try dir.write("policy.yml", ReportFixture.policyYAML)
        let policy = try Policy.load(path: policyPath, terms: PolicyTerms(entries: []), known: Set(labels.map(\.id)))
        report = DataMapReport.build(try DataMapInput.load(path: db), labels: labels, groupBy: .root, depth: 2,
                                     asOfNs: ReportFixture.asOfNs, policy: policy)
    }

    override func tearDown() { dir.remove() }

    static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Golden"

    func golden(_ name: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = Self.goldenDir + "/" + name
        if ProcessInfo.processInfo.environment["TRAWL_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let want = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, want, "\(name) differs from the golden file", file: file, line: line)
    }

    func testJSONGolden() throws { try golden("report.json", report.render(.json)) }
    func testCSVGolden() throws { try golden("report.csv", report.render(.csv)) }
    func testMarkdownGolden() throws { try golden("report.md", report.render(.markdown)) }

    /// The numbers behind the golden files, asserted one by one.
    func testFigures() throws {
        XCTAssertEqual(report.objects, 7, "the deleted object is left out")
        XCTAssertEqual(report.byStatus.map(\.1), [4, 1, 1, 1])
        XCTAssertEqual(report.reasons.map(\.reason), ["permission_denied", "member_limit", "binary"])
        let cat = Dictionary(uniqueKeysWithValues: report.categories.map { ($0.id, $0) })
        XCTAssertEqual(cat["contact.email"]?.findings, 6, "1 + 3 + 1 + 1, not the finding of the deleted object")
        XCTAssertEqual(cat["contact.email"]?.distinct, 3)
        XCTAssertEqual(cat["online.ip_address"]?.findings, 7, "5 + 1 + 1 live, the removed one left out")
        XCTAssertEqual(cat["online.ip_address"]?.distinct, 3)
        XCTAssertEqual(cat["identity.name"]?.distinct, 1)
        XCTAssertEqual(cat["identity.name"]?.objects, 2)
        XCTAssertEqual(report.cvDocuments, 1)
        XCTAssertEqual(report.correspondence, 2)
        XCTAssertEqual(report.groups, ["/home/ana", "/srv/share"])
        XCTAssertEqual(report.top.prefix(2).map(\.location), ["/srv/share/mail/archive.mbox", "/srv/share/hr/cv-1.docx"], "4 distinct values each; the mbox has more findings")
        let ip = report.age.first { $0.category == "online.ip_address" }
        XCTAssertEqual(ip?.buckets, [1, 0, 0, 0, 0])
        let email = report.age.first { $0.category == "contact.email" }
        XCTAssertEqual(email?.buckets, [0, 1, 0, 1, 1], "mbox 1-2 years, CV > 5 years, contacts.csv without mtime")
        XCTAssertEqual(report.trend.map(\.findings), [23, 22], "run 1 has the removed IP and the deleted file's email; run 2 the new IP")
        XCTAssertEqual(report.trend.map { $0.byCategory["online.ip_address"] ?? 0 }, [7, 7])
        XCTAssertEqual(report.trend.map(\.distinct), [14, 13])
        let p = try XCTUnwrap(report.policy)
        XCTAssertEqual(p.undeclared.map(\.category), ["contact.phone", "financial.bank_account", "online.ip_address", "communications.correspondence"])
        XCTAssertEqual(p.undeclared.first { $0.category == "online.ip_address" }?.locations, ["/srv/share/logs/access.log"])
        XCTAssertEqual(p.notFound, ["contact.postal_address"])
        XCTAssertEqual(p.retention.map(\.category), ["recruitment.cv"])
        XCTAssertEqual(p.outside.map(\.category), ["contact.email"])
        XCTAssertEqual(p.outside.first?.objects, 2, "the CV and contacts.csv, not the mbox")
    }

    func testGroupByFolderAndExtension() throws {
        let db = dir.path + "/inventory.sqlite"
        let input = try DataMapInput.load(path: db)
        let labels = try ReportFixture.labels()
        let folder1 = DataMapReport.build(input, labels: labels, groupBy: .folder, depth: 1, asOfNs: ReportFixture.asOfNs)
        XCTAssertEqual(folder1.groups, ["/home/ana", "/srv/share/hr", "/srv/share/logs", "/srv/share/mail"])
        let folder2 = DataMapReport.build(input, labels: labels, groupBy: .folder, depth: 2, asOfNs: ReportFixture.asOfNs)
        XCTAssertTrue(folder2.groups.contains("/srv/share/hr/old"))
        let ext = DataMapReport.build(input, labels: labels, groupBy: .extension, depth: 0, asOfNs: ReportFixture.asOfNs)
        XCTAssertEqual(ext.groups, ["csv", "docx", "log", "mbox", "xlsx"], "a message without extension counts as its mbox")
        let owner = DataMapReport.build(input, labels: labels, groupBy: .owner, depth: 0, asOfNs: ReportFixture.asOfNs)
        XCTAssertEqual(owner.groups, ["unknown"], "the fixture's paths do not exist")
    }

    /// The HTML is one file with nothing to fetch, and escapes what it prints.
    func testHTMLSelfContained() throws {
        let html = report.render(.html)
        for bad in ["src=", "href=", "@import", "url(", "<link"] { XCTAssertFalse(html.contains(bad), bad) }
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(html.contains("table.sortable") || html.contains("class=\"sortable\""))
        XCTAssertTrue(html.contains("/srv/share/hr/cv-1.docx"))
        XCTAssertFalse(html.contains("a***@example.org"), "no preview, even masked, is needed in the data map")
    }
}
