import Glibc
import Inputs
import ScanCore
import XCTest

final class FileWalkerSymlinkTests: XCTestCase {
    func testSymlinksAreSkippedByDefault() throws {
        let fx = try Fixture()
        try fx.write("real/file.txt", "x")
        try fx.symlink("link-to-file", to: "real/file.txt")
        try fx.symlink("link-to-dir", to: "real")
        try fx.symlink("link-to-shadow", to: "/etc/shadow")
        try fx.symlink("dangling", to: "nowhere")
        let events = walkAll([fx.path]).map { render($0, relativeTo: fx.path) }
        XCTAssertEqual(events, ["skipped(symlink) dangling", "skipped(symlink) link-to-dir", "skipped(symlink) link-to-file",
                                "skipped(symlink) link-to-shadow", "file real/file.txt"])
    }

    func testFollowingSymlinks() throws {
        let fx = try Fixture()
        try fx.write("real/file.txt", "x")
        try fx.write("elsewhere/other.txt", "y")
        try fx.symlink("link-to-file", to: "real/file.txt")
        try fx.symlink("a-link-to-dir", to: "elsewhere")
        try fx.symlink("dangling", to: "nowhere")
        let walker = FileWalker(roots: [fx.path], options: WalkOptions(followSymlinks: true))
        var events: [WalkEvent] = []
        while let e = walker.next() { events.append(e) }
        XCTAssertEqual(events.map { render($0, relativeTo: fx.path) },
                       ["file a-link-to-dir/other.txt", "error(not_found) dangling",
                        "skipped(duplicate) elsewhere", "file link-to-file", "file real/file.txt"])
        guard case .file(let linked) = events[3] else { return XCTFail() }
        XCTAssertTrue(linked.viaSymlink)
        // The reader follows a link the walker followed, and checks it is the same file.
        var text = ""
        _ = try ChunkedReader.read(path: linked.path, expected: linked) { text += String(decoding: $0.bytes, as: UTF8.self) }
        XCTAssertEqual(text, "x")
    }

    func testSymlinkLoopsTerminate() throws {
        let fx = try Fixture()
        try fx.write("d/file.txt", "x")
        try fx.symlink("d/up", to: "..")           // d/up -> root: an ancestor
        try fx.symlink("d/self", to: ".")          // d/self -> d
        try fx.symlink("ping", to: "pong")         // ping -> pong -> ping
        try fx.symlink("pong", to: "ping")
        let events = walkAll([fx.path], WalkOptions(followSymlinks: true)).map { render($0, relativeTo: fx.path) }
        XCTAssertEqual(events, ["file d/file.txt", "skipped(loop) d/self", "skipped(loop) d/up",
                                "skipped(loop) ping", "skipped(loop) pong"])
    }

    func testRootThatIsASymlink() throws {
        let fx = try Fixture()
        try fx.write("real/f.txt", "x")
        try fx.symlink("link", to: "real")
        XCTAssertEqual(walkAll([fx.at("link")]), [.status(path: fx.at("link"), .error("root_is_symlink"))])
        XCTAssertEqual(walkAll([fx.at("link")], WalkOptions(followSymlinks: true)).map(\.path), [fx.at("link/f.txt")])
        // A trailing slash asks for the directory the link names.
        XCTAssertEqual(walkAll([fx.at("link/")]).map(\.path), [fx.at("link/f.txt")])
    }

    /// A followed link deep in a tree whose parent was closed (more levels than open
    /// descriptors): the parent is re-opened by name from the root, checked by device+inode.
    func testReopeningAncestorsAboveAFollowedLink() throws {
        let fx = try Fixture()
        let depth = FileWalker.maxOpenDirectories + 20
        let chain = (1...depth).map { "c\($0)" }.joined(separator: "/")
        try fx.write("y/chain/" + chain + "/deep.txt", "deep")
        try fx.write("x/z.txt", "after the link")
        try fx.symlink("x/l", to: "../y/chain")
        let events = walkAll([fx.path], WalkOptions(followSymlinks: true)).map { render($0, relativeTo: fx.path) }
        XCTAssertEqual(events, ["file x/l/" + chain + "/deep.txt", "file x/z.txt", "skipped(duplicate) y/chain"])
    }

    func testDirectorySwappedForASymlinkDuringTheWalk() throws {
        let fx = try Fixture()
        try fx.write("a/1.txt", "x")
        try fx.write("b/2.txt", "x")
        let walker = FileWalker(roots: [fx.path])
        XCTAssertEqual(walker.next().map { render($0, relativeTo: fx.path) }, "file a/1.txt")
        // "b" was listed as a directory; it is now a link to /etc.
        XCTAssertEqual(rename(fx.at("b"), fx.at("b.old")), 0)
        try fx.symlink("b", to: "/etc")
        XCTAssertEqual(walker.next().map { render($0, relativeTo: fx.path) }, "skipped(symlink) b")
        XCTAssertNil(walker.next())
    }

    func testAncestorThatCannotBeReopenedIsAnErrorAndTheWalkGoesOn() throws {
        let fx = try Fixture()
        let depth = FileWalker.maxOpenDirectories + 20
        let chain = (1...depth).map { "c\($0)" }.joined(separator: "/")
        try fx.write("y/chain/" + chain + "/deep.txt", "deep")
        try fx.write("x/z.txt", "after the link")
        try fx.symlink("x/l", to: "../y/chain")
        let walker = FileWalker(roots: [fx.path], options: WalkOptions(followSymlinks: true))
        XCTAssertEqual(walker.next().map { render($0, relativeTo: fx.path) }, "file x/l/" + chain + "/deep.txt")
        // "x" (its descriptor closed by now, and not reachable through ".." of the link target) moves away.
        XCTAssertEqual(rename(fx.at("x"), fx.at("x2")), 0)
        var rest: [String] = []
        while let e = walker.next() { rest.append(render(e, relativeTo: fx.path)) }
        XCTAssertEqual(rest, ["error(not_found) x", "skipped(duplicate) y/chain"])
    }
}
