/// Finds context words near a match, ASCII case-insensitively, on word bounds.
///
/// Words are indexed by their first byte, so a window is scanned once and only positions
/// whose byte can start a word are compared.
struct ContextMatcher: Sendable {
    /// Lowercased UTF-8 bytes of each word (plus the spelling as written, for non-ASCII
    /// capitals such as "Тел" that ASCII folding cannot lower).
    let words: [[UInt8]]
    /// Word indices by first byte.
    let byFirst: [[Int]]
    let window: Int
    /// Bytes after the match that also count (`Tel: ... (mobile)`).
    static let after = 16

    init(words: [String], window: Int) {
        var set = Set<[UInt8]>()
        for w in words where !w.isEmpty {
            set.insert(Array(w.utf8).map(ContextMatcher.lower))
            set.insert(Array(w.lowercased().utf8))
        }
        let list = set.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        var index = [[Int]](repeating: [], count: 256)
        for (i, w) in list.enumerated() { index[Int(w[0])].append(i) }
        self.words = list
        self.byFirst = index
        self.window = window
    }

    var isEmpty: Bool { words.isEmpty }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b | 0x20 : b }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80
    }

    /// Whether a word occurs in `base[from..<to]`.
    func found(in base: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        guard to > from else { return false }
        var i = from
        while i < to {
            let candidates = byFirst[Int(ContextMatcher.lower(base[i]))]
            if !candidates.isEmpty {
                for wi in candidates {
                    let word = words[wi]
                    let end = i + word.count
                    guard end <= to else { continue }
                    var k = 1
                    while k < word.count && ContextMatcher.lower(base[i + k]) == word[k] { k += 1 }
                    guard k == word.count else { continue }
                    let beforeOK = i == from || !ContextMatcher.isWordByte(base[i - 1]) || !ContextMatcher.isWordByte(word[0])
                    let afterOK = end >= to || !ContextMatcher.isWordByte(base[end]) || !ContextMatcher.isWordByte(word[word.count - 1])
                    if beforeOK && afterOK { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// Whether a word is near the match `range` in a buffer of `count` bytes.
    func near(_ range: Range<Int>, in base: UnsafePointer<UInt8>, count: Int) -> Bool {
        if isEmpty { return false }
        if found(in: base, from: max(0, range.lowerBound - window), to: range.lowerBound) { return true }
        return found(in: base, from: range.upperBound, to: min(count, range.upperBound + ContextMatcher.after))
    }
}
