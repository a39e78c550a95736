import CByteScan
import PatternCatalog

/// Finds person names in text by words, not by regular expression: every capitalised word
/// is looked up once in the model's `WordTable`; runs of name words (with particles and
/// initials between) are weighed by the evidence around them.
///
/// Immutable and shareable.
struct NameScanner: Sendable {
    let table: WordTable
    let scores: NameModel.Scores
    /// Suffixes of street and place words (`gatan`), folded, end to end in one buffer
    /// (`streetSuffixEnds[k]` ends the k-th).
    let streetSuffixBytes: [UInt8]
    let streetSuffixEnds: [Int]
    /// The ASCII last bytes of the suffixes (a 128-bit set): a word ending in another ASCII
    /// byte has none of them.
    let streetSuffixLast: (UInt64, UInt64)
    /// A cheap exact test before a word in small letters is looked up (only particles
    /// matter there): the folded ASCII first bytes and the byte lengths of the particles.
    let particleFirst: (UInt64, UInt64)
    let particleLengths: UInt64
    /// The same test for a word that ends in a dot before a name ("Dr. Anna"): the prefixes,
    /// sign-offs and phrase tails that end in `.`.
    let dottedFirst: (UInt64, UInt64)
    let dottedLengths: UInt64
    /// The longest of them in bytes (dot included), at most 9: a longer word before a dot is
    /// none of them.
    let dottedLimit: Int
    /// Longest label, prefix or sign-off phrase, in words.
    static let phraseWords = 4
    static let maxTokens = 6

    init(model: NameModel) {
        var entries: [(String, WordClass)] = []
        func add(_ words: [String], _ cls: WordClass) {
            for w in words {
                entries.append((w, cls))
                // Multi-word list entries (given names "Hans Peter", "María José", surnames
                // "van der Berg") also count word by word, as name words.
                if cls == .given || cls == .surname {
                    for part in w.split(separator: " ") where part.first?.isUppercase == true { entries.append((String(part), cls)) }
                    for part in w.split(separator: "-") where part.count > 1 { entries.append((String(part), cls)) }
                }
            }
        }
        add(model.givenNames, .given)
        add(model.surnames, .surname)
        add(model.particles, .particle)
        add(NameModel.all(model.notNames), .notName)
        add(model.streetWords, .street)
        add(model.orgSuffixes, .org)
        add(NameModel.all(model.labels), .label)
        add(NameModel.all(model.prefixes), .prefix)
        add(NameModel.all(model.signoffs), .signoff)
        add(NameModel.all(model.cv.titles), .cvTitle)
        add(NameModel.all(model.cv.letterTitles), .letterTitle)
        add(NameModel.all(model.cv.sections), .cvSection)
        var tails: [String] = []
        for phrase in NameModel.all(model.labels) + NameModel.all(model.prefixes) + NameModel.all(model.signoffs) {
            if let tail = phrase.split(separator: " ").last, tail.count < phrase.count {
                entries.append((String(tail), .phraseTail))
                tails.append(String(tail))
            }
        }
        table = WordTable(entries)
        (particleFirst, particleLengths) = NameScanner.firstBytesAndLengths(model.particles)
        let dotted = (NameModel.all(model.prefixes) + NameModel.all(model.signoffs) + tails).filter { $0.utf8.last == 46 }
        (dottedFirst, dottedLengths) = NameScanner.firstBytesAndLengths(dotted)
        dottedLimit = min(9, 63 - dottedLengths.leadingZeroBitCount)
        scores = model.scores
        let suffixes = model.streetSuffixes.map { Array($0.lowercased().utf8) }
        streetSuffixBytes = suffixes.flatMap { $0 }
        streetSuffixEnds = suffixes.reduce(into: []) { $0.append(($0.last ?? 0) + $1.count) }
        var last: (UInt64, UInt64) = (0, 0)
        for suffix in suffixes {
            // An empty suffix ends every word: every byte is then let through.
            guard let b = suffix.last else { last = (~0, ~0); continue }
            if b < 64 { last.0 |= 1 << UInt64(b) } else if b < 128 { last.1 |= 1 << UInt64(b - 64) }
        }
        streetSuffixLast = last
    }

    /// One word of a run.
    struct Token {
        var start: Int, end: Int
        var cls: WordClass
        /// A capital then small letters ("Ana", "McKay", "O'Brien", "Jean-Luc").
        var nameCase: Bool
        /// One capital and a dot ("J.").
        var initial: Bool
        var particle: Bool
        /// A hyphenated place name ("Saint-Rémy-de-Provence", "Konrad-Adenauer-Ring").
        var place: Bool
    }

    /// The words of the run being read: a fixed buffer of `maxTokens`, reused for every run
    /// (no allocation or reference counting per capitalised word).
    struct TokenRun {
        let storage: UnsafeMutablePointer<Token>
        var count = 0
        /// The run is written "SURNAME, Given".
        var surnameFirst = false

        init() {
            storage = .allocate(capacity: NameScanner.maxTokens)
        }

        func deallocate() { storage.deallocate() }

        var isEmpty: Bool { count == 0 }
        var last: Token? { count == 0 ? nil : storage[count - 1] }
        var buffer: UnsafeBufferPointer<Token> { UnsafeBufferPointer(start: storage, count: count) }

        subscript(_ i: Int) -> Token { storage[i] }

        mutating func append(_ t: Token) {
            precondition(count < NameScanner.maxTokens)
            (storage + count).initialize(to: t)
            count += 1
        }

        mutating func removeLast() { count -= 1 }
    }

    /// How a name was found (the CV classifier and tests read it).
    enum Evidence { case label, prefix, signoff, lists, email }

