import Glibc
import Inputs
import ScanCore
import XCTest

/// The walker and the reader together, the way the scan engine drives them: every object
/// met ends with exactly one status, and one object's failure does not stop the others.
final class WalkAndReadTests: XCTestCase {
    func testEveryObjectGetsOneStatus() throws {
        let fx = try Fixture()
        try fx.write("a/contacts.txt", "anna@example.pt\nbruno@example.pt\n")
        try fx.write("a/notes-utf16.txt", bytes: [0xFF, 0xFE] + "carla@example.pt".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try fx.write("b/image.bin", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00])
        try fx.write("b/empty.txt", "")
        try fx.write("c/vanishes.txt", "gone before it is read")
        try fx.fifo("c/pipe")
        try fx.symlink("c/link", to: "../a/contacts.txt")
        try fx.write("d/huge.log", String(repeating: "x", count: 5000))

        let options = WalkOptions(excludes: ["*.tmp"], maxFileSize: 4096)
        let limits = ReadLimits(chunkSize: 16, lookBehind: 8, lookAhead: 32)
        let walker = FileWalker(roots: [fx.path, fx.at("missing")], options: options)
        var statuses: [String: ObjectStatus] = [:]
        var emails: [String: [String]] = [:]
        var files: [WalkedFile] = []
        while let event = walker.next() {
            switch event {
            case .file(let file): files.append(file)
            case .status(let path, let status): statuses[path] = status
            }
        }
        unlink(fx.at("c/vanishes.txt"))
        for file in files {
            do {
                let result = try ChunkedReader.read(path: file.path, expected: file, limits: limits) { chunk in
                    let found = findOwned(Array("@example.pt".utf8), in: chunk)
                    emails[file.path, default: []] += found.map { "line \($0.line)" }
                }
                statuses[file.path] = result.status
            } catch let error as ReadError {
                statuses[file.path] = .error(error.reason)
            }
        }
        let rendered = statuses.map { ($0.key.hasPrefix(fx.path + "/") ? String($0.key.dropFirst(fx.path.count + 1)) : $0.key, $0.value.description) }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: rendered), [
            "a/contacts.txt": "complete",
            "a/notes-utf16.txt": "complete",
            "b/empty.txt": "complete",
            "b/image.bin": "skipped(binary)",
            "c/link": "skipped(symlink)",
            "c/pipe": "skipped(fifo)",
            "c/vanishes.txt": "error(not_found)",
            "d/huge.log": "skipped(too_large)",
            "missing": "error(not_found)",
        ])
        XCTAssertEqual(emails[fx.at("a/contacts.txt")], ["line 1", "line 2"])
        XCTAssertEqual(emails[fx.at("a/notes-utf16.txt")], ["line 1"])
    }
}
