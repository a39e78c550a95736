import Foundation

/// Maildir folders: a directory holding `cur`, `new` and `tmp`, one file per message.
///
/// The walker scans a Maildir as ordinary files: each file in `cur/` or `new/` is sniffed
/// as an RFC 5322 message and reported under its own path
/// (`Maildir/cur/1700000000.M1P1.host:2,S!/cv.zip!/anna.docx`), which is stable across
/// runs and flag changes only touch the `:2,` suffix. Files in `tmp/` are messages being
/// delivered and are skipped. `listing(at:)` gives the messages of one folder in a
/// stable order (new before cur, then by name) with duplicates removed by unique name
/// (the part before `:`), so a message moved from `new/` to `cur/` while listing is
/// counted once.
public enum Maildir {
    /// Whether `path` is a Maildir folder (has `cur`, `new` and `tmp` subdirectories).
    public static func isMaildir(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        for sub in ["cur", "new", "tmp"] {
            guard FileManager.default.fileExists(atPath: path + "/" + sub, isDirectory: &isDir), isDir.boolValue else { return false }
        }
        return true
    }

    /// Whether a file at `path` lies in the `tmp/` of a Maildir (in delivery: skip it).
    public static func isInDeliveryDirectory(_ path: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        return parent.lastPathComponent == "tmp" && isMaildir(parent.deletingLastPathComponent().path)
    }

    /// The message files of the Maildir at `path`: `new/` then `cur/`, each sorted by
    /// name, a unique name listed once (its `cur/` copy wins, being the later state).
    public static func listing(at path: String) -> [String] {
        var byUnique: [String: String] = [:]
        var order: [String] = []
        for sub in ["new", "cur"] {
            let dir = path + "/" + sub
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for name in names {
                let unique = String(name.split(separator: ":", maxSplits: 1).first ?? Substring(name))
                if byUnique[unique] == nil { order.append(unique) }
                byUnique[unique] = dir + "/" + name
            }
        }
        return order.compactMap { byUnique[$0] }
    }
}
