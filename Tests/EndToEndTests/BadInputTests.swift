import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Hostile and broken files: each gets its own status and the scan completes.
final class BadInputTests: XCTestCase {
    var dir: TempDir!
    var key: String = ""
    var cleanup: [String] = []
    var patternsOverride: String? = nil

    override func setUpWithError() throws {
        dir = try TempDir("bad-input")
        key = dir.path + "/../trawl-bad-input-\(UUID().uuidString).key"
        chmod(dir.path, 0o755)
    }

    override func tearDown() {
        for path in cleanup { try? FileManager.default.removeItem(atPath: path) }
        dir.remove()
        try? FileManager.default.removeItem(atPath: key)
    }

    struct Result {
        var findings: [(location: String, kind: String, value: String, line: Int)] = []
        var statuses: [String: String] = [:]
        var status: Int32 = 0
        var stderr = ""
    }

    private func scan(_ extra: [String] = [], asUser user: String? = nil) throws -> Result {
        var args = ["scan", "--format", "json", "--reveal", "--quiet", "--key-file", key] + extra + [dir.path]
        var runDirectory: String? = nil
        if let user {
            // The checkout may sit below a directory the user cannot enter: run copies of the
            // binary and the rule packs from a world-readable temporary directory.
            let copy = NSTemporaryDirectory() + "trawl-as-\(user)-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try TrawlBinary.path(), toPath: copy + "/trawl")
            try FileManager.default.copyItem(atPath: RepoPaths.patterns, toPath: copy + "/Patterns")
            _ = try? Self.runCommand("/bin/chmod", ["-R", "a+rX", copy], directory: nil)
            cleanup.append(copy)
            args = ["--reuid=\(user)", "--regid=nogroup", "--clear-groups", copy + "/trawl"] + args
            runDirectory = "/"
            patternsOverride = copy + "/Patterns"
        }
        let run: TrawlBinary.Run
        if user != nil {
            run = try Self.runCommand("/usr/bin/setpriv", args, directory: runDirectory, patterns: patternsOverride)
        } else {
            run = try TrawlBinary.run(args)
        }
        var result = Result(status: run.status, stderr: run.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stderr)
        for f in doc["findings"] as? [[String: Any]] ?? [] {
            result.findings.append((f["location"] as! String, f["kind"] as! String, f["value"] as! String, f["line"] as! Int))
        }
        for o in doc["objects"] as? [[String: String]] ?? [] {
            result.statuses[o["location"]!] = "\(o["status"]!)(\(o["reason"]!))"
        }
        return result
    }

