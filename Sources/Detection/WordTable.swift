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
    /// The last word of a label, prefix or sign-off of several words ("person" of "contact
    /// person"): only then is a longer phrase looked up.
    static let phraseTail = WordClass(rawValue: 1 << 12)
}

/// Every word and phrase of the name model in one open-addressing table, keyed by a 64-bit
/// hash of the case-folded UTF-8 bytes (words are never compared: at a few thousand
/// entries a 64-bit collision is out of reach). One probe tells all classes of a word.
///
/// `@unchecked Sendable`: the slots and the bitmap are written once, in `init`, and only
/// read afterwards; `Storage` owns them and frees them with the last copy of the table.
struct WordTable: @unchecked Sendable {
    /// Owns the two buffers below (read through plain pointers: no bounds checks or
    /// reference counting per lookup).
    private final class Storage {
        let slots: UnsafeMutablePointer<UInt64>
        let present: UnsafeMutablePointer<UInt64>
        let slotCount: Int
        init(slotCount: Int) {
            self.slotCount = slotCount
            slots = .allocate(capacity: slotCount)
            slots.initialize(repeating: 0, count: slotCount)
            present = .allocate(capacity: WordTable.presentWords)
            present.initialize(repeating: 0, count: WordTable.presentWords)
        }
        deinit {
            slots.deallocate()
            present.deallocate()
        }
    }
    private let storage: Storage
    /// Slots of `hash with its low 16 bits replaced by the classes`, 0 when empty.
    private let slots: UnsafeMutablePointer<UInt64>
    private let mask: Int
    /// One bit per value of 16 hash bits: a clear bit proves a word absent without touching
    /// `slots` (8 KiB, stays in the first-level cache).
    private let present: UnsafeMutablePointer<UInt64>
    static let presentWords = 1024
    static let classBits: UInt64 = 0xFFFF

    init(_ entries: [(String, WordClass)]) {
        var merged: [UInt64: UInt32] = [:]
        for (word, cls) in entries {
            let bytes = Array(word.utf8)
            let h = bytes.withUnsafeBufferPointer { WordTable.hash($0.baseAddress!, 0, $0.count) } & ~WordTable.classBits
            merged[h, default: 0] |= cls.rawValue
        }
        var cap = 16
        while cap * 2 < merged.count * 3 { cap <<= 1 }
        storage = Storage(slotCount: cap)
        slots = storage.slots
        present = storage.present
        mask = cap - 1
        for (h, v) in merged {
            var i = Int(truncatingIfNeeded: h >> 16) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = h | UInt64(v)
            let bit = Int(truncatingIfNeeded: h >> 48)
            present[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// The classes of the folded bytes `p[from..<to]`; `readable` is how far `p` may be read
    /// (a short word is then loaded in one eight-byte read).
    @inline(__always)
    func lookup(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, readable: Int = 0) -> WordClass {
        // A short ASCII word (most capitalised words) is hashed here, in the caller; the
        // rest goes through `hash` out of line (same value either way).
        let n = to - from
        if n > 0 && n < 8 && from + 8 <= readable {
            let mask: UInt64 = (1 << UInt64(8 * n)) &- 1
            let x = UnsafeRawPointer(p + from).loadUnaligned(as: UInt64.self) & mask
            if x & 0x8080_8080_8080_8080 == 0 { return lookup(hash: WordTable.shortHash(x, n, mask)) }
        }
        return lookup(hash: WordTable.outOfLineHash(p, from, to))
    }

    @inline(never)
    static func outOfLineHash(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        hash(p, from, to)
    }

    /// `hash` of an ASCII word of `n` (1...7) bytes loaded into `x` (bytes past it cleared).
    @inline(__always)
    static func shortHash(_ x: UInt64, _ n: Int, _ mask: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325 ^ UInt64(n)
        h = (h ^ (x | (0x2020_2020_2020_2020 & mask))) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h & ~WordTable.classBits == 0 ? 1 << 16 : h
    }

    /// The bitmap test inline (most words stop there), the probe of the slots out of line.
    @inline(__always)
    func lookup(hash full: UInt64) -> WordClass {
        let h = full & ~WordTable.classBits
        let bit = Int(truncatingIfNeeded: h >> 48)
        guard present[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return [] }
        return probe(h)
    }

    @inline(never)
    private func probe(_ h: UInt64) -> WordClass {
        var i = Int(truncatingIfNeeded: h >> 16) & mask
        while true {
            let k = slots[i]
            if k & ~WordTable.classBits == h { return WordClass(rawValue: UInt32(k & WordTable.classBits)) }
            if k == 0 { return [] }
            i = (i + 1) & mask
        }
    }

    /// A 64-bit hash of the case-folded bytes, never 0 outside its low 16 bits.
    ///
    /// ASCII is folded by setting bit 5 of every byte (A-Z become a-z; letters, digits,
    /// space, `-`, `'` and `.` keep their value) and hashed eight bytes per multiply; a word
    /// with other bytes takes the per-byte path, which also folds two-byte capitals. Both
    /// the table and every lookup use this function, so only consistency matters.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, readable: Int = 0) -> UInt64 {
        let fold: UInt64 = 0x2020_2020_2020_2020
        var h: UInt64 = 0xcbf29ce484222325 ^ UInt64(to - from)
        let n = to - from
        if n > 0 && n < 8 && from + 8 <= readable {
            // One read, the bytes past the word masked off: the same value the tail loop builds.
            let mask: UInt64 = (1 << UInt64(8 * n)) &- 1
            let x = UnsafeRawPointer(p + from).loadUnaligned(as: UInt64.self) & mask
            if x & 0x8080_8080_8080_8080 == 0 { return shortHash(x, n, mask) }
        }
        var i = from
        var ascii = true
        while i + 8 <= to {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            if x & 0x8080_8080_8080_8080 != 0 { ascii = false; break }
            h = (h ^ (x | fold)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        if ascii {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            var k = i
            while k < to {
                let b = p[k]
                if b >= 0x80 { ascii = false; break }
                tail |= UInt64(b | 0x20) << shift
                shift += 8
                k += 1
            }
            if ascii {
                if k > i { h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15; h ^= h >> 29 }
                h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
                return h & ~WordTable.classBits == 0 ? 1 << 16 : h
            }
        }
        // Not ASCII: FNV-1a over every byte, two-byte capitals folded.
        h = 0x84222325cbf29ce4 ^ UInt64(to - from)
        i = from
        while i < to {
            let b = p[i]
            if b >= 0xC3 && i + 1 < to {
                let (l0, l1) = WordTable.foldPair(b, p[i + 1])
                h = (h ^ UInt64(l0)) &* 0x100000001b3
                h = (h ^ UInt64(l1)) &* 0x100000001b3
                i += 2
                continue
            }
            h = (h ^ UInt64(b < 0x80 ? b | 0x20 : b)) &* 0x100000001b3
            i += 1
        }
        return h & ~WordTable.classBits == 0 ? 1 << 16 : h
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
        if b &- 65 < 26 { return true }
        guard b >= 0xC3 && b <= 0xD0 && i + 1 < end else { return false }
        // Latin-1 (most accented letters in these languages) inline: À..Þ but not ×.
        if b == 0xC3 { let c = p[i + 1]; return c >= 0x80 && c <= 0x9E && c != 0x97 }
        return isCapitalPair(b, p[i + 1])
    }

    /// Whether a two-byte character is a capital (its folded form differs).
    @inline(never)
    static func isCapitalPair(_ b: UInt8, _ c: UInt8) -> Bool {
        foldPair(b, c) != (b, c)
    }
}
