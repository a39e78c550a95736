/// What a word (or a phrase of a few words) can be, as bits.
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32
    static let given = WordClass(rawValue: 1 << 0)
    static let surname = WordClass(rawValue: 1 << 1)
    static let particle = WordClass(rawValue: 1 << 2)
    static let notName = WordClass(rawValue: 1 << 3)
    static let street = WordClass(rawValue: 1 << 4)
    static let org = WordClass(rawValue: 1 << 5)
    static let label = WordClass(rawValue: 1 << 6)
    static let prefix = WordClass(rawValue: 1 << 7)
    static let signoff = WordClass(rawValue: 1 << 8)
    static let cvTitle = WordClass(rawValue: 1 << 9)
    static let letterTitle = WordClass(rawValue: 1 << 10)
    static let cvSection = WordClass(rawValue: 1 << 11)
}

/// Every word and phrase of the name model in one open-addressing table, keyed by a 64-bit
/// hash of the case-folded UTF-8 bytes (words are never compared: at a few thousand
/// entries a 64-bit collision is out of reach). One probe tells all classes of a word.
struct WordTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt32]
    private let mask: Int

    init(_ entries: [(String, WordClass)]) {
        var merged: [UInt64: UInt32] = [:]
        for (word, cls) in entries {
            let bytes = Array(word.utf8)
            let h = bytes.withUnsafeBufferPointer { WordTable.hash($0.baseAddress!, 0, $0.count) }
            merged[h, default: 0] |= cls.rawValue
        }
        var cap = 16
        while cap < merged.count * 3 { cap <<= 1 }
        keys = [UInt64](repeating: 0, count: cap)
        values = [UInt32](repeating: 0, count: cap)
        mask = cap - 1
        for (h, v) in merged {
            var i = Int(truncatingIfNeeded: h) & mask
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = h
            values[i] = v
        }
    }

    /// The classes of the folded bytes `p[from..<to]`.
    @inline(__always)
    func lookup(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> WordClass {
        lookup(hash: WordTable.hash(p, from, to))
    }

    @inline(__always)
    func lookup(hash h: UInt64) -> WordClass {
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = keys[i]
            if k == h { return WordClass(rawValue: values[i]) }
            if k == 0 { return [] }
            i = (i + 1) & mask
        }
    }

    /// FNV-1a over the case-folded bytes; runs of spaces count as one space. Never 0.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var i = from
        var lastSpace = false
        while i < to {
            var b = p[i]
            if b == 32 || b == 9 {
                if lastSpace { i += 1; continue }
                lastSpace = true
                b = 32
            } else {
                lastSpace = false
                if b >= 65 && b <= 90 {
                    b |= 0x20
                } else if b >= 0xC3 && i + 1 < to {
                    // Two-byte capitals: Latin-1 (À..Þ), Latin Extended-A (even code points),
                    // Cyrillic А..Я and Greek Α..Ω fold to their small letters.
                    let c = p[i + 1]
                    let (l0, l1) = WordTable.foldPair(b, c)
                    h = (h ^ UInt64(l0)) &* 0x100000001b3
                    h = (h ^ UInt64(l1)) &* 0x100000001b3
                    i += 2
                    continue
                }
            }
            h = (h ^ UInt64(b)) &* 0x100000001b3
            i += 1
        }
        return h == 0 ? 1 : h
    }

    /// The small letter of a two-byte UTF-8 capital (other pairs unchanged).
    @inline(__always)
    static func foldPair(_ b: UInt8, _ c: UInt8) -> (UInt8, UInt8) {
        switch b {
        case 0xC3 where c >= 0x80 && c <= 0x9E && c != 0x97:
            return (b, c + 0x20)
        case 0xC4, 0xC5:
            // U+0100..U+017F: capitals are mostly the even code points (U+0139..U+0148 and
            // U+0179..U+017E are odd-capital runs).
            let cp = (UInt32(b & 0x1F) << 6) | UInt32(c & 0x3F)
            let oddRun = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)
            let isCapital = oddRun ? cp & 1 == 1 : cp & 1 == 0
            if isCapital && cp != 0x138 && cp != 0x149 && cp != 0x17F {
                let l = cp + 1
                return (0xC0 | UInt8(l >> 6), 0x80 | UInt8(l & 0x3F))
            }
            return (b, c)
        case 0xD0 where c >= 0x90 && c <= 0x9F:
            return (0xD0, c + 0x20)                // А..П -> а..п
        case 0xD0 where c >= 0xA0 && c <= 0xAF:
            return (0xD1, c - 0x20)                // Р..Я -> р..я
        case 0xD0 where c >= 0x80 && c <= 0x8F:
            return (0xD1, c + 0x10)                // Ѐ..Џ -> ѐ..џ
        case 0xCE where c >= 0x91 && c <= 0x9F:
            return (0xCE, c + 0x20)                // Α..Ο -> α..ο
        case 0xCE where c >= 0xA0 && c <= 0xA9 && c != 0xA2:
            return (0xCF, c - 0x20)                // Π..Ω -> π..ω
        default:
            return (b, c)
        }
    }

    /// Whether the character starting at `p[i]` is a capital letter (ASCII, Latin-1,
    /// Latin Extended-A, Cyrillic or Greek).
    @inline(__always)
    static func isCapital(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let b = p[i]
        if b >= 65 && b <= 90 { return true }
        guard b >= 0xC3 && b <= 0xD0 && i + 1 < end else { return false }
        let c = p[i + 1]
        let folded = foldPair(b, c)
        return folded != (b, c)
    }

    /// Whether the character starting at `p[i]` is a small letter of those scripts (or any
    /// other non-ASCII letter byte: scripts without case never start a name token here).
    @inline(__always)
    static func isLetterByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b >= 0xC3
    }
}
