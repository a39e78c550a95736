import Foundation

/// Finds the built-in `Patterns/` directory.
public enum PatternLocator {
    /// `$TRAWL_PATTERNS`; else a `Patterns/` with `categories.yml` beside or above the
    /// executable (a build tree or `/usr/local/share/trawl`); else `./Patterns`.
    public static func builtIn() -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["TRAWL_PATTERNS"], !env.isEmpty { return env }
        var candidates: [String] = []
        let exe = (CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }) ?? ""
        var dir = (exe as NSString).deletingLastPathComponent
        for _ in 0..<6 where !dir.isEmpty && dir != "/" {
            candidates.append(dir + "/Patterns")
            candidates.append(dir + "/share/trawl/Patterns")
            dir = (dir as NSString).deletingLastPathComponent
        }
        candidates.append(fm.currentDirectoryPath + "/Patterns")
        candidates.append("/usr/local/share/trawl/Patterns")
        candidates.append("/usr/share/trawl/Patterns")
        return candidates.first { fm.fileExists(atPath: $0 + "/categories.yml") }
    }
}
