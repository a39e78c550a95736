import Glibc
import Inputs
import ScanCore
import XCTest

final class ReadErrorTests: XCTestCase {
    func testDescriptionNamesTheCallTheMessageAndWhatWeWereDoing() {
        let e = ReadError(errno: EACCES, operation: "open", context: "opening share/HR/x.txt")
        XCTAssertEqual(e.description, "open: Permission denied - while opening share/HR/x.txt")
        XCTAssertEqual(e.reason, "permission")
        XCTAssertEqual(e.errno, EACCES)
        XCTAssertEqual(ReadError(errno: ENOENT, operation: "open", context: "c").reason, "not_found")
        XCTAssertEqual(ReadError(errno: EIO, operation: "read", context: "c").reason, "io: Input/output error")
        XCTAssertEqual(ReadError(errno: ELOOP, operation: "open", context: "c").reason, "symlink")
    }

    func testMissingFile() throws {
        let fx = try Fixture()
        XCTAssertThrowsError(try ChunkedReader.read(path: fx.at("gone.txt"), expected: nil) { _ in }) { error in
            XCTAssertEqual("\(error)", "open: No such file or directory - while opening \(fx.at("gone.txt"))")
            XCTAssertEqual((error as? ReadError)?.reason, "not_found")
        }
    }

    func testSymlinkPathIsRefusedByONOFOLLOW() throws {
        let fx = try Fixture()
        try fx.write("target.txt", "secret")
        try fx.symlink("link.txt", to: "target.txt")
        XCTAssertThrowsError(try ChunkedReader.read(path: fx.at("link.txt"), expected: nil) { _ in XCTFail() }) { error in
            XCTAssertEqual("\(error)", "open: Too many levels of symbolic links - while opening \(fx.at("link.txt"))")
            XCTAssertEqual((error as? ReadError)?.reason, "symlink")
        }
    }

    func testReplacedFileIsAnError() throws {
        let fx = try Fixture()
        let p = try fx.write("report.txt", "first version")
        guard case .file(let walked)? = walkAll([p]).first else { return XCTFail() }
        // Replaced between listing and opening (a new inode under the same name).
        try fx.write("report.new", "second version, another inode")
        XCTAssertEqual(rename(fx.at("report.new"), p), 0)
        XCTAssertThrowsError(try ChunkedReader.read(path: walked.path, expected: walked) { _ in XCTFail() }) { error in
            XCTAssertEqual("\(error)", "fstat: not the file that was listed (device/inode changed) - while opening \(p)")
            XCTAssertEqual((error as? ReadError)?.reason, "replaced")
        }
    }

    func testFileThatVanishedAfterListing() throws {
        let fx = try Fixture()
        let p = try fx.write("temp.txt", "x")
        guard case .file(let walked)? = walkAll([p]).first else { return XCTFail() }
        XCTAssertEqual(unlink(p), 0)
        XCTAssertThrowsError(try ChunkedReader.read(path: walked.path, expected: walked) { _ in }) {
            XCTAssertEqual(($0 as? ReadError)?.reason, "not_found")
        }
    }

    func testUnreadableFileIsAPermissionError() throws {
        let fx = try Fixture()
        let p = try fx.write("private.txt", "x")
        chmod(fx.path, 0o755)
        chmod(p, 0o600)
        let attempt: @Sendable () -> String = {
            do {
                _ = try ChunkedReader.read(path: p, expected: nil) { _ in }
                return "read"
            } catch {
                return "\(error)"
            }
        }
        let outcome: String
        if geteuid() != 0 {
            outcome = attempt()
        } else {
            guard let unprivileged = asUnprivilegedFileSystemUser(attempt) else {
                throw XCTSkip("running as root and setfsuid is unavailable")
            }
            outcome = unprivileged
        }
        XCTAssertEqual(outcome, "open: Permission denied - while opening \(p)")
    }

    func testDirectoryPathIsSkipped() throws {
        let fx = try Fixture()
        let result = try ChunkedReader.read(path: fx.path, expected: nil) { _ in XCTFail() }
        XCTAssertEqual(result.status, .skipped("directory"))
    }

    func testFileThatGrowsOrShrinksIsReadToItsEnd() throws {
        let fx = try Fixture()
        let p = try fx.write("log.txt", String(repeating: "0123456789", count: 1000))
        guard case .file(let walked)? = walkAll([p]).first else { return XCTFail() }
        XCTAssertEqual(truncate(p, 5000), 0)
        var total = 0
        let result = try ChunkedReader.read(path: walked.path, expected: walked) { total += $0.ownedEnd - $0.ownedStart }
        XCTAssertEqual(result.status, .complete)
        XCTAssertEqual(total, 5000)
    }
}
