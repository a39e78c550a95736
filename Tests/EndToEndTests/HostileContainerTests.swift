import Foundation
import Glibc
import TestSupport
import XCTest

/// Runs the built binary over hostile containers generated at test time
/// (`Corpus/tools/hostile.py`): each must end with the right status, within time and
/// memory bounds, and its sibling file's finding must still be reported.
final class HostileContainerTests: XCTestCase {
    nonisolated(unsafe) static var samples: String?  // set once in class setUp, read by the tests

    /// Wall-clock and peak-RSS bounds for one run over one sample (release build; the
    /// debug build is slower, so the time bound is generous).
    static let maxSeconds = 60.0
    static let maxRSSKiB = 250 * 1024

    override class func setUp() {
        super.setUp()
        let dir = NSTemporaryDirectory() + "trawl-hostile-\(UUID().uuidString)"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", RepoPaths.root + "/Corpus/tools/hostile.py", dir]
        do {
            try p.run()
            p.waitUntilExit()
            if p.terminationStatus == 0 { samples = dir }
        } catch {}
    }

    override class func tearDown() {
        if let s = samples { try? FileManager.default.removeItem(atPath: s) }
        super.tearDown()
    }

    struct Outcome {
        var status: Int32
        var seconds: Double
        var maxRSSKiB: Int
        var findings: [(location: String, kind: String)]
        /// Incomplete objects: location -> `status(reason)`.
        var objects: [String: String]
        var summary: [String: Any]
    }

