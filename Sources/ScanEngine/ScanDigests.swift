import Crypto
import Foundation
import Inputs

/// The digests that decide whether a stored result is still valid: the same file scanned
/// with the same rules and limits gives the same findings.
public enum ScanDigests {
    /// The trawl version recorded with each run (detection code changes with it).
    public static let toolVersion = "0.1.0"

    /// SHA-256 over every file of the pattern directories (rule packs, categories, data
    /// lists: path relative to the directory, then bytes), the minimum confidence, the kinds
    /// filter and the tool version.
    public static func rules(patternDirs: [String], minConfidence: Double, kinds: Set<String>?) -> String {
        var h = SHA256()
        func add(_ s: String) { h.update(data: Data(s.utf8)); h.update(data: Data([0])) }
        add("trawl \(toolVersion)")
        for dir in patternDirs {
            add("dir")
            let files = (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).sorted()
            for rel in files {
                let full = (dir as NSString).appendingPathComponent(rel)
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else { continue }
                add(rel)
                h.update(data: FileManager.default.contents(atPath: full) ?? Data())
            }
        }
        add("min-confidence \(minConfidence)")
        add("kinds \((kinds ?? []).sorted().joined(separator: ","))")
        return "sha256:" + h.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 over the read and walk limits that change a file's result.
    public static func limits(chunkSize: Int, walk: WalkOptions, containers: String) -> String {
        let text = "chunk \(chunkSize)\nmax-filesize \(walk.maxFileSize.map(String.init) ?? "none")\nfollow \(walk.followSymlinks)\ncontainers \(containers)\n"
        return "sha256:" + SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
