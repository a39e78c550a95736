import Foundation

/// Builds archives for tests with `bsdtar` (libarchive-tools) from a map of member paths
/// to contents, in a temporary directory that is removed afterwards.
public enum ArchiveFixture {
    /// The archive bytes. `format` is a bsdtar `--format` (`zip`, `ustar`, `7zip`, `cpio`),
    /// `filter` an optional compression flag (`-z`, `-j`, `-J`, `--zstd`).
    public static func make(_ files: [(String, String)], format: String, filter: String? = nil) throws -> [UInt8] {
        let dir = try TempDir()
        defer { dir.remove() }
        for (path, content) in files {
            let full = dir.path + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        }
        let out = NSTemporaryDirectory() + "trawl-fixture-" + UUID().uuidString + ".archive"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["bsdtar", "-c", "--format", format] + (filter.map { [$0] } ?? []) + ["-f", out, "-C", dir.path] + files.map(\.0)
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw NSError(domain: "bsdtar", code: Int(p.terminationStatus)) }
        return Array(try Data(contentsOf: URL(fileURLWithPath: out)))
    }
}
