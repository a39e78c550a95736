import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the inventory lives and how its files are created (0600 in a 0700 directory).
public enum InventoryLocation {
    /// `$TRAWL_INVENTORY`, else `$XDG_DATA_HOME/trawl/inventory.sqlite`, else
    /// `~/.local/share/trawl/inventory.sqlite`.
    public static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        if let p = env["TRAWL_INVENTORY"], !p.isEmpty { return p }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        return data + "/trawl/inventory.sqlite"
    }

    /// Whether `$TRAWL_INVENTORY` asks for no inventory (`off` or `none`).
    public static var disabledByEnvironment: Bool {
        let v = ProcessInfo.processInfo.environment["TRAWL_INVENTORY"]
        return v == "off" || v == "none"
    }

    /// The lock file beside the database.
    public static func lockPath(for db: String) -> String { db + ".lock" }
    /// The in-flight journal beside the database.
    public static func journalPath(for db: String) -> String { db + ".inflight" }

    /// Creates the database's directory (0700) when missing and the file itself (0600)
    /// when missing, so SQLite's WAL and SHM files, which copy the database's mode, are 0600 too.
    static func prepare(_ path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw InventoryError.io(path: path, message: "cannot create directory \(dir): \(error.localizedDescription)")
            }
        }
        try createPrivateFile(path)
    }

    /// Opens (creating 0600 when missing) and closes `path`; an existing file readable or
    /// writable by group or others is narrowed to 0600 (it holds locations of personal data).
    static func createPrivateFile(_ path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw InventoryError.io(path: path, message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
        close(fd)
    }
}
