/// Finds a rule's context words near a match, ASCII case-insensitively, on word bounds.
struct ContextMatcher: Sendable {
    /// Lowercased UTF-8 bytes of each word, longest first.
    let words: [[UInt8]]
    let window: Int
    /// Bytes after the match that also count (`Tel: ... (mobile)`).
    static let after = 16

    init(words: [String], window: Int) {
        self.words = Set(words.map { Array($0.lowercased().utf8) }).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
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
        for word in words where word.count <= to - from {
            let first = word[0]
            var i = from
            let last = to - word.count
            while i <= last {
                if ContextMatcher.lower(base[i]) == first {
                    var k = 1
                    while k < word.count && ContextMatcher.lower(base[i + k]) == word[k] { k += 1 }
                    if k == word.count {
                        let beforeOK = i == from || !ContextMatcher.isWordByte(base[i - 1]) || !ContextMatcher.isWordByte(first)
                        let end = i + word.count
                        let afterOK = end >= to || !ContextMatcher.isWordByte(base[end]) || !ContextMatcher.isWordByte(word[word.count - 1])
                        if beforeOK && afterOK { return true }
                    }
                }
                i += 1
            }
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