    /// A name found in a buffer.
    struct Found {
        var range: Range<Int>
        var confidence: Double
        var evidence: Evidence
    }

    /// Appends the names that start in `from..<to` of `p[0..<count]`.
    func scan(_ p: UnsafePointer<UInt8>, count: Int, from: Int, to: Int, tokens: inout TokenRun, into out: inout [Found]) {
        var i = from
        while i < to {
            if i + 17 <= count {
                // Sixteen bytes at a time: jump to the first byte that can start a capital
                // (A-Z, a Latin-1 capital, a lead of the other two-byte capitals).
                var flags = trawl_capital_starts16(p + i)
                if to - i < 16 { flags &= (1 << UInt32(to - i)) &- 1 }
                if flags == 0 { i += 16; continue }
                i += flags.trailingZeroBitCount
            }
            let b = p[i]
            // A capital starts with ASCII A-Z or a two-byte lead.
            if !((b &- 65) < 26 || (b >= 0xC3 && b <= 0xD0)) { i += 1; continue }
            if !WordTable.isCapital(p, i, count) { i = nextCharacter(p, i, count); continue }
            if !boundaryBefore(p, i) {
                // A capital inside a word ("McKay", "HTTP", "0xA3F"): the rest of the word is no start.
                var hyphen = false
                i = max(wordEnd(p, i, count, hyphen: &hyphen), i + 1)
                continue
            }
            // A capital glued to a digit ("A4", "D37") is part of a code: `run` would stop
            // at once, after this one letter.
            if (b &- 65) < 26 && i + 1 < count && (p[i + 1] &- 48) < 10 { i += 1; continue }
            var first = FirstWord(end: 0, hyphen: false, cls: nil)
            if let end = loneWordEnd(p, count: count, at: i, first: &first) {
                i = end
                continue
            }
            let next = run(p, count: count, at: i, limit: to, first: first, tokens: &tokens, into: &out)
            i = max(next, i + 1)
        }
    }

    /// The commonest capitalised word, settled without reading a run: a word that `run`
    /// would refuse on its own, whatever follows (glued to an address or a number; a common
    /// word that is no name word; a word in capitals no list holds), or a word no list
    /// holds, followed by a word in small letters that is no particle (or by no word), with
    /// no label, salutation or sign-off before it.
    /// Returns where scanning goes on (the word's end, as `run` would), or nil to read the
    /// run. `i` is a capital at a word boundary.
    /// When it returns nil, `first` holds what was read of the first word, for `run`.
    /// (`@_transparent`: marked `@inline(__always)`, it stayed a call per capitalised word.)
    @_transparent
    func loneWordEnd(_ p: UnsafePointer<UInt8>, count: Int, at i: Int, first: inout FirstWord) -> Int? {
        var hyphen = false
        let end = shortWordEnd(p, i, count) ?? wordEnd(p, i, count, hyphen: &hyphen)
        first = FirstWord(end: end, hyphen: hyphen, cls: nil)
        guard end > i, !hyphen else { return nil }
        // The word ends nothing but an address or code; or it is an initial ("J.").
        if gluedToCode(p, i, end, count, capital: true) { return end }
        if end < count && p[end] == 46 && end - i == 1 { return nil }
        let cls = table.lookup(p, i, end, readable: count)
        first.cls = cls
        if cls.contains(.notName) && cls.isDisjoint(with: [.given, .surname]) { return end }
        guard cls.isEmpty else { return nil }
        if !hasSmallLetter(p, i, end) { return end }     // a word in capitals no list holds
        if end + 1 < count && p[end] == 32 {
            // After one space the run may go on: only a word in small letters that is no
            // particle, or no word, leaves this word alone.
            let n = p[end + 1]
            if isLetterStart(n) {
                guard (n &- 97) < 26 else { return nil }
                if NameScanner.mayBe(n, 1, first: particleFirst, lengths: ~0) {
                    var nextHyphen = false
                    let nextEnd = shortWordEnd(p, end + 1, count) ?? wordEnd(p, end + 1, count, hyphen: &nextHyphen)
                    if mayBeParticle(n, nextEnd - end - 1) && table.lookup(p, end + 1, nextEnd, readable: count).contains(.particle) {
                        return nil
                    }
                }
            }
        }
        return mayHaveContext(p, i, count) ? nil : end
    }

    /// Whether the word `p[i..<end]` is glued to '@', '_', '/', '=', '+', a digit, or a dot
    /// and a letter ('.x'): part of an address or code. A capital alone before a dot is an
    /// initial ("J.Smith" aside), not glue.
    @inline(__always)
    func gluedToCode(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int, _ count: Int, capital: Bool) -> Bool {
        guard end < count else { return false }
        let c = p[end]
        if c == 64 || c == 95 || c == 47 || c == 61 || c == 43 || (c &- 48) < 10 { return true }
        return c == 46 && end + 1 < count && isLetterStart(p[end + 1]) && !(end - i == 1 && capital)
    }

    /// The first word of a run as `loneWordEnd` read it: its end, whether it holds a hyphen,
    /// and its classes when they were looked up (a capitalised word, not an initial).
    struct FirstWord {
        var end: Int
        var hyphen: Bool
        var cls: WordClass?
    }

