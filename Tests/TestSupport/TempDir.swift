import Foundation

/// A fresh directory under the system temp dir, removed by `remove()`.
public struct TempDir {
    /// Its path.
    public let path: String

    /// Creates it.
    public init(_ label: String = "trawl-test") throws {
        path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes a file (creating parent directories) and returns its path.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    /// Writes raw bytes.
    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }

    /// Deletes it.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Paths of the repository, found from this file's location.
public enum RepoPaths {
    /// The repository root.
    public static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }
    /// The built-in Patterns/ directory.
    public static var patterns: String { root + "/Patterns" }
}