    /// Runs `trawl scan --format json` on one sample directory as a child process and
    /// measures it with `wait4` (its own rusage, not the test's).
    func scan(_ sample: String, extra: [String] = []) throws -> Outcome {
        let dir = try XCTUnwrap(Self.samples, "hostile.py failed (needs python3 and zip)")
        let out = NSTemporaryDirectory() + "trawl-hostile-out-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let key = NSTemporaryDirectory() + "trawl-hostile-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: key) }
        let timing = NSTemporaryDirectory() + "trawl-hostile-time-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: timing) }
        // Through /usr/bin/time: the peak RSS a process reports survives execve, so trawl
        // spawned straight from this (large) test process would report at least our own.
        let args = ["/usr/bin/time", "-o", timing, "-f", "%M", try TrawlBinary.path(), "scan", "--format", "json", "--quiet", "--key-file", key, "--output", out] + extra + [dir + "/" + sample]
        var env = ProcessInfo.processInfo.environment
        env["TRAWL_PATTERNS"] = RepoPaths.patterns
        let started = Date()
        let pid = try spawn(args, env: env)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let rssText = try String(contentsOfFile: timing, encoding: .utf8)
        let peakKiB = try XCTUnwrap(Int(rssText.split(separator: "\n").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""), rssText)
        let seconds = Date().timeIntervalSince(started)
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = (json["findings"] as? [[String: Any]] ?? []).map {
            (location: String(($0["location"] as! String).dropFirst(dir.count + 1)), kind: $0["kind"] as! String)
        }
        var objects: [String: String] = [:]
        for o in json["objects"] as? [[String: Any]] ?? [] {
            let loc = String((o["location"] as! String).dropFirst(dir.count + 1))
            objects[loc] = "\(o["status"]!)(\(o["reason"]!))"
        }
        let outcome = Outcome(status: exit, seconds: seconds, maxRSSKiB: peakKiB, findings: findings,
                              objects: objects, summary: json["summary"] as? [String: Any] ?? [:])
        print("hostile \(sample): exit \(exit), \(String(format: "%.2f", seconds)) s, peak RSS \(peakKiB / 1024) MiB, \(objects.count) incomplete objects")
        XCTAssertLessThan(seconds, Self.maxSeconds, "\(sample) took too long")
        XCTAssertLessThan(peakKiB, Self.maxRSSKiB, "\(sample) used too much memory")
        XCTAssertTrue(findings.contains { $0.location == "\(sample)/sibling.txt" && $0.kind == "email" },
                      "the sibling of \(sample) was not scanned")
        return outcome
    }

    private func spawn(_ args: [String], env: [String: String]) throws -> pid_t {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = args.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        let rc = posix_spawn(&pid, args[0], &actions, nil, argv, envp)
        guard rc == 0 else { throw NSError(domain: "spawn", code: Int(rc)) }
        return pid
    }

    func testZipBombStopsAtAMemberOrRatioLimit() throws {
        let o = try scan("bomb")
        XCTAssertEqual(o.status, 1)
        let member = try XCTUnwrap(o.objects["bomb/bomb.zip!/bomb.txt"])
        XCTAssertTrue(["partial(max_member_size)", "partial(ratio)", "partial(max_total_size)"].contains(member), member)
        XCTAssertTrue(o.objects["bomb/bomb.zip"]?.hasPrefix("partial(") == true)
        // Far less than the 1 GiB inside was read.
        let bytes = try XCTUnwrap(o.summary["bytes"] as? Int)
        XCTAssertLessThanOrEqual(bytes, 200 << 20)
    }

    func testRatioLimitTripsFirstWhenTheMemberCapIsHigher() throws {
        let o = try scan("bomb", extra: ["--max-member-size", "1G"])
        XCTAssertEqual(o.objects["bomb/bomb.zip!/bomb.txt"], "partial(ratio)")
        XCTAssertEqual(o.objects["bomb/bomb.zip"], "partial(ratio)")
    }

    func testTotalSizeLimit() throws {
        let o = try scan("bomb", extra: ["--max-member-size", "1G", "--max-ratio", "100000", "--max-total-size", "50M"])
        XCTAssertEqual(o.objects["bomb/bomb.zip!/bomb.txt"], "partial(max_total_size)")
        XCTAssertEqual(o.objects["bomb/bomb.zip"], "partial(max_total_size)")
    }

    func testTimeLimit() throws {
        let o = try scan("bomb", extra: ["--max-member-size", "1G", "--object-timeout", "0.05"])
        XCTAssertEqual(o.objects["bomb/bomb.zip!/bomb.txt"], "partial(timeout)")
        XCTAssertEqual(o.objects["bomb/bomb.zip"], "partial(timeout)")
        XCTAssertLessThan(o.seconds, 5)
    }

    func testNestingDeeperThanTheLimitIsCutAtTheLimit() throws {
        let o = try scan("nested")
        XCTAssertFalse(o.findings.contains { $0.location.hasPrefix("nested/nested.zip") }, "the leaf below the depth limit was read")
        XCTAssertEqual(o.objects["nested/nested.zip"], "partial(max_depth)")
        // Level 10 is opened; its members (depth 11) are skipped.
        let skipped = o.objects.filter { $0.value == "skipped(max_depth)" }.keys
        XCTAssertFalse(skipped.isEmpty)
        for loc in skipped { XCTAssertEqual(loc.components(separatedBy: "!/").count - 1, 11, loc) }
        // With a higher limit the leaf is reached.
        let deep = try scan("nested", extra: ["--max-depth", "12"])
        XCTAssertTrue(deep.findings.contains { $0.location.hasSuffix("!/leaf.txt") })
        XCTAssertNil(deep.objects["nested/nested.zip"])
    }

    func testSelfSimilarZipEndsAtTheDepthLimit() throws {
        let o = try scan("quine")
        XCTAssertEqual(o.objects["quine/quine.zip"], "partial(max_depth)")
        XCTAssertEqual(o.objects.filter { $0.value == "skipped(max_depth)" }.count, 1)
    }

    func testOverlappingEntriesStopAtTheRatioLimit() throws {
        let o = try scan("overlap")
        XCTAssertEqual(o.objects["overlap/overlap.zip"], "partial(ratio)")
        let bytes = try XCTUnwrap(o.summary["bytes"] as? Int)
        XCTAssertLessThan(bytes, 64 << 20)
    }

    func testTruncatedGzipIsPartialCorrupt() throws {
        let o = try scan("truncated")
        XCTAssertEqual(o.objects["truncated/notes.txt.gz"], "partial(corrupt)")
        XCTAssertEqual(o.objects["truncated/notes.txt.gz!/notes.txt"], "partial(corrupt)")
    }

    func testDamagedCentralDirectoryIsRecoveredFromLocalHeaders() throws {
        let o = try scan("badcd")
        XCTAssertEqual(o.objects["badcd/badcd.zip"], "partial(corrupt)")
        XCTAssertTrue(o.findings.contains { $0.location == "badcd/badcd.zip!/a.txt" })
    }

    func testEncryptedMembersAreSkippedTheirNamesScannedAndSiblingsRead() throws {
        let o = try scan("encrypted")
        XCTAssertEqual(o.objects["encrypted/encrypted.zip"], "partial(encrypted)")
        XCTAssertEqual(o.objects["encrypted/encrypted.zip!/salaries.txt"], "skipped(encrypted)")
        XCTAssertEqual(o.objects["encrypted/encrypted.zip!/anna.berg@example.com/payslip.txt"], "skipped(encrypted)")
        XCTAssertTrue(o.findings.contains { $0.location == "encrypted/encrypted.zip!/readme.txt" && $0.kind == "email" })
        // The encrypted member's name is text of the zip itself.
        XCTAssertTrue(o.findings.contains { $0.location == "encrypted/encrypted.zip" && $0.kind == "email" })
        XCTAssertFalse(o.findings.contains { $0.kind == "iban" }, "encrypted content was read")
        // A PDF that needs a user password.
        XCTAssertEqual(o.objects["encrypted/locked.pdf"], "skipped(encrypted)")
        XCTAssertFalse(o.findings.contains { $0.location == "encrypted/locked.pdf" })
    }

    func testMissingPDFExtractorSkipsPDFsWithOneWarning() throws {
        let dir = try XCTUnwrap(Self.samples)
        let run = try TrawlBinary.run(["scan", "--format", "json", dir + "/encrypted"], environment: ["TRAWL_PDFTOTEXT": "/nonexistent/pdftotext"])
        XCTAssertEqual(run.stderr.components(separatedBy: "pdftotext not found").count - 1, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("\"status\":\"skipped\",\"reason\":\"no_pdf_extractor\""))
    }

    func testTraversalNamesAreOnlyShown() throws {
        let parent = (Self.samples! as NSString).deletingLastPathComponent
        let before = try FileManager.default.contentsOfDirectory(atPath: parent)
        let o = try scan("traversal")
        XCTAssertTrue(o.findings.contains { $0.location == "traversal/traversal.zip!/../../evil.txt" })
        XCTAssertTrue(o.findings.contains { $0.location == "traversal/traversal.zip!//abs/evil.txt" })
        XCTAssertFalse(FileManager.default.fileExists(atPath: parent + "/evil.txt"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/abs/evil.txt"))
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: parent)).subtracting(before).filter { $0.contains("evil") }, [])
    }

    func testBillionLaughsAndExternalEntityAreNotExpanded() throws {
        let o = try scan("laughs")
        XCTAssertNil(o.objects["laughs/laughs.docx"], "expected complete")
        XCTAssertTrue(o.findings.contains { $0.location == "laughs/laughs.docx" && $0.kind == "email" })
        XCTAssertLessThan(o.maxRSSKiB, 100 * 1024)
    }
}

/// The container flags of `trawl scan`: bad values are usage errors (exit 64).
final class ContainerFlagsTests: XCTestCase {
    func testBadLimitValuesAreUsageErrors() throws {
        for args in [["--max-depth", "-1"], ["--max-member-size", "3G"], ["--max-member-size", "lots"],
                     ["--max-total-size", "x"], ["--max-ratio", "0"], ["--max-entries", "0"], ["--object-timeout", "0"]] {
            let run = try TrawlBinary.run(["scan"] + args + ["Corpus/share/misc"])
            XCTAssertEqual(run.status, 64, "\(args): \(run.stderr)")
        }
        let ok = try TrawlBinary.run(["scan", "--quiet", "--max-depth", "0", "--format", "json", "Corpus/share/archives/notes.txt.gz"])
        XCTAssertEqual(ok.status, 1)
        XCTAssertTrue(ok.stdout.contains("\"reason\":\"max_depth\""), ok.stdout)
    }
}
