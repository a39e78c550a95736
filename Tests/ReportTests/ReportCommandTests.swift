import Foundation
import GRDB
import Inventory
import TestSupport
import XCTest

/// `trawl report` as a user runs it: over a scan of Corpus/demo, in every format.
final class ReportCommandTests: XCTestCase {
    /// One scan of Corpus/demo for the whole class (inventory and key in a temp dir).
    nonisolated(unsafe) static var shared: (dir: TempDir, db: String)?  // XCTest runs the tests of a class one at a time

    static func corpusInventory() throws -> String {
        if let s = shared { return s.db }
        let dir = try TempDir("trawl-report-corpus")
        let db = dir.path + "/inv/inventory.sqlite"
        let run = try TrawlBinary.run(["scan", RepoPaths.root + "/Corpus/demo", "--inventory", db, "--key-file", dir.path + "/key", "--quiet"])
        XCTAssertTrue([0, 1].contains(run.status), "scan failed: \(run.stderr)")
        shared = (dir, db)
        return db
    }

    override class func tearDown() { shared?.dir.remove(); shared = nil }

    func report(_ db: String, _ args: [String]) throws -> TrawlBinary.Run {
        try TrawlBinary.run(["report", "--inventory", db] + args)
    }

    /// Every ground-truth value of Corpus/ (values and names).
    static func groundTruthValues() throws -> Set<String> {
        var out = Set<String>()
        for f in ["ground-truth.jsonl", "ground-truth-names.jsonl"] {
            let text = try String(contentsOfFile: RepoPaths.root + "/Corpus/" + f, encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let v = o["value"] as? String else { continue }
                out.insert(v)
            }
        }
        return out
    }

