import Foundation
import Glibc
import Inputs
import ScanCore
import XCTest

/// A scratch directory for one test, built with raw system calls so that any name works.
final class Fixture {
    /// Its path (no trailing slash).
    let path: String

    init(_ label: String = "inputs") throws {
        var template = Array("\(NSTemporaryDirectory())trawl-\(label)-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
        // `rm -rf` copes with trees deeper than PATH_MAX and with chmod 000 (as root).
        _ = try? run("/bin/chmod", ["-R", "u+rwx", path])
        _ = try? run("/bin/rm", ["-rf", path])
    }

    /// The absolute path of `relative`.
    func at(_ relative: String) -> String { path + "/" + relative }

    /// Writes a file (creating parent directories).
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    /// Writes raw bytes (creating parent directories).
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = at(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw POSIXError(.EIO)
        }
        return full
    }

    /// Writes a file whose name is raw bytes, in directory `relativeDir`.
    @discardableResult
    func write(rawName: [UInt8], in relativeDir: String = "", bytes: [UInt8]) throws -> [UInt8] {
        var full = Array((relativeDir.isEmpty ? path : at(relativeDir)).utf8) + [UInt8(ascii: "/")] + rawName
        full.append(0)
        let fd = full.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        full.removeLast()
        return full
    }

    /// Creates a directory (and parents).
    @discardableResult
    func mkdir(_ relative: String) throws -> String {
        try FileManager.default.createDirectory(atPath: at(relative), withIntermediateDirectories: true)
        return at(relative)
    }

    /// Creates a symbolic link `relative` pointing at `target` (as written).
    @discardableResult
    func symlink(_ relative: String, to target: String) throws -> String {
        guard Glibc.symlink(target, at(relative)) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return at(relative)
    }

    /// Creates a FIFO.
    @discardableResult
    func fifo(_ relative: String) throws -> String {
        guard mkfifo(at(relative), 0o644) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return at(relative)
    }

    /// Runs a program and waits for it.
    @discardableResult
    func run(_ program: String, _ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}

/// Drains a walker into an array (with a safety cap so a bug cannot hang the suite).
///
/// The walk is made twice, with one stat thread and with three (stats taken ahead and
/// subdirectories listed ahead on a helper thread), and the two must give the same events
/// in the same order: every walker test covers both.
func walkAll(_ roots: [String], _ options: WalkOptions = WalkOptions(), cap: Int = 100_000,
             file: StaticString = #filePath, line: UInt = #line) -> [WalkEvent] {
    func walk(statThreads: Int) -> [WalkEvent] {
        let walker = FileWalker(roots: roots, options: options)
        walker.statThreads = statThreads
        var events: [WalkEvent] = []
        while let e = walker.next() {
            events.append(e)
            if events.count >= cap { XCTFail("walker did not terminate", file: file, line: line); break }
        }
        return events
    }
    let serial = walk(statThreads: 1)
    let parallel = walk(statThreads: 3)
    XCTAssertEqual(serial, parallel, "a walk with stats and listings taken ahead differs from the plain walk", file: file, line: line)
    return serial
}

/// A one-line rendering of an event for readable assertions: `file path` or `status(reason) path`.
func render(_ event: WalkEvent, relativeTo root: String) -> String {
    var p = event.path
    if p.hasPrefix(root + "/") { p = String(p.dropFirst(root.count + 1)) }
    switch event {
    case .file: return "file \(p)"
    case .status(_, let s): return "\(s) \(p)"
    }
}
