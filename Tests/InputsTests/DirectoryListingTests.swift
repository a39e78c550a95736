import Glibc
@testable import Inputs
import XCTest

/// Directory listings read with `getdents64` hold exactly what `readdir` returns.
final class DirectoryListingTests: XCTestCase {
    func testGetdentsListingMatchesReaddir() throws {
        let fx = try Fixture()
        // Enough names to need several 64 KiB reads, long names, a name with bytes that are
        // not UTF-8, and a subdirectory.
        for i in 0..<3000 { try fx.write(String(repeating: "n", count: 1 + i % 200) + "-\(i)", "x") }
        _ = try fx.write(rawName: [0x66, 0xff, 0xfe, 0x2e, 0x74], bytes: [0x78])
        try fx.mkdir("sub")
        let fd = open(fx.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let (fast, fastError) = DirectoryListing.read(fd: fd)
        let (slow, slowError) = DirectoryListing.readThroughDirStream(fd: fd)
        XCTAssertNil(fastError)
        XCTAssertNil(slowError)
        XCTAssertEqual(fast.count, 3002)
        XCTAssertEqual((0..<fast.count).map { fast.name(at: $0) }, (0..<slow.count).map { slow.name(at: $0) })
        // Read again from the same descriptor: the listing starts over.
        XCTAssertEqual(DirectoryListing.read(fd: fd).0.count, 3002)
    }
}
