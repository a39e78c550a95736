import Glibc

/// Small byte-level searches the sniffers use on a content prefix.

func has(_ p: UnsafeRawBufferPointer, _ s: String) -> Bool {
    let b = Array(s.utf8)
    guard p.count >= b.count else { return false }
    for k in 0..<b.count where p[k] != b[k] { return false }
    return true
}

func hasCaseless(_ p: UnsafeRawBufferPointer, _ lowercase: String) -> Bool {
    let b = Array(lowercase.utf8)
    guard p.count >= b.count else { return false }
    for k in 0..<b.count {
        var c = p[k]
        if c >= 0x41 && c <= 0x5A { c += 0x20 }
        if c != b[k] { return false }
    }
    return true
}

func containsCaseless(_ p: UnsafeRawBufferPointer, _ lowercase: String) -> Bool {
    let b = Array(lowercase.utf8)
    guard p.count >= b.count else { return false }
    for i in 0...(p.count - b.count) where hasCaseless(UnsafeRawBufferPointer(rebasing: p[i...]), lowercase) { return true }
    return false
}

func index(_ p: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Int? {
    guard !needle.isEmpty, p.count >= needle.count, let base = p.baseAddress else { return nil }
    let first = Int32(needle[0])
    var i = 0
    let last = p.count - needle.count
    while i <= last {
        guard let hit = memchr(base + i, first, last - i + 1) else { return nil }
        let at = base.distance(to: UnsafeRawPointer(hit))
        var ok = true
        for k in 1..<needle.count where p[at + k] != needle[k] { ok = false; break }
        if ok { return at }
        i = at + 1
    }
    return nil
}

func contains(_ p: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool { index(p, needle) != nil }
