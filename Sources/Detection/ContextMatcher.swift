/// Finds context words near a match, ASCII case-insensitively, on word bounds.
///
/// Words are indexed by their first two bytes, so a window is scanned once and only
/// positions whose two bytes can start a word are compared.
struct ContextMatcher: Sendable {
    /// Lowercased UTF-8 bytes of each word (plus the spelling as written, for non-ASCII
    /// capitals such as "Тел" that ASCII folding cannot lower).
    let words: [[UInt8]]
    /// Word indices by a hash of their first two bytes, as compressed rows: the words of
    /// bucket k are `bigramWords[bigramStart[k]..<bigramStart[k + 1]]`.
    let bigramStart: [Int32]
    let bigramWords: [Int32]
    /// One-byte words, by their byte.
    let singles: [Bool]
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
        var counts = [Int32](repeating: 0, count: ContextMatcher.buckets + 1)
        var singles = [Bool](repeating: false, count: 256)
        for w in list {
            if w.count == 1 { singles[Int(w[0])] = true } else { counts[ContextMatcher.bucket(w[0], w[1])] += 1 }
        }
        var start = [Int32](repeating: 0, count: ContextMatcher.buckets + 1)
        for k in 0..<ContextMatcher.buckets { start[k + 1] = start[k] + counts[k] }
        var fill = start
        var rows = [Int32](repeating: 0, count: Int(start[ContextMatcher.buckets]))
        for (i, w) in list.enumerated() where w.count > 1 {
            let k = ContextMatcher.bucket(w[0], w[1])
            rows[Int(fill[k])] = Int32(i)
            fill[k] += 1
        }
        self.words = list
        self.bigramStart = start
        self.bigramWords = rows
        self.singles = singles
        self.window = window
    }

    var isEmpty: Bool { words.isEmpty }

    /// Buckets of the first-two-bytes index (collisions are resolved by comparing words).
    static let buckets = 4096

    @inline(__always)
    static func bucket(_ a: UInt8, _ b: UInt8) -> Int { (Int(a) &* 31 &+ Int(b)) & (buckets - 1) }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b | 0x20 : b }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80
    }

    /// Whether a word occurs in `base[from..<to]`.
    func found(in base: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        guard to > from else { return false }
        return bigramStart.withUnsafeBufferPointer { starts in
            bigramWords.withUnsafeBufferPointer { rows in
                var i = from
                while i < to {
                    let b0 = ContextMatcher.lower(base[i])
                    if singles[Int(b0)] && bounded(base, i, i + 1, from, to, first: b0, last: b0) { return true }
                    if i + 1 < to {
                        let k = ContextMatcher.bucket(b0, ContextMatcher.lower(base[i + 1]))
                        var r = Int(starts[k])
                        let e = Int(starts[k + 1])
                        while r < e {
                            let word = words[Int(rows[r])]
                            r += 1
                            let end = i + word.count
                            guard end <= to else { continue }
                            var j = 0
                            while j < word.count && ContextMatcher.lower(base[i + j]) == word[j] { j += 1 }
                            if j == word.count && bounded(base, i, end, from, to, first: word[0], last: word[word.count - 1]) { return true }
                        }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Word bounds: no word byte right before or after, where the word itself starts or
    /// ends with a word byte.
    @inline(__always)
    func bounded(_ base: UnsafePointer<UInt8>, _ i: Int, _ end: Int, _ from: Int, _ to: Int, first: UInt8, last: UInt8) -> Bool {
        let beforeOK = i == from || !ContextMatcher.isWordByte(base[i - 1]) || !ContextMatcher.isWordByte(first)
        let afterOK = end >= to || !ContextMatcher.isWordByte(base[end]) || !ContextMatcher.isWordByte(last)
        return beforeOK && afterOK
    }

    /// Whether a word is near the match `range` in a buffer of `count` bytes.
    func near(_ range: Range<Int>, in base: UnsafePointer<UInt8>, count: Int) -> Bool {
        if isEmpty { return false }
        if found(in: base, from: max(0, range.lowerBound - window), to: range.lowerBound) { return true }
        return found(in: base, from: range.upperBound, to: min(count, range.upperBound + ContextMatcher.after))
    }
}
