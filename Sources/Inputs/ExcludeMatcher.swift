import Glibc

/// Matches paths against exclude globs with `fnmatch` (no flags: `*` also matches `/`).
///
/// A pattern matches when it matches the path relative to the root or the base name; a
/// pattern starting with `/` is matched against the whole path instead (the root as given,
/// then the relative path). `**/x` also tries `x`, and `x/**` also tries `x` (so the
/// directory itself is skipped rather than each thing in it).
struct ExcludeMatcher: Sendable {
    /// NUL-terminated patterns matched against the relative path and the base name.
    private let relative: [[CChar]]
    /// NUL-terminated patterns (starting with `/`) matched against the whole path.
    private let absolute: [[CChar]]

    /// Compiles the patterns given in `WalkOptions.excludes`.
    init(_ globs: [String]) {
        var relative: [[CChar]] = [], absolute: [[CChar]] = []
        for glob in globs where !glob.isEmpty {
            var variants = [glob]
            var g = Substring(glob)
            while g.hasPrefix("**/") { g = g.dropFirst(3); variants.append(String(g)) }
            if glob.hasSuffix("/**") { variants.append(String(glob.dropLast(3))) }
            for v in variants where !v.isEmpty {
                let c = Array(v.utf8CString)
                if v.hasPrefix("/") {
                    if !absolute.contains(c) { absolute.append(c) }
                } else if !relative.contains(c) {
                    relative.append(c)
                }
            }
        }
        self.relative = relative
        self.absolute = absolute
    }

    /// True when no pattern was given.
    var isEmpty: Bool { relative.isEmpty && absolute.isEmpty }

    /// Whether the whole path, the relative path or the base name (all NUL-terminated) matches.
    func matches(path: UnsafePointer<CChar>, relative rel: UnsafePointer<CChar>, baseName: UnsafePointer<CChar>) -> Bool {
        for p in relative {
            let hit = p.withUnsafeBufferPointer { fnmatch($0.baseAddress!, rel, 0) == 0 || fnmatch($0.baseAddress!, baseName, 0) == 0 }
            if hit { return true }
        }
        for p in absolute where p.withUnsafeBufferPointer({ fnmatch($0.baseAddress!, path, 0) == 0 }) {
            return true
        }
        return false
    }
}