    /// Whether `text` holds `value`: anywhere for values of 6 characters or more, as a whole
    /// word for shorter ones (the given name "Ema" is in the label "Email addresses").
    static func contains(_ text: String, _ value: String) -> Bool {
        if value.count >= 6 { return text.contains(value) }
        var from = text.startIndex
        while let r = text.range(of: value, range: from..<text.endIndex) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
            if !(before.isLetter || before.isNumber) && !(after.isLetter || after.isNumber) { return true }
            from = text.index(after: r.lowerBound)
        }
        return false
    }

    func testLeakCheckFindsValues() {
        XCTAssertTrue(Self.contains("| Ema | 3 |", "Ema"))
        XCTAssertFalse(Self.contains("Email addresses", "Ema"))
        XCTAssertTrue(Self.contains("x10.54.178.85y", "10.54.178.85"))
    }

    func testNoReportFormatCarriesARawValue() throws {
        let db = try Self.corpusInventory()
        let values = try Self.groundTruthValues()
        XCTAssertGreaterThan(values.count, 1000)
        let out = try TempDir("trawl-report-out")
        defer { out.remove() }
        for format in ["json", "csv", "markdown", "html"] {
            for group in ["root", "folder", "extension"] {
                let file = out.path + "/report-\(group).\(format)"
                let r = try report(db, ["--format", format, "--group-by", group, "--depth", "3", "--output", file,
                                        "--policy", RepoPaths.root + "/Corpus/policies/igenmai-privacy-policy.txt"])
                XCTAssertEqual(r.status, 0, r.stderr)
                let text = try String(contentsOfFile: file, encoding: .utf8)
                XCTAssertGreaterThan(text.count, 500, "\(format) report is too short")
                let leaked = values.filter { Self.contains(text, $0) }
                XCTAssertEqual(leaked.count, 0, "\(format)/\(group) report contains \(leaked.count) ground-truth values")
                if !leaked.isEmpty, ProcessInfo.processInfo.environment["TRAWL_SHOW_LEAKS"] == "1" { print("LEAK \(format) \(leaked.sorted())") }
                let attrs = try FileManager.default.attributesOfItem(atPath: file)
                XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o600, "\(format) report mode")
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".trawl-report-") }
        XCTAssertEqual(leftovers, [], "temporary files left behind")
    }

    /// The corpus report has the contents the issue asks for: coverage, matrix, CVs, correspondence.
    func testCorpusContents() throws {
        let db = try Self.corpusInventory()
        let r = try report(db, ["--format", "json", "--policy", RepoPaths.root + "/Corpus/policies/infomaker-integritetspolicy-sv.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let coverage = try XCTUnwrap(o["coverage"] as? [String: Any])
        XCTAssertGreaterThan(coverage["objects"] as? Int ?? 0, 100)
        let cats = (o["categories"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        for c in ["contact.email", "online.ip_address", "financial.bank_account", "identity.name"] { XCTAssertTrue(cats.contains(c), c) }
        XCTAssertFalse((o["matrix"] as? [Any] ?? []).isEmpty)
        let policy = try XCTUnwrap(o["policy"] as? [String: Any])
        let undeclared = (policy["undeclared_found"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String }
        // The Swedish policy declares IP addresses, not bank accounts; the corpus holds both.
        XCTAssertFalse(undeclared.contains("online.ip_address"))
        XCTAssertTrue(undeclared.contains("financial.bank_account"))
    }

    /// The JSON output has every key the published schema requires, with the declared types.
    func testJSONFollowsTheSchema() throws {
        let db = try Self.corpusInventory()
        let schemaData = try Data(contentsOf: URL(fileURLWithPath: RepoPaths.root + "/docs/report.schema.json"))
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        for args in [["--format", "json"], ["--format", "json", "--policy", RepoPaths.root + "/Corpus/policies/mindlinksoft-privacy-policy.txt"]] {
            let r = try report(db, args)
            XCTAssertEqual(r.status, 0, r.stderr)
            let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
            var errors: [String] = []
            SchemaCheck.validate(doc, schema, root: schema, path: "$", errors: &errors)
            XCTAssertEqual(errors, [], "\(args)")
        }
        // And the checker fails on a document missing a key.
        var errors: [String] = []
        SchemaCheck.validate(["schema": "trawl-report/1"], schema, root: schema, path: "$", errors: &errors)
        XCTAssertFalse(errors.isEmpty)
    }

    /// IP addresses in an access log: declared by the Infomaker policy, not by IGENMAI's.
    func testAccessLogAgainstTwoPolicies() throws {
        let dir = try TempDir("trawl-report-ip")
        defer { dir.remove() }
        var log = ""
        for i in 1...20 { log += "10.20.\(i).\(i + 7) - - [01/Mar/2026:10:00:\(10 + i) +0000] \"GET /index.html HTTP/1.1\" 200 512\n" }
        _ = try dir.write("share/logs/access.log", log)
        let db = dir.path + "/inventory.sqlite"
        let scan = try TrawlBinary.run(["scan", dir.path + "/share", "--inventory", db, "--key-file", dir.path + "/key", "--quiet"])
        XCTAssertEqual(scan.status, 0, scan.stderr)
        func undeclared(_ policy: String) throws -> [String] {
            let r = try report(db, ["--format", "json", "--policy", RepoPaths.root + "/Corpus/policies/" + policy])
            XCTAssertEqual(r.status, 0, r.stderr)
            let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            let p = o?["policy"] as? [String: Any]
            return (p?["undeclared_found"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String }
        }
        XCTAssertEqual(try undeclared("infomaker-integritetspolicy-sv.txt"), [])
        XCTAssertEqual(try undeclared("igenmai-privacy-policy.txt"), ["online.ip_address"])
        let md = try report(db, ["--format", "markdown", "--policy", RepoPaths.root + "/Corpus/policies/igenmai-privacy-policy.txt"])
        XCTAssertTrue(md.stdout.contains("| online.ip\\_address | 20 | 1 | " + dir.path + "/share/logs/access.log"), md.stdout)
    }

    /// A report reads while a scan holds the writer lock and has a write transaction open
    /// (uncommitted rows are not seen).
    func testReadsWhileTheWriterLockIsHeld() throws {
        let db = try Self.corpusInventory()
        let writer = try InventoryStore.openWriter(path: db)
        let q = try DatabaseQueue(path: db)
        try q.writeWithoutTransaction { conn in
            try conn.execute(sql: "BEGIN IMMEDIATE")
            try conn.execute(sql: "UPDATE objects SET status = 'error', reason = 'uncommitted'")
            let start = Date()
            let r = try report(db, ["--format", "csv"])
            XCTAssertLessThan(Date().timeIntervalSince(start), 8, "the report waited for the writer")
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.hasPrefix("location,category,label,findings,distinct_values,objects\n"))
            XCTAssertGreaterThan(r.stdout.split(separator: "\n").count, 5)
            let md = try report(db, ["--format", "markdown"])
            XCTAssertFalse(md.stdout.contains("uncommitted"))
            try conn.execute(sql: "ROLLBACK")
        }
        withExtendedLifetime(writer) {}
    }

    /// --group-by owner names the user owning the files.
    func testGroupByOwner() throws {
        let dir = try TempDir("trawl-report-owner")
        defer { dir.remove() }
        _ = try dir.write("share/a.txt", "Contact: anna.berg@example.org\n")
        let db = dir.path + "/inventory.sqlite"
        let scan = try TrawlBinary.run(["scan", dir.path + "/share", "--inventory", db, "--key-file", dir.path + "/key", "--quiet"])
        XCTAssertEqual(scan.status, 0, scan.stderr)
        let me = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "?"
        let r = try report(db, ["--format", "csv", "--group-by", "owner"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("\n\(me),contact.email,Email addresses,1,1,1\n"), r.stdout)
    }

    func testErrors() throws {
        let dir = try TempDir("trawl-report-err")
        defer { dir.remove() }
        XCTAssertEqual(try report(dir.path + "/none.sqlite", []).status, 2)
        let db = try Self.corpusInventory()
        XCTAssertEqual(try report(db, ["--format", "pdf"]).status, 64)
        XCTAssertEqual(try report(db, ["--policy", dir.path + "/missing.txt"]).status, 2)
        XCTAssertEqual(try report(db, ["--output", dir.path + "/no/such/dir/r.md"]).status, 74)
    }
}

/// A small JSON Schema checker: type, required, properties, items, $ref, enum, const.
enum SchemaCheck {
    static func validate(_ value: Any, _ schema: [String: Any], root: [String: Any], path: String, errors: inout [String]) {
        if let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/"),
           let defs = root["$defs"] as? [String: Any], let target = defs[String(ref.dropFirst(8))] as? [String: Any] {
            validate(value, target, root: root, path: path, errors: &errors)
            return
        }
        let types: [String] = (schema["type"] as? [String]) ?? ((schema["type"] as? String).map { [$0] } ?? [])
        if !types.isEmpty && !types.contains(where: { matches(value, $0) }) {
            errors.append("\(path): expected \(types)")
            return
        }
        if let e = schema["enum"] as? [String], let s = value as? String, !e.contains(s) { errors.append("\(path): \(s) not in enum") }
        if let c = schema["const"] as? String, value as? String != c { errors.append("\(path): not \(c)") }
        if let o = value as? [String: Any] {
            for k in schema["required"] as? [String] ?? [] where o[k] == nil { errors.append("\(path): missing \(k)") }
            for (k, sub) in schema["properties"] as? [String: Any] ?? [:] {
                if let v = o[k], let s = sub as? [String: Any] { validate(v, s, root: root, path: "\(path).\(k)", errors: &errors) }
            }
        }
        if let a = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, v) in a.enumerated() { validate(v, items, root: root, path: "\(path)[\(i)]", errors: &errors) }
        }
    }

    static func matches(_ v: Any, _ type: String) -> Bool {
        switch type {
        case "null": return v is NSNull
        case "object": return v is [String: Any]
        case "array": return v is [Any]
        case "string": return v is String
        case "integer": if let n = v as? NSNumber { return n.doubleValue == n.doubleValue.rounded() } else { return false }
        case "number": return v is NSNumber
        case "boolean": return v is Bool
        default: return false
        }
    }
}