    static func runCommand(_ exe: String, _ args: [String], directory: String?, patterns: String? = nil) throws -> TrawlBinary.Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["TRAWL_PATTERNS"] = patterns ?? RepoPaths.patterns
        env["TRAWL_INVENTORY"] = "off" // the other user has no writable data directory
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return TrawlBinary.Run(status: p.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    func testBrokenInputsEachGetAStatusAndTheScanCompletes() throws {
        // A UTF-8 file (accents) with invalid bytes right against an email on both sides.
        try dir.write("invalid-utf8.txt", bytes: Array("Olá São João: ".utf8) + [0xC3, 0x28] + Array("ana@example.pt".utf8) + [0xFF, 0x0A])
        try dir.write("nul.bin", bytes: Array("joao@example.pt".utf8) + [0, 0, 1, 2, 0] + Array(repeating: 0, count: 100))
        try dir.write("empty.txt", "")
        try dir.write("ok.txt", "contact: rita@example.pt\n")
        XCTAssertEqual(mkfifo(dir.path + "/pipe", 0o644), 0)
        XCTAssertEqual(symlink(dir.path + "/loop-a", dir.path + "/loop-b"), 0)
        XCTAssertEqual(symlink(dir.path + "/loop-b", dir.path + "/loop-a"), 0)
        XCTAssertEqual(symlink(dir.path, dir.path + "/self"), 0)

        for follow in [false, true] {
            let started = Date()
            let r = try scan(follow ? ["--follow"] : [])
            XCTAssertLessThan(Date().timeIntervalSince(started), 30, "a FIFO or a loop never blocks the walk")
            let values = Set(r.findings.map(\.value))
            XCTAssertTrue(values.contains("ana@example.pt"), "email next to invalid UTF-8")
            XCTAssertTrue(values.contains("rita@example.pt"))
            XCTAssertFalse(values.contains("joao@example.pt"), "binary files are not scanned as text")
            XCTAssertEqual(r.statuses[dir.path + "/nul.bin"], "skipped(binary)")
            XCTAssertEqual(r.statuses[dir.path + "/pipe"], "skipped(fifo)")
            XCTAssertNil(r.statuses[dir.path + "/empty.txt"], "an empty file completes")
            XCTAssertNil(r.statuses[dir.path + "/ok.txt"])
            if follow {
                XCTAssertNotNil(r.statuses[dir.path + "/self"], "a link back to the root is reported, not walked forever")
            } else {
                XCTAssertEqual(r.statuses[dir.path + "/self"], "skipped(symlink)")
                XCTAssertEqual(r.statuses[dir.path + "/loop-a"], "skipped(symlink)")
            }
            XCTAssertEqual(r.findings.filter { $0.value == "rita@example.pt" }.count, 1, "the same file is not scanned twice")
        }
    }

    func testHundredMegabyteLineInBoundedMemory() throws {
        // One 100 MB line; one email straddles the 1 MiB chunk boundary and one is at the end.
        let size = 100 << 20
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: size)
        for i in stride(from: 0, to: size, by: 97) { bytes[i] = 32 }
        func plant(_ s: String, at offset: Int) {
            let b = Array(" \(s) ".utf8)
            bytes.replaceSubrange(offset..<(offset + b.count), with: b)
        }
        plant("edge@example.com", at: (1 << 20) - 8)
        plant("tail@example.com", at: size - 40)
        try dir.write("long-line.txt", bytes: bytes)
        bytes = []
        let r = try scan()
        XCTAssertEqual(r.findings.map(\.value).sorted(), ["edge@example.com", "tail@example.com"])
        XCTAssertEqual(r.findings.map(\.line), [1, 1])
        XCTAssertEqual(r.status, 0)
    }

    func testUnreadableFileIsAnErrorAndSiblingsAreScanned() throws {
        try dir.write("secret.txt", "nif: maria@example.pt\n")
        try dir.write("open.txt", "mail rui@example.pt\n")
        chmod(dir.path + "/secret.txt", 0o000)
        try FileManager.default.createDirectory(atPath: dir.path + "/locked", withIntermediateDirectories: false)
        try dir.write("locked/inner.txt", "x@example.pt")
        chmod(dir.path + "/locked", 0o000)
        defer { chmod(dir.path + "/locked", 0o755) }
        // Root reads anything, so run the scan as an unprivileged user when we are root.
        let user: String? = geteuid() == 0 ? "nobody" : nil
        if user != nil { chmod(NSTemporaryDirectory(), 0o1777) }
        key = "/tmp/trawl-nobody-\(UUID().uuidString).key"
        let r = try scan(asUser: user)
        XCTAssertEqual(r.status, 1, "per-object errors give exit code 1")
        XCTAssertEqual(r.statuses[dir.path + "/secret.txt"], "error(permission)")
        XCTAssertEqual(r.statuses[dir.path + "/locked"], "error(permission)")
        XCTAssertEqual(r.findings.map(\.value), ["rui@example.pt"])
    }

    func testMissingRootIsAClearError() throws {
        let run = try TrawlBinary.run(["scan", "--quiet", "--key-file", key, dir.path + "/does-not-exist"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "trawl: error: scan root \(dir.path)/does-not-exist does not exist\n")
    }
}
