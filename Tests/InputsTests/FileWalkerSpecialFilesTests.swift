import Foundation
import Glibc
import Inputs
import ScanCore
import XCTest

final class FileWalkerSpecialFilesTests: XCTestCase {
    func testFIFOIsSkippedWithoutBlocking() throws {
        let fx = try Fixture()
        try fx.fifo("pipe")
        try fx.write("after.txt", "x")
        let started = Date()
        let events = walkAll([fx.path]).map { render($0, relativeTo: fx.path) }
        XCTAssertEqual(events, ["file after.txt", "skipped(fifo) pipe"])
        XCTAssertEqual(walkAll([fx.at("pipe")]), [.status(path: fx.at("pipe"), .skipped("fifo"))])
        // The reader, given the FIFO path directly, does not open (and block on) it either.
        let result = try ChunkedReader.read(path: fx.at("pipe"), expected: nil) { _ in XCTFail("no chunk expected") }
        XCTAssertEqual(result.status, .skipped("fifo"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testSocketIsSkipped() throws {
        let fx = try Fixture()
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let path = Array(fx.at("sock").utf8)
        try XCTSkipIf(path.count >= MemoryLayout.size(ofValue: addr.sun_path), "temp path too long for a socket")
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: path) }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0)
        XCTAssertEqual(walkAll([fx.path]).map { render($0, relativeTo: fx.path) }, ["skipped(socket) sock"])
    }

    func testDevicesAreSkipped() throws {
        XCTAssertEqual(walkAll(["/dev/null"]), [.status(path: "/dev/null", .skipped("device"))])
        let result = try ChunkedReader.read(path: "/dev/zero", expected: nil) { _ in XCTFail("no chunk expected") }
        XCTAssertEqual(result.status, .skipped("device"))
    }

    func testProcAndSysAreSkippedAsPseudoFileSystems() throws {
        var st = stat()
        try XCTSkipUnless(lstat("/proc/self", &st) == 0, "/proc is not mounted")
        XCTAssertEqual(walkAll(["/proc"]), [.status(path: "/proc", .skipped("pseudo_fs"))])
        if lstat("/sys/kernel", &st) == 0 {
            XCTAssertEqual(walkAll(["/sys"]), [.status(path: "/sys", .skipped("pseudo_fs"))])
        }
    }

    func testLinksIntoProcAreNotFollowedOntoIt() throws {
        var st = stat()
        try XCTSkipUnless(lstat("/proc/self/environ", &st) == 0, "/proc is not mounted")
        XCTAssertEqual(walkAll(["/proc/self/environ"]), [.status(path: "/proc/self/environ", .skipped("pseudo_fs"))])
        let fx = try Fixture()
        try fx.symlink("env", to: "/proc/self/environ")
        try fx.symlink("proc", to: "/proc")
        XCTAssertEqual(walkAll([fx.path], WalkOptions(followSymlinks: true)).map { render($0, relativeTo: fx.path) },
                       ["skipped(pseudo_fs) env", "skipped(pseudo_fs) proc"])
    }

    func testPseudoFileSystemMountedBelowARoot() throws {
        // /dev usually holds devpts at /dev/pts and mqueue at /dev/mqueue.
        var dev = stat(), pts = stat()
        try XCTSkipUnless(lstat("/dev", &dev) == 0 && lstat("/dev/pts", &pts) == 0 && dev.st_dev != pts.st_dev,
                          "/dev/pts is not a separate mount here")
        let events = walkAll(["/dev"])
        XCTAssertTrue(events.contains(.status(path: "/dev/pts", .skipped("pseudo_fs"))), "\(events)")
        XCTAssertFalse(events.contains { if case .file = $0 { return $0.path.hasPrefix("/dev/pts/") } else { return false } })
        let oneFS = walkAll(["/dev"], WalkOptions(oneFileSystem: true))
        XCTAssertTrue(oneFS.contains(.status(path: "/dev/pts", .skipped("other_filesystem"))), "\(oneFS)")
    }

    func testFiveThousandLevelsDeep() throws {
        let fx = try Fixture()
        let levels = 5_000
        // Built with mkdirat/openat: the full path is far longer than PATH_MAX.
        var fd = open(fx.path, O_RDONLY | O_DIRECTORY)
        for _ in 0..<levels {
            XCTAssertEqual(mkdirat(fd, "d", 0o755), 0)
            let next = openat(fd, "d", O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
        }
        let file = openat(fd, "deep.txt", O_WRONLY | O_CREAT, 0o644)
        let text = Array("bottom: anna@example.pt\n".utf8)
        XCTAssertEqual(text.withUnsafeBytes { Glibc.write(file, $0.baseAddress, $0.count) }, text.count)
        close(file)
        close(fd)
        try fx.write("z.txt", "after the deep tree")

        let before = openDescriptors()
        let walker = FileWalker(roots: [fx.path])
        var events: [WalkEvent] = []
        while let e = walker.next() {
            events.append(e)
            if events.count == 1 {
                // 5,001 directories on the stack, at most `maxOpenDirectories` of them open.
                XCTAssertLessThanOrEqual(openDescriptors() - before, FileWalker.maxOpenDirectories + 1)
            }
        }
        XCTAssertEqual(events.count, 2, "\(events.map { render($0, relativeTo: fx.path) })")
        guard case .file(let deep)? = events.first else { return XCTFail("no deep file") }
        let expected = fx.path + String(repeating: "/d", count: levels) + "/deep.txt"
        XCTAssertEqual(deep.path, expected)
        XCTAssertGreaterThan(deep.pathBytes.count, Int(PATH_MAX))
        XCTAssertEqual(events.last.map { render($0, relativeTo: fx.path) }, "file z.txt")
        // The reader opens paths longer than PATH_MAX component by component.
        var got: [UInt8] = []
        let result = try ChunkedReader.read(path: deep.path, expected: deep) { got += $0.bytes[$0.ownedStart..<$0.ownedEnd] }
        XCTAssertEqual(result.status, .complete)
        XCTAssertEqual(got, text)
    }
}

/// Number of descriptors open in this process.
private func openDescriptors() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
}
