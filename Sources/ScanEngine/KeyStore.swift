import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The per-installation secret key for fingerprints: 32 random bytes in a 0600 file in a
/// 0700 directory, created on first use.
public enum KeyStore {
    /// `$TRAWL_KEY_FILE`, else `$XDG_CONFIG_HOME/trawl/fingerprint.key`, else `~/.config/trawl/fingerprint.key`.
    public static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        if let p = env["TRAWL_KEY_FILE"], !p.isEmpty { return p }
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        return config + "/trawl/fingerprint.key"
    }

    /// Reads the key at `path`, creating it (and its directory, 0700) when missing.
    public static func loadOrCreate(path: String) throws -> [UInt8] {
        if let data = FileManager.default.contents(atPath: path) {
            guard data.count >= 16 else { throw KeyError(path: path, message: "key file is shorter than 16 bytes; delete it to make a new one (fingerprints will change)") }
            return Array(data)
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw KeyError(path: path, message: "cannot create directory \(dir): \(error.localizedDescription)")
            }
        }
        // SystemRandomNumberGenerator is the kernel CSPRNG (getrandom) on Linux.
        var rng = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            // Another process may have created it first: use theirs.
            if errno == EEXIST, let data = FileManager.default.contents(atPath: path), data.count >= 16 { return Array(data) }
            throw KeyError(path: path, message: "cannot create key file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let written = key.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        guard written == key.count else { throw KeyError(path: path, message: "cannot write key file: \(String(cString: strerror(errno)))") }
        return key
    }
}

/// The fingerprint key could not be read or created.
public struct KeyError: Error, CustomStringConvertible {
    /// The key file.
    public let path: String
    /// What went wrong.
    public let message: String
    /// `fingerprint key <path>: <message>`.
    public var description: String { "fingerprint key \(path): \(message)" }
}
