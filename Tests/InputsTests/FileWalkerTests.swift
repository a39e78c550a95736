import Glibc
import Inputs
import ScanCore
import XCTest

final class FileWalkerTests: XCTestCase {
    func testNestedDirectoriesInByteOrder() throws {
        let fx = try Fixture()
        for name in ["b.txt", "a/2.txt", "a/1.txt", "c/d/e.txt", "A.txt", "a.b/x", "c/d/f/g.txt"] {
            try fx.write(name, "x")
        }
        try fx.mkdir("empty")
        let events = walkAll([fx.path]).map { render($0, relativeTo: fx.path) }
        XCTAssertEqual(events, ["file A.txt", "file a/1.txt", "file a/2.txt", "file a.b/x", "file b.txt",
                                "file c/d/e.txt", "file c/d/f/g.txt"])
        // The same tree walked twice gives the same sequence.
        XCTAssertEqual(walkAll([fx.path]), walkAll([fx.path]))
    }

    /// `walkAll` compares the plain walk with one that stats names ahead in parallel and
    /// lists subdirectories ahead on a helper: here on a tree with wide directories (more
    /// than one window of names), many small ones (more than the look-ahead holds), a chain
    /// deeper than the open-descriptor cap, empty directories, a FIFO and a symlink.
    func testParallelLookAheadWalkMatchesThePlainWalk() throws {
        let fx = try Fixture()
        for d in 0..<3 { for f in 0..<300 { try fx.write("wide\(d)/f\(f).txt", "x") } }
        for d in 0..<60 { for s in 0..<3 { try fx.write("many/d\(d)/s\(s)/x.txt", "x"); try fx.mkdir("many/d\(d)/e\(s)") } }
        var deep = "deep"
        for i in 0..<(FileWalker.maxOpenDirectories + 10) { deep += "/l\(i)"; try fx.write(deep + "/here.txt", "x") }
        try fx.fifo("many/d7/pipe")
        try fx.symlink("many/d8/link", to: fx.at("wide0"))
        let events = walkAll([fx.path])
        XCTAssertEqual(events.filter { if case .file = $0 { return true } else { return false } }.count, 900 + 180 + FileWalker.maxOpenDirectories + 10)
        XCTAssertEqual(events.count, 900 + 180 + FileWalker.maxOpenDirectories + 10 + 2)
    }

    /// Names sharing their first eight bytes, prefixes of each other, and non-ASCII bytes
    /// come out in plain byte order (the listing sorts on an 8-byte key first).
    func testNamesSortInByteOrderPastTheirFirstEightBytes() throws {
        let fx = try Fixture()
        let names = ["abcdefghij2", "abcdefghij10", "abcdefgh", "abcdefghi", "abcdefg", "b", "\u{e9}x", "Z", "abcdefgh~", "abcdefgh\u{e9}"]
        for n in names { try fx.write(n, "x") }
        let walked = walkAll([fx.path]).map { render($0, relativeTo: fx.path) }
        let expected = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { "file " + $0 }
        XCTAssertEqual(walked, expected)
    }

    func testWalkedFileCarriesIdentity() throws {
        let fx = try Fixture()
        let p = try fx.write("one.txt", "hello")
        guard case .file(let f)? = walkAll([fx.path]).first else { return XCTFail("no file") }
        var st = stat()
        XCTAssertEqual(lstat(p, &st), 0)
        XCTAssertEqual(f.path, p)
        XCTAssertEqual(f.pathBytes, Array(p.utf8))
        XCTAssertEqual(f.size, 5)
        XCTAssertEqual(f.device, UInt64(st.st_dev))
        XCTAssertEqual(f.inode, UInt64(st.st_ino))
        XCTAssertEqual(f.mtime, FileTime(seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int32(st.st_mtim.tv_nsec)))
        XCTAssertFalse(f.viaSymlink)
    }

    func testRootPathIsKeptAsGiven() throws {
        let fx = try Fixture()
        try fx.write("d/x.txt", "x")
        XCTAssertEqual(walkAll([fx.path + "/d/"]).map(\.path), [fx.path + "/d/x.txt"])
        XCTAssertEqual(walkAll([fx.path + "//d//"]).map(\.path), [fx.path + "//d/x.txt"])
        XCTAssertEqual(walkAll([fx.path + "/./d"]).map(\.path), [fx.path + "/./d/x.txt"])
    }

    func testRootThatIsAFileIsYielded() throws {
        let fx = try Fixture()
        let p = try fx.write("only.txt", "abc")
        let events = walkAll([p])
        guard case .file(let f)? = events.first, events.count == 1 else { return XCTFail("\(events)") }
        XCTAssertEqual(f.path, p)
        XCTAssertEqual(f.size, 3)
    }

    func testMissingRootIsNotFoundAndOtherRootsGoOn() throws {
        let fx = try Fixture()
        try fx.write("x.txt", "x")
        let events = walkAll([fx.at("nope"), "", fx.path])
        XCTAssertEqual(events.map { render($0, relativeTo: fx.path) },
                       ["error(not_found) nope", "error(not_found) ", "file x.txt"])
    }

