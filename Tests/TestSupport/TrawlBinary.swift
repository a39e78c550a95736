import Foundation

/// Runs the built `trawl` executable, as a user would.
public enum TrawlBinary {
    /// `$TRAWL_BIN`, else `.build/release/trawl`, else `.build/debug/trawl`.
    public static func path() throws -> String {
        if let env = ProcessInfo.processInfo.environment["TRAWL_BIN"], !env.isEmpty { return env }
        for config in ["release", "debug"] {
            let p = RepoPaths.root + "/.build/\(config)/trawl"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        throw NSError(domain: "trawl-tests", code: 1, userInfo: [NSLocalizedDescriptionKey: "no trawl binary: run `make test` (or `swift build`) first, or set TRAWL_BIN"])
    }

    /// The result of one run.
    public struct Run {
        /// Exit status.
        public let status: Int32
        /// Standard output.
        public let stdout: String
        /// Standard error.
        public let stderr: String
        /// Creates a result.
        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Runs trawl with `arguments` in the repository root (or `directory`).
    public static func run(_ arguments: [String], directory: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? RepoPaths.root)
        var env = ProcessInfo.processInfo.environment
        env["TRAWL_PATTERNS"] = RepoPaths.patterns
        // Tests that do not pass an inventory keep none (no shared ~/.local/share state, no lock).
        env["TRAWL_INVENTORY"] = "off"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        // stderr goes to a file, stdout to a pipe read to the end: no dead-lock on large output.
        let errPath = NSTemporaryDirectory() + "trawl-stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}