    /// Whether a word may start at `i`: the byte before is not part of a word, an address,
    /// a path or a number.
    @inline(__always)
    func boundaryBefore(_ p: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        if i == 0 { return true }
        let c = p[i - 1]
        switch c {
        case 32, 9, 10, 13, 40, 34, 39, 62, 91, 123, 44, 59, 58, 124, 42: // space \t \n \r ( " ' > [ { , ; : | *
            return true
        case 0xA0:   // no-break space, or the end of a letter (Latin-1 à is C3 A0)
            return i >= 2 && p[i - 2] == 0xC2
        case 0x9C, 0x98:   // “ ‘
            return i >= 3 && p[i - 3] == 0xE2 && p[i - 2] == 0x80
        case 0xAB:   // «
            return i >= 2 && p[i - 2] == 0xC2
        default:
            return false
        }
    }

    @inline(__always)
    func nextCharacter(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Int {
        var j = i + 1
        while j < count && p[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }

    /// Reads one word starting at `i` (letters, inner apostrophes and hyphens); returns its
    /// end, or `i` when no letter starts there.
    @inline(__always)
    func wordEnd(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int, hyphen: inout Bool) -> Int {
        var j = i
        // ASCII letters eight at a time: stop at the first byte that is not one.
        while j + 8 <= count {
            let x = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)
            // Bit 5 set folds A-Z onto a-z; bytes with the high bit stay out.
            let letters = ByteLanes.between(x | (ByteLanes.ones &* 0x20), 0x60, 0x7B)
            if letters == ByteLanes.high { j += 8; continue }
            j += (~letters & ByteLanes.high).trailingZeroBitCount >> 3
            break
        }
        while j < count {
            let b = p[j]
            if (b &- 97) < 26 || (b &- 65) < 26 {
                j += 1
            } else if b >= 0xC3 && b <= 0xD4 {
                j = nextCharacter(p, j, count)
            } else if (b == 39 || b == 45) && j > i && j + 1 < count && isLetterStart(p[j + 1]) {
                if b == 45 { hyphen = true }
                j += 1    // O'Brien, Jean-Luc
            } else if b == 0xE2 && j > i && j + 3 < count && p[j + 1] == 0x80 && p[j + 2] == 0x99 && isLetterStart(p[j + 3]) {
                j += 3    // O’Brien
            } else {
                break
            }
        }
        return j
    }

    /// `wordEnd` of an ASCII word shorter than eight bytes, without its loop: nil when the
    /// word is longer, holds other bytes, or ends at a byte `wordEnd` might read past (a
    /// hyphen, an apostrophe, a two-byte letter).
    @inline(__always)
    func shortWordEnd(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Int? {
        guard i + 8 <= count else { return nil }
        let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        let letters = ByteLanes.between(x | (ByteLanes.ones &* 0x20), 0x60, 0x7B)
        let others = ~letters & ByteLanes.high
        guard others != 0 else { return nil }
        let end = i + others.trailingZeroBitCount >> 3
        let b = p[end]
        guard end > i, b != 45, b != 39, b != 0xE2, !(b >= 0xC3 && b <= 0xD4) else { return nil }
        return end
    }

    /// The folded ASCII first bytes (a 128-bit set) and the byte lengths (a 64-bit set) of
    /// `words`, for `mayBe`.
    static func firstBytesAndLengths(_ words: [String]) -> ((UInt64, UInt64), UInt64) {
        var first: (UInt64, UInt64) = (0, 0), lengths: UInt64 = 0
        for w in words {
            let bytes = Array(w.utf8)
            guard let b = bytes.first else { continue }
            lengths |= bytes.count < 64 ? 1 << UInt64(bytes.count) : 0
            if b < 0x80 {
                let f = b | 0x20
                if f < 64 { first.0 |= 1 << UInt64(f) } else { first.1 |= 1 << UInt64(f - 64) }
            }
        }
        return (first, lengths)
    }

    /// False when a word of `length` bytes starting with `b` is certainly none of the words
    /// summarised by `first` and `lengths` (a non-ASCII first byte always may be).
    @inline(__always)
    static func mayBe(_ b: UInt8, _ length: Int, first: (UInt64, UInt64), lengths: UInt64) -> Bool {
        guard length < 64, lengths & (1 << UInt64(length)) != 0 else { return false }
        guard b < 0x80 else { return true }
        let f = b | 0x20
        return f < 64 ? first.0 & (1 << UInt64(f)) != 0 : first.1 & (1 << UInt64(f - 64)) != 0
    }

    /// False when a word of `length` bytes starting with `b` is certainly no particle.
    @inline(__always)
    func mayBeParticle(_ b: UInt8, _ length: Int) -> Bool {
        NameScanner.mayBe(b, length, first: particleFirst, lengths: particleLengths)
    }

    @inline(__always)
    func isLetterStart(_ b: UInt8) -> Bool { (b &- 97) < 26 || (b &- 65) < 26 || (b >= 0xC3 && b <= 0xD4) }

    /// Reads the run of name words at `i` and records it when the evidence suffices.
    /// Returns where scanning goes on.
    /// With `assumeContext` the run counts as labelled (the top line of a CV).
    func run(_ p: UnsafePointer<UInt8>, count: Int, at start: Int, limit: Int, assumeContext: Bool = false,
             first: FirstWord? = nil, tokens: inout TokenRun, into out: inout [Found]) -> Int {
        var known = first    // the first word, already read by `loneWordEnd`
        tokens.count = 0
        tokens.surnameFirst = false
        var i = start
        var stoppedByWord = false    // the run ended at a capitalised word that is not a name word
        var stoppedByOrg = false
        var stoppedBySymbol = false  // an address, path or number is glued to the last word
        var firstEnd = 0             // where the first word ends
        while tokens.count < NameScanner.maxTokens {
            guard i < count, isLetterStart(p[i]) else { break }
            var hyphen = false
            let end: Int
            let knownClass: WordClass?
            if let k = known {
                end = k.end
                hyphen = k.hyphen
                knownClass = k.cls
                known = nil
            } else {
                end = wordEnd(p, i, count, hyphen: &hyphen)
                knownClass = nil
            }
            guard end > i else { break }
            if tokens.isEmpty && firstEnd == 0 { firstEnd = end }
            let capital = WordTable.isCapital(p, i, count)
            if gluedToCode(p, i, end, count, capital: capital) {
                stoppedBySymbol = true
                break
            }
            let initial = capital && end - i == 1 && end < count && p[end] == 46
            // A word in small letters matters only as a particle: most are ruled out unread.
            var cls: WordClass = initial ? table.lookup(p, i, end + 1)     // "C." (calle) is a street word
                : knownClass ?? (capital || mayBeParticle(p[i], end - i) ? table.lookup(p, i, end, readable: count) : [])
            let particle = !capital && cls.contains(.particle)
            if !capital && !particle { break }
            if capital && !initial {
                let hyphenParts = hyphen && cls.isDisjoint(with: [.given, .surname]) ? partsClass(p, i, end) : []
                cls.formUnion(hyphenParts)
                if cls.contains(.org) && !tokens.isEmpty { stoppedByOrg = true; break }
                if cls.contains(.notName) && cls.isDisjoint(with: [.given, .surname]) { stoppedByWord = true; break }
                if cls.contains(.notName) && tokens.isEmpty && !cls.contains(.given) { stoppedByWord = true; break }
            }
            let nameCase = capital && !initial && hasSmallLetter(p, i, end)
            if capital && !initial && !nameCase && cls.isDisjoint(with: [.given, .surname]) { break }  // ALL-CAPS word
            tokens.append(Token(start: i, end: end, cls: cls, nameCase: nameCase, initial: initial, particle: particle,
                                place: capital && hyphen && isPlace(p, i, end)))
            // Between words: one space (after an initial's dot, one space too).
            var j = initial ? end + 1 : end
            if !initial && j < count && p[j] == 46, cls.contains(.prefix) { j += 1 }   // "Dr." "Mr."
            // "COSTA, Ana": a surname in capitals, a comma, then the given names.
            if tokens.count == 1 && !nameCase && !initial && cls.contains(.surname) && j + 2 < count && p[j] == 44 && p[j + 1] == 32 {
                j += 1
                tokens.surnameFirst = true
            }
            // The first word, then a word in small letters that no particle starts: the run
            // is this word alone (or none), so the checks that refuse a lone word are made
            // now, before that word is read (see the same checks after the loop).
            if tokens.count == 1 && !initial && !assumeContext && !tokens.surnameFirst && j + 1 < count && p[j] == 32
                && (p[j + 1] &- 97) < 26 && !NameScanner.mayBe(p[j + 1], 1, first: particleFirst, lengths: ~0) {
                let t = tokens[0]
                if t.cls.contains(.notName) || !t.nameCase || t.place { return t.end }
                if !t.cls.contains(.given) && !mayHaveContext(p, t.start, count) { return t.end }
            }
            guard j + 1 < count, p[j] == 32 else { break }
            j += 1
            i = j
        }
        // Particles and initials may not end a run; honorific prefixes at its start are
        // evidence, not part of the name; a particle before a known given name ends another
        // noun ("Kontaktdaten von Hannes", "Recapiti di Olga").
        while let last = tokens.last, last.particle || last.initial { tokens.removeLast() }
        // Nothing taken: go on after the first word (its other capitals start nothing).
        guard !tokens.isEmpty else { return max(start + 1, firstEnd) }
        let resume = tokens[tokens.count - 1].end
        guard !stoppedByOrg, !stoppedBySymbol else { return resume }
        // One word, the common case (a sentence's first word): the checks of `evaluate` that
        // can only refuse it, cheapest first. A word that passes them all is weighed below.
        if tokens.count == 1 && !assumeContext && !tokens.surnameFirst {
            let t = tokens[0]
            if stoppedByWord || t.cls.contains(.notName) || !t.nameCase || t.place { return resume }
            if !t.cls.contains(.given) && !mayHaveContext(p, t.start, count) { return resume }
        }
        var lead = 0
        while lead < tokens.count - 1, tokens[lead].cls.contains(.prefix), !tokens[lead].cls.contains(.given) { lead += 1 }
        let honorific = lead > 0
        // After a label or salutation the whole run is the name ("Nome: Okonkwo da Silva").
        if !honorific && !assumeContext, let g = tokens.buffer.firstIndex(where: { $0.cls.contains(.given) }), g > 1,
           tokens[g - 1].particle, !tokens[0].cls.contains(.given), contextBefore(p, tokens[0].start, count) == nil {
            lead = g
        }
        while lead < tokens.count, tokens[lead].particle || tokens[lead].initial && lead == tokens.count - 1 { lead += 1 }
        guard lead < tokens.count else { return resume }
        if tokens.surnameFirst {
            // "COSTA, Ana Maria": the words after the comma must be known given names.
            let afterComma = tokens.buffer.dropFirst()
            guard !afterComma.isEmpty, afterComma.allSatisfy({ $0.cls.contains(.given) && $0.nameCase }) else {
                return tokens[0].end
            }
            guard tokens[0].start < limit else { return resume }
            out.append(Found(range: tokens[0].start..<tokens[tokens.count - 1].end, confidence: scores.givenAndSurname, evidence: .lists))
            return resume
        }
        // A sentence may start with another capitalised word ("Later Laura sent ..."): when
        // the run as a whole is no name, try it again without that word.
        while true {
            let found = evaluate(p, count, tokens: tokens.buffer, lead: lead, limit: limit, honorific: honorific,
                                 assumeContext: assumeContext, stoppedByWord: stoppedByWord, afterSentenceWord: lead > 0 && !honorific)
            if let found {
                out.append(found)
                return resume
            }
            // Only a known common word is dropped ("Later"): an unknown one may be a first
            // name no list holds ("Măriuca Stan").
            guard !honorific, lead == 0, tokens.count > 1, tokens[0].cls.contains(.notName),
                  tokens[0].cls.isDisjoint(with: [.given, .surname]), !tokens[1].particle,
                  sentenceStart(p, tokens[0].start) else { return resume }
            lead = 1
        }
    }

    /// `mayFollowContext(p, i) && contextBefore(p, i, count) != nil`, with the commonest case
    /// inline: a sentence's end (`. ` and spaces) after a word longer than any dotted
    /// salutation, which both would pass over (the first says yes to any dot, the second
    /// refuses such a word).
    @inline(__always)
    func mayHaveContext(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Bool {
        var j = i - 1
        while j >= 0 && p[j] == 32 { j -= 1 }
        if j >= 1 && p[j] == 46 && abbreviationStart(p, dot: j) == nil { return false }
        return mayFollowContext(p, i) && contextBefore(p, i, count) != nil
    }

    /// Where the word before the dot at `dot` starts (its letters and inner dots: "Dr",
    /// "Sra", "dott"), when it is short enough to be a dotted salutation or honorific
    /// (`dottedLimit` bytes with the dot); nil when it is longer or no letter stands before.
    @inline(__always)
    func abbreviationStart(_ p: UnsafePointer<UInt8>, dot j: Int) -> Int? {
        guard j >= 1, isLetterStart(p[j - 1]) || p[j - 1] & 0xC0 == 0x80 else { return nil }
        var k = j - 1
        while k >= 0 && j - k <= dottedLimit && (isLetterStart(p[k]) || p[k] & 0xC0 == 0x80 || p[k] == 46) { k -= 1 }
        return j - k > dottedLimit ? nil : k + 1
    }

    /// Whether a label, salutation or sign-off could stand before `i`: a line start, a `:`
    /// or `=` (quotes, stars and spaces skipped), a capitalised word or an abbreviation
    /// (salutations and honorifics: `Dear`, `Hej`, `Frau`, `Sr.`, `dott.`), or a small word
    /// after a capitalised first word of the line (`Geachte mevrouw`).
    func mayFollowContext(_ p: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, p[j] == 32 || p[j] == 9 || p[j] == 34 || p[j] == 39 || p[j] == 42 || p[j] == 62 { j -= 1 }
        if j < 0 || p[j] == 10 || p[j] == 58 || p[j] == 61 || p[j] == 46 { return true }
        var s = j
        while s > 0 && (isLetterStart(p[s - 1]) || p[s - 1] & 0xC0 == 0x80) { s -= 1 }
        guard s <= j else { return false }
        if WordTable.isCapital(p, s, j + 1) { return true }
        // One word further back: a capitalised word that starts the line.
        guard s >= 2, p[s - 1] == 32 else { return false }
        var t = s - 2
        while t > 0 && (isLetterStart(p[t - 1]) || p[t - 1] & 0xC0 == 0x80) { t -= 1 }
        return t < s - 1 && (t == 0 || p[t - 1] == 10) && WordTable.isCapital(p, t, s - 1)
    }

    /// Whether `i` starts a sentence: the text before it (spaces skipped) is a line start or
    /// ends in `.`, `!`, `?`, `-`, `*` or `>`.
    func sentenceStart(_ p: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0 && (p[j] == 32 || p[j] == 9) { j -= 1 }
        if j < 0 { return true }
        switch p[j] { case 10, 13, 46, 33, 63, 45, 42, 62: return true; default: return false }
    }

    /// Weighs the run `tokens[lead...]`; returns the name when the evidence suffices.
    func evaluate(_ p: UnsafePointer<UInt8>, _ count: Int, tokens: UnsafeBufferPointer<Token>, lead: Int, limit: Int, honorific: Bool,
                  assumeContext: Bool, stoppedByWord: Bool, afterSentenceWord: Bool) -> Found? {
        let first = tokens[lead], last = tokens[tokens.count - 1]
        guard first.start < limit else { return nil }
        var wordCount = 0
        var laterSurname = false, laterAllNameCase = true
        for k in lead..<tokens.count where !tokens[k].particle {
            wordCount += 1
            if k > lead {
                if tokens[k].cls.contains(.surname) { laterSurname = true }
                if !(tokens[k].nameCase || tokens[k].initial) { laterAllNameCase = false }
            }
        }
        // A given name that is also a common word ("Tage", "Frans", "May") counts as one only
        // next to a known surname.
        let given = first.cls.contains(.given) && (!first.cls.contains(.notName) || laterSurname)
        let afterNumber = precededByNumber(p, tokens[0].start)
        // One word: a given name alone, or any name word after a salutation or label; never
        // the head of a longer capitalised phrase, a number's unit or a place. These cheap
        // checks come first: most capitalised words end here.
        if wordCount == 1 && (stoppedByWord || afterNumber || first.cls.contains(.notName) || !first.nameCase || first.place) { return nil }
        var context: Evidence? = honorific ? .prefix : (assumeContext ? .label : nil)
        // An unknown lone word is a name only after a label, salutation or sign-off; most
        // capitalised words in prose are not even placed where one could stand.
        if wordCount == 1 && !given && context == nil && !mayFollowContext(p, first.start) { return nil }
        if context == nil { context = contextBefore(p, first.start, count) }
        if wordCount == 1 && context == nil && !given { return nil }
        // Street names: after a street word, or ending in a street type ("Kirsty Common",
        // "5 Joanna Hill"); organisations: before a legal form.
        if precedingWord(p, tokens[0].start, count).contains(.street) || followedByOrgOrStreet(p, last.end, count) { return nil }
        if lead > 0 && tokens[..<lead].contains(where: { $0.cls.contains(.street) }) { return nil }
        if wordCount >= 2 && last.cls.contains(.street) && (afterNumber || !last.cls.contains(.surname)) { return nil }
        for k in lead..<tokens.count where !tokens[k].particle && tokens[k].cls.isDisjoint(with: [.given, .surname]) {
            if hasStreetSuffix(p, tokens[k].start, tokens[k].end) { return nil }   // "Vermeerstraat"
        }

        let confidence: Double
        var evidence: Evidence = context ?? .lists
        if wordCount >= 2 {
            if given && laterSurname {
                confidence = scores.givenAndSurname
            } else if context != nil {
                confidence = scores.context
            } else if given && laterAllNameCase {
                confidence = scores.givenAndOther
            } else if emailAgrees(p, count, tokens: tokens[lead...], from: last.end) {
                confidence = scores.context
                evidence = .email
            } else {
                return nil
            }
        } else if context != nil {
            confidence = scores.singleGivenContext
        } else if afterSentenceWord || !precededByCapitalWord(p, first.start) {
            confidence = scores.singleGiven
        } else {
            return nil
        }
        var score = confidence
        if evidence != .email && emailAgrees(p, count, tokens: tokens[lead...], from: last.end) { score = min(1, score + scores.emailAgrees) }
        return Found(range: first.start..<last.end, confidence: score, evidence: evidence)
    }

    /// Whether the word before `i` (one space back, maybe after a comma) is a number.
    func precededByNumber(_ p: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        guard i >= 2, p[i - 1] == 32 else { return false }
        var j = i - 2
        if p[j] == 44, j > 0 { j -= 1 }
        return (p[j] &- 48) < 10
    }

    /// Whether the word after `end` (one space on) makes the run an organisation or a place:
    /// a legal form read with its dots ("S.r.l.", "S.A.", "GmbH,"), any short capitalised
    /// abbreviation with two dots or more ("S.r.l.s."), or a street word ("Olof Palmes gata").
    func followedByOrgOrStreet(_ p: UnsafePointer<UInt8>, _ end: Int, _ count: Int) -> Bool {
        var s = end
        let comma = s < count && p[s] == 44        // "Costa, Lda": only short legal forms after a comma
        if s < count && (p[s] == 44 || p[s] == 46) { s += 1 }
        guard s + 1 < count, p[s] == 32 else { return false }
        s += 1
        var e = s
        var dots = 0
        while e < count && e - s < 16, p[e] != 32 && p[e] != 10 && p[e] != 44 && p[e] != 59 && p[e] != 41 && p[e] != 60 && p[e] != 13 {
            if p[e] == 46 { dots += 1 }
            e += 1
        }
        guard e > s else { return false }
        let cls = table.lookup(p, s, e).union(p[e - 1] == 46 ? table.lookup(p, s, e - 1) : [])
        if !comma && cls.contains(.street) { return true }
        guard !comma || e - s <= 5 || dots >= 2 else { return false }
        if cls.contains(.org) { return true }
        return dots >= 2 && e - s <= 9 && (p[s] &- 65) < 26
    }

    /// Whether a hyphenated word is a place: a part in small letters ("Aix-en-Provence") or a
    /// part that is a street or place word ("Saint-Étienne", "Konrad-Adenauer-Ring").
    func isPlace(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var s = from
        var j = from
        var hyphens = 0
        while j <= to {
            if j == to || p[j] == 45 {
                if j < to { hyphens += 1 }
                if hyphens > 0 && j > s {
                    if (p[s] &- 97) < 26 { return true }
                    if table.lookup(p, s, j).contains(.street) { return true }
                }
                s = j + 1
            }
            j += 1
        }
        return false
    }

    /// Classes of the parts of a hyphenated word ("Hans-Peter" is a given name if "Hans" is).
    func partsClass(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> WordClass {
        var cls: WordClass = []
        var s = from
        var j = from
        var found = false
        while j <= to {
            if j == to || p[j] == 45 {
                if j > s && (s != from || j != to) {
                    let c = table.lookup(p, s, j).intersection([.given, .surname])
                    cls.formUnion(c)
                    found = true
                }
                s = j + 1
            }
            j += 1
        }
        return found ? cls : []
    }

    /// Whether a letter after the first is small: the second byte inline (most words), the
    /// rest out of line.
    @inline(__always)
    func hasSmallLetter(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        if from + 1 < to && (p[from + 1] &- 97) < 26 { return true }
        return hasSmallLetterAfter(p, from, to)
    }

    @inline(never)
    func hasSmallLetterAfter(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var j = from + 1
        while j < to {
            let b = p[j]
            if (b &- 97) < 26 { return true }
            if b >= 0xC3 && b <= 0xD4 && j + 1 < to {
                if WordTable.foldPair(b, p[j + 1]) == (b, p[j + 1]) && !(b == 0xC3 && p[j + 1] == 0x97) { return true }
                j += 2
                continue
            }
            j += 1
        }
        return false
    }

    /// Whether the word `p[from..<to]` ends in a street suffix and is longer than it. The last
    /// byte is compared first: most suffixes are ruled out by it.
    func hasStreetSuffix(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard to > from else { return false }
        @inline(__always) func folded(_ b: UInt8) -> UInt8 { b | (b < 0x80 ? 0x20 : 0) }
        let last = folded(p[to - 1])
        if last < 64 && streetSuffixLast.0 & (1 << UInt64(last)) == 0 { return false }
        if last >= 64 && last < 128 && streetSuffixLast.1 & (1 << UInt64(last - 64)) == 0 { return false }
        return streetSuffixBytes.withUnsafeBufferPointer { bytes in
            streetSuffixEnds.withUnsafeBufferPointer { ends in
                var start = 0
                for end in ends {
                    defer { start = end }
                    let n = end - start
                    guard to - from > n else { continue }
                    if n == 0 { return true }
                    guard bytes[end - 1] == last else { continue }
                    var k = 0
                    while k < n - 1 && folded(p[to - n + k]) == bytes[start + k] { k += 1 }
                    if k == n - 1 { return true }
                }
                return false
            }
        }
    }

    /// Whether the word before `i` (one space back) is a capitalised word other than a common
    /// one ("Later"): then a lone given name is the tail of a longer proper noun.
    func precededByCapitalWord(_ p: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        guard i >= 2, p[i - 1] == 32 else { return false }
        var j = i - 2
        while j > 0 && (isLetterStart(p[j]) || p[j] & 0xC0 == 0x80) { j -= 1 }
        let s = isLetterStart(p[j]) ? j : j + 1
        guard s < i - 1 else { return false }
        return WordTable.isCapital(p, s, i) && !table.lookup(p, s, i - 1).contains(.notName)
    }

    /// The classes of the word just before `i` (one space back), if any.
    /// Particles are skipped ("avenue de Pascal").
    func precedingWord(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> WordClass {
        var i = i
        for _ in 0..<3 {
            guard i >= 2, p[i - 1] == 32 else { return [] }
            var j = i - 2
            while j > 0 && (isLetterStart(p[j]) || p[j] & 0xC0 == 0x80 || p[j] == 46 || p[j] == 47) { j -= 1 }
            let s = (isLetterStart(p[j]) || p[j] & 0xC0 == 0x80) ? j : j + 1
            guard s < i - 1 else { return [] }
            let cls = table.lookup(p, s, i - 1)
            if cls.contains(.particle) && !WordTable.isCapital(p, s, i) { i = s; continue }
            return cls
        }
        return []
    }

    /// Evidence before a run: a label and ':' ("Nome: "), a salutation or honorific
    /// ("Dear "), or a sign-off on the line before ("Kind regards,").
    func contextBefore(_ p: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> Evidence? {
        var j = start - 1
        // Quotes, stars, brackets and tags between the label and the name.
        while j >= 0 {
            let b = p[j]
            if b == 32 || b == 9 || b == 34 || b == 39 || b == 42 || b == 40 { j -= 1; continue }
            if b == 62, let open = tagStart(p, j) { j = open - 1; continue }
            if b == 0x9C || b == 0xAB || b == 0xA0, j >= 1, p[j - 1] == 0x80 || p[j - 1] == 0xC2 {
                j -= (p[j - 1] == 0xC2 ? 2 : 3); continue
            }
            break
        }
        if j < 0 || p[j] == 10 {
            return signoffBefore(p, j) ? .signoff : nil
        }
        var dottedWordStart: Int? = nil
        if p[j] == 46 || p[j] == 33 || p[j] == 63 {
            // A sentence end is no label; only a short abbreviation ("Dr.", "Sra.") may be.
            guard p[j] == 46, let start = abbreviationStart(p, dot: j) else { return nil }
            // The word's letters and dots are read: the phrase below goes on from there.
            dottedWordStart = start
        }
        var colon = false
        if p[j] == 58 || p[j] == 61 {
            colon = true
            j -= 1
            while j >= 0, p[j] == 32 || p[j] == 34 || p[j] == 39 || p[j] == 42 { j -= 1 }
            if j >= 0, p[j] == 62, let open = tagStart(p, j) { j = open - 1 }
        }
        guard j >= 0 else { return nil }
        // Up to four words back, each tried as a phrase ending at j.
        let end = j + 1
        var s = dottedWordStart ?? j
        var words = 0
        while words < NameScanner.phraseWords {
            while s > 0 && (isLetterStart(p[s - 1]) || p[s - 1] & 0xC0 == 0x80 || p[s - 1] == 45 || p[s - 1] == 46) { s -= 1 }
            if !(isLetterStart(p[s]) || p[s] & 0xC0 == 0x80) { break }
            // A word ending in a dot (a sentence's end, mostly) is evidence only as one of the
            // few abbreviated salutations and honorifics ("Dr.", "Sra."): most are ruled out unread.
            if words == 0 && !colon && p[end - 1] == 46
                && !NameScanner.mayBe(p[s], end - s, first: dottedFirst, lengths: dottedLengths) { return nil }
            let cls = table.lookup(p, s, end)
            if colon && !cls.isDisjoint(with: [.label, .prefix]) { return .label }
            if !colon && !cls.isDisjoint(with: [.prefix, .signoff]) && (s == 0 || !isLetterStart(p[s - 1])) { return .prefix }
            if words == 0 && !cls.contains(.phraseTail) { return nil }
            words += 1
            guard s >= 2, p[s - 1] == 32, isLetterStart(p[s - 2]) || p[s - 2] & 0xC0 == 0x80 || p[s - 2] == 46 else { break }
            s -= 2
        }
        return nil
    }

    /// The `<` of a tag ending at `j` (at most 40 bytes back), if there is one.
    func tagStart(_ p: UnsafePointer<UInt8>, _ j: Int) -> Int? {
        var k = j - 1
        while k >= 0 && j - k < 40 {
            if p[k] == 60 { return k }
            if p[k] == 62 || p[k] == 10 { return nil }
            k -= 1
        }
        return nil
    }

    /// Whether the last non-blank line before the newline at `nl` is a sign-off.
    func signoffBefore(_ p: UnsafePointer<UInt8>, _ nl: Int) -> Bool {
        var e = nl
        // Skip at most one blank line.
        var blanks = 0
        while e >= 0 {
            // No newline in the 49 bytes before `e`: the line is too long (the loop below
            // would say so after 49 steps; eight bytes at a time here).
            if e >= 49 && !NameScanner.hasNewline(p, from: e - 49, to: e) { return false }
            var s = e - 1
            while s >= 0 && p[s] != 10 {
                if e - s > 48 { return false }    // a line this long is no sign-off
                s -= 1
            }
            var a = s + 1, z = e
            while a < z && (p[a] == 32 || p[a] == 9 || p[a] == 62) { a += 1 }
            while z > a && (p[z - 1] == 32 || p[z - 1] == 44 || p[z - 1] == 33 || p[z - 1] == 46 || p[z - 1] == 13 || p[z - 1] == 45) { z -= 1 }
            if a == z {
                blanks += 1
                if blanks > 1 || s < 0 { return false }
                e = s
                continue
            }
            return z - a <= 40 && table.lookup(p, a, z).contains(.signoff)
        }
        return false
    }

    /// The first `@` or newline in `p[from..<to]`, or `to` (eight bytes at a time: the
    /// zero-byte test of Bit Twiddling Hacks, whose lowest flagged byte is always a true one).
    static func firstAtOrNewline(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        while i + 8 <= to {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let a = x ^ 0x4040_4040_4040_4040, n = x ^ 0x0A0A_0A0A_0A0A_0A0A
            let z = ((a &- ByteLanes.ones) & ~a | (n &- ByteLanes.ones) & ~n) & ByteLanes.high
            if z != 0 { return i + z.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < to && p[i] != 64 && p[i] != 10 { i += 1 }
        return i
    }

    /// Whether `p[from..<to]` holds a newline (eight bytes at a time: the zero-byte test of
    /// Bit Twiddling Hacks on `x ^ 0x0a0a...`, exact as a test for any).
    static func hasNewline(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        var i = from
        while i + 8 <= to {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            if (x &- ByteLanes.ones) & ~x & ByteLanes.high != 0 { return true }
            i += 8
        }
        while i < to {
            if p[i] == 10 { return true }
            i += 1
        }
        return false
    }

    /// Whether an e-mail address within 80 bytes after the name, on the same line, has a
    /// local part containing one of the name's words (accents folded to ASCII).
    func emailAgrees(_ p: UnsafePointer<UInt8>, _ count: Int, tokens words: Slice<UnsafeBufferPointer<Token>>, from: Int) -> Bool {
        let end = min(count, from + 80)
        let at = NameScanner.firstAtOrNewline(p, from: from, to: end)
        guard at < end, p[at] == 64 else { return false }
        var s = at - 1
        while s > from && p[s - 1] != 32 && p[s - 1] != 60 && p[s - 1] != 58 && p[s - 1] != 44 && p[s - 1] != 59 && p[s - 1] != 34 && p[s - 1] != 40 && p[s - 1] != 61 { s -= 1 }
        guard at - s >= 3 else { return false }
        // The local part's letters, folded, and each name word's: on the stack (this runs for
        // most names found, so no array is allocated).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: at - s) { localBuffer in
            var n = 0
            for k in s..<at {
                let b = p[k]
                if (b &- 65) < 26 { localBuffer[n] = b | 0x20; n += 1 } else if (b &- 97) < 26 { localBuffer[n] = b; n += 1 }
            }
            let local = UnsafeBufferPointer(rebasing: localBuffer[..<n])
            for w in words where !w.particle && !w.initial {
                // Each two-byte letter folds to at most three ASCII letters.
                let agrees = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * (w.end - w.start) + 4) { folded -> Bool in
                    let (length, exact) = NameScanner.asciiFold(p, w.start, w.end, into: folded)
                    // Transliterations vary ("Шилов" shilov / schilow): compare their start only.
                    let needle = UnsafeBufferPointer(rebasing: folded[..<(exact ? length : min(4, length))])
                    return needle.count >= 3 && NameScanner.contains(local, needle)
                }
                if agrees { return true }
            }
            return false
        }
    }

    /// Lowercase ASCII letters of a word: accents dropped (é -> e, č -> c), Greek and
    /// Cyrillic transliterated; `exact` is false when a transliteration was needed. Writes
    /// them to `out` (room for two bytes per byte of the word) and returns their count.
    static func asciiFold(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> (Int, exact: Bool) {
        var n = 0
        var exact = true
        var i = from
        while i < to {
            let b = p[i]
            if (b &- 65) < 26 { out[n] = b | 0x20; n += 1; i += 1; continue }
            if (b &- 97) < 26 { out[n] = b; n += 1; i += 1; continue }
            if b >= 0xC3 && b <= 0xD4 && i + 1 < to {
                let cp = Int(b & 0x1F) << 6 | Int(p[i + 1] & 0x3F)
                if let t = Transliteration.latin(cp) {
                    for c in t.utf8 { out[n] = c; n += 1 }
                    if cp >= 0x370 { exact = false }
                }
                i += 2
                continue
            }
            i += 1
        }
        return (n, exact)
    }

    /// Whether `needle` occurs in `hay` (compared in place: no copy per position).
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, needle.count <= hay.count else { return needle.isEmpty }
        for s in 0...(hay.count - needle.count) where hay[s] == needle[0] {
            var k = 1
            while k < needle.count && hay[s + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }
}