    func testExcludes() throws {
        let fx = try Fixture()
        for name in ["keep.txt", "debug.log", "sub/deep/trace.log", "node_modules/pkg/index.js",
                     "src/node_modules/x.js", "secret/a.txt", "other/secret/b.txt", "sub/x.tmp", "sub/deep/y.tmp",
                     "keep/also.txt"] {
            try fx.write(name, "x")
        }
        let options = WalkOptions(excludes: ["*.log", "node_modules", "**/secret/**", "sub/*.tmp"])
        let events = walkAll([fx.path], options).map { render($0, relativeTo: fx.path) }
        // `*` crosses `/` (fnmatch without FNM_PATHNAME), so sub/*.tmp also excludes sub/deep/y.tmp.
        XCTAssertEqual(events, ["file keep/also.txt", "file keep.txt"])
    }

    func testAbsoluteExcludeMatchesTheWholePath() throws {
        let fx = try Fixture()
        try fx.write("share/tmp/a.txt", "x")
        try fx.write("share/keep/b.txt", "x")
        try fx.write("tmp/c.txt", "x")
        let events = walkAll([fx.path], WalkOptions(excludes: [fx.at("share/tmp")])).map { render($0, relativeTo: fx.path) }
        XCTAssertEqual(events, ["file share/keep/b.txt", "file tmp/c.txt"])
    }

    func testExcludedDirectoryIsNotEntered() throws {
        let fx = try Fixture()
        try fx.write("skip/a.txt", "x")
        try fx.write("walk/b.txt", "x")
        try fx.mkdir("skip/locked")
        chmod(fx.at("skip"), 0o000) // would be an error(permission) if it were entered (not as root)
        defer { chmod(fx.at("skip"), 0o755) }
        let events = walkAll([fx.path], WalkOptions(excludes: ["skip"])).map { render($0, relativeTo: fx.path) }
        XCTAssertEqual(events, ["file walk/b.txt"])
    }

    func testMaxFileSize() throws {
        let fx = try Fixture()
        try fx.write("small.txt", String(repeating: "a", count: 10))
        try fx.write("exact.txt", String(repeating: "a", count: 100))
        try fx.write("big.txt", String(repeating: "a", count: 101))
        let events = walkAll([fx.path], WalkOptions(maxFileSize: 100)).map { render($0, relativeTo: fx.path) }
        XCTAssertEqual(events, ["skipped(too_large) big.txt", "file exact.txt", "file small.txt"])
        let root = walkAll([fx.at("big.txt")], WalkOptions(maxFileSize: 100))
        XCTAssertEqual(root, [.status(path: fx.at("big.txt"), .skipped("too_large"))])
    }

    func testUnreadableDirectoryIsAnErrorAndTheWalkGoesOn() throws {
        let fx = try Fixture()
        try fx.write("a.txt", "x")
        try fx.write("locked/secret.txt", "x")
        try fx.write("z.txt", "x")
        chmod(fx.path, 0o755)
        chmod(fx.at("locked"), 0o000)
        defer { chmod(fx.at("locked"), 0o755) }
        let root = fx.path
        let walk: @Sendable () -> [String] = { walkAll([root]).map { render($0, relativeTo: root) } }
        let events: [String]
        if geteuid() != 0 {
            events = walk()
        } else {
            // Root passes permission checks; drop to an unprivileged file-system uid on a thread.
            guard let unprivileged = asUnprivilegedFileSystemUser(walk) else {
                throw XCTSkip("running as root and setfsuid is unavailable: chmod 000 cannot deny root")
            }
            events = unprivileged
        }
        XCTAssertEqual(events, ["file a.txt", "error(permission) locked", "file z.txt"])
    }

    func testNamesWithNewlinesTabsAndInvalidUTF8() throws {
        let fx = try Fixture()
        try fx.write("line\nbreak.txt", "one")
        try fx.write("tab\tand\u{1B}[31mesc.txt", "two")
        try fx.write("=SUM(A1).txt", "three")
        let raw: [UInt8] = Array("bad-".utf8) + [0xFF, 0xFE, 0xC3] + Array(".txt".utf8)
        let rawPath = try fx.write(rawName: raw, bytes: Array("anna@example.pt".utf8))
        let files = walkAll([fx.path]).compactMap { e -> WalkedFile? in
            if case .file(let f) = e { return f } else { return nil }
        }
        XCTAssertEqual(files.map { String($0.path.dropFirst(fx.path.count + 1)) },
                       ["=SUM(A1).txt", "bad-\u{FFFD}\u{FFFD}\u{FFFD}.txt", "line\nbreak.txt", "tab\tand\u{1B}[31mesc.txt"])
        let bad = files[1]
        XCTAssertEqual(bad.pathBytes, rawPath, "path bytes are kept exactly")
        var text: [UInt8] = []
        let result = try ChunkedReader.read(path: bad.path, expected: bad) { text += $0.bytes[$0.ownedStart..<$0.ownedEnd] }
        XCTAssertEqual(result.status, .complete)
        XCTAssertEqual(String(decoding: text, as: UTF8.self), "anna@example.pt")
    }
}
