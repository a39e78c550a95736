import PatternCatalog
import PCRE2
import ScanCore

/// Runs every compiled rule over text chunks: prefilter anchors, bounded PCRE2 windows,
/// normalisation, validators, context and overlap resolution.
///
/// Immutable and shareable: compiled patterns are read-only (see `CompiledPattern`); all
/// mutable state lives in the caller's `DetectorScratch`.
public final class Detector: Sendable {
    let rules: [CompiledRule]
    let scanner: AnchorScanner
    /// Hot per-rule values in flat arrays (no reference counting in the inner loop).
    let patterns: [CompiledPattern]
    let backs: [Int]
    let maxLengths: [Int]
    let digitMasks: [UInt64]
    let firstDigitMasks: [UInt16]
    let leads: [Prefilter.Lead]
    /// Packed capital prefixes of all rules; rule r owns `prefixRanges[r]` of them.
    let prefixPacked: [UInt32]
    let prefixLengths: [Int]
    let prefixRanges: [Range<Int>]
    /// Digits rules by digit count: `digitsByCount[n]` lists the rules that n digits fire.
    let digitsByCount: [[Int]]
    /// Rules whose base score is below the threshold: they need a context word.
    let needsContext: [Bool]
    /// Per rule: the lowercased `literals` of `literal` anchors, folded once at start-up.
    let literalWords: [[[UInt8]]]
    /// Every context word of those rules, to rule them all out at once per cluster.
    let contextUnion: ContextMatcher
    /// How far before and after a cluster the union is searched (covers every such rule's
    /// `back`, context window, longest match and after-context).
    let unionBefore: Int, unionAfter: Int
    /// Rule indices by anchor kind.
    let byAnchor: [Prefilter.Anchor: [Int]]
    /// Findings below this confidence are dropped.
    public let minConfidence: Double
    /// Every rule a hit can point at: the catalog's rules, then the name and CV rules.
    public let ruleList: [Rule]
    /// Kind of every entry of `ruleList`.
    let kinds: [String]
    /// Whether each entry of `ruleList` reports contact data (e-mail, phone): CV evidence.
    let contactRules: [Bool]
    /// The person-name scanner and CV classifier, when the catalog has a name model and
    /// the kinds asked for include them.
    let names: NameScanner?
    let cv: CVClassifier?
    /// `ruleList` indices of the name and CV rules (valid when `names` / `cv` are set).
    let nameRule: Int, cvRule: Int
    /// The kinds this detector was limited to (`--kind`), or nil for all.
    public let onlyKinds: Set<String>?
    /// Margin after a window so look-aheads see real text.
    static let lookAheadMargin = 16

    /// Compiles every rule of the catalog; throws `CatalogError` with `file:line`.
    public init(catalog: Catalog, minConfidence: Double = 0.5, only kinds: Set<String>? = nil) throws {
        var compiled: [CompiledRule] = []
        for rule in catalog.rules where kinds?.contains(rule.kind) ?? true {
            compiled.append(try CompiledRule(rule: rule, tlds: catalog.tlds))
        }
        rules = compiled
        var map: [Prefilter.Anchor: [Int]] = [:]
        for (i, r) in compiled.enumerated() { map[r.rule.prefilter.anchor, default: []].append(i) }
        byAnchor = map
        var s = AnchorScanner()
        s.wantAt = map[.at] != nil
        s.wantColon = map[.colon] != nil
        s.wantDotDigits = map[.dotDigits] != nil
        s.wantDigits = map[.digits] != nil
        s.wantUpperDigit = map[.upperDigit] != nil
        s.wantHexPair = map[.hexPair] != nil
        s.digitsUnion = (map[.digits] ?? []).reduce(UInt64(0)) { $0 | compiled[$1].digitMask }
        s.minPlainDigits = (map[.digits] ?? []).filter { compiled[$0].rule.prefilter.prefixes.isEmpty }
            .map { compiled[$0].rule.prefilter.digits.lowerBound }.min() ?? 64
        scanner = s
        patterns = compiled.map(\.pattern)
        backs = compiled.map(\.rule.prefilter.back)
        maxLengths = compiled.map(\.rule.maxLength)
        digitMasks = compiled.map(\.digitMask)
        firstDigitMasks = compiled.map(\.firstDigits)
        leads = compiled.map(\.rule.prefilter.lead)
        var packed: [UInt32] = [], lengths: [Int] = [], ranges: [Range<Int>] = []
        for r in compiled {
            let start = packed.count
            for p in r.rule.prefilter.prefixes {
                packed.append(p.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
                lengths.append(p.utf8.count)
            }
            ranges.append(start..<packed.count)
        }
        prefixPacked = packed
        prefixLengths = lengths
        prefixRanges = ranges
        var byCount = [[Int]](repeating: [], count: 64)
        for r in map[.digits] ?? [] {
            for n in 0..<64 where compiled[r].digitMask & (1 << UInt64(n)) != 0 { byCount[n].append(r) }
        }
        digitsByCount = byCount
        let contextOnly = compiled.map { $0.rule.score < minConfidence }
        needsContext = contextOnly
        literalWords = compiled.map { ContextMatcher(words: $0.rule.prefilter.literals, window: 0).words }
        let gated = compiled.indices.filter { contextOnly[$0] }
        contextUnion = ContextMatcher(words: gated.flatMap { compiled[$0].rule.context.allWords }, window: 0)
        unionBefore = gated.map { compiled[$0].rule.prefilter.back + compiled[$0].rule.context.window }.max() ?? 0
        unionAfter = (gated.map { compiled[$0].rule.maxLength }.max() ?? 0) + ContextMatcher.after
        self.minConfidence = minConfidence
        var list = compiled.map(\.rule)
        let wantNames = catalog.names.map { kinds?.contains($0.kind) ?? true } ?? false
        let wantCV = catalog.names.map { kinds?.contains($0.cv.kind) ?? true } ?? false
        nameRule = list.count
        cvRule = list.count + 1
        if let model = catalog.names, wantNames || wantCV {
            let scanner = NameScanner(model: model)
            names = scanner
            cv = wantCV ? CVClassifier(table: scanner.table) : nil
            list += model.rules
        } else {
            names = nil
            cv = nil
        }
        nameKindWanted = wantNames
        ruleList = list
        self.kinds = list.map(\.kind)
        contactRules = list.map { $0.kind == "email" || $0.kind == "phone" }
        onlyKinds = kinds
    }

    /// Whether person names are reported (they are also looked for when only CVs are).
    let nameKindWanted: Bool

    /// Longest look-behind a rule needs (for chunk overlap).
    public var maxBack: Int { rules.map { $0.rule.prefilter.back + $0.rule.context.window }.max() ?? 0 }

    /// Longest match plus look-ahead (for chunk overlap).
    public var maxAhead: Int { (rules.map(\.rule.maxLength).max() ?? 0) + Detector.lookAheadMargin + ContextMatcher.after }

    /// Finds the hits whose match starts in the chunk's owned range, sorted by position,
    /// with line numbers.
    public func scan(_ chunk: TextChunk, scratch: DetectorScratch) -> [Hit] {
        scratch.hits.removeAll(keepingCapacity: true)
        scratch.regexLimitHit = false
        guard let base = chunk.bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), chunk.ownedEnd > chunk.ownedStart else { return [] }
        let count = chunk.bytes.count
        scratch.searchedTo.update(repeating: chunk.ownedStart, count: scratch.ruleCount)
        scratch.events.removeAll()
        // Anchors may lie after the owned range while their match starts inside it.
        let anchorEnd = min(count, chunk.ownedEnd + 64)
        scanner.scan(base, count: count, from: chunk.ownedStart, to: anchorEnd, into: &scratch.events)

        run(.at, scratch.events.at, base, count, chunk, scratch)
        run(.colon, scratch.events.colon, base, count, chunk, scratch)
        run(.dotDigits, scratch.events.dotDigits, base, count, chunk, scratch)
        run(.digits, scratch.events.digits, base, count, chunk, scratch)
        run(.upperDigit, scratch.events.upperDigit, base, count, chunk, scratch)
        run(.hexPair, scratch.events.hexPair, base, count, chunk, scratch)
        if let literal = byAnchor[.literal] {
            for r in literal { runLiteral(r, base, count, chunk, scratch) }
        }
        if let whole = byAnchor[.none] {
            let event = [AnchorEvent(start: chunk.ownedStart, end: chunk.ownedEnd - 1, digitMask: ~0)]
            for r in whole { search(r, event[0], base, count, chunk, scratch, unbounded: true) }
        }
        var hits = resolve(scratch.hits)
        if names != nil {
            // Names come in position order and never need the overlap ranking: merged after it.
            scanNames(base, count, chunk, scratch)
            if !scratch.nameHits.isEmpty { hits = Detector.merge(hits, scratch.nameHits) }
        }
        numberLines(&hits, base: base, chunk: chunk)
        if cv != nil { observeDocument(hits, base, count, chunk, scratch) }
        return nameKindWanted || cv == nil ? hits : hits.filter { $0.ruleIndex != nameRule }
    }

    private func run(_ anchor: Prefilter.Anchor, _ events: [AnchorEvent], _ base: UnsafePointer<UInt8>, _ count: Int,
                     _ chunk: TextChunk, _ scratch: DetectorScratch) {
        guard let indices = byAnchor[anchor], !events.isEmpty else { return }
        if anchor == .digits {
            runDigits(events, base, count, chunk, scratch)
            return
        }
        let gated = anchor == .upperDigit
        for event in events {
            for r in indices {
                if gated && digitMasks[r] & event.digitMask == 0 { continue }
                search(r, event, base, count, chunk, scratch, unbounded: false)
            }
        }
    }

    /// Runs the digits rules that each number cluster can fire: only the rules listed under
    /// the cluster's digit counts are looked at, each once per cluster.
    private func runDigits(_ events: [AnchorEvent], _ base: UnsafePointer<UInt8>, _ count: Int,
                           _ chunk: TextChunk, _ scratch: DetectorScratch) {
        let stamp = scratch.stamp
        var generation = scratch.generation
        for event in events {
            generation &+= 1
            var contextState = 0   // 0 unknown, 1 a context word is near, 2 none is
            var bits = event.digitMask & scanner.digitsUnion
            while bits != 0 {
                let n = bits.trailingZeroBitCount
                bits &= bits - 1
                for r in digitsByCount[n] where stamp[r] != generation {
                    stamp[r] = generation
                    guard firstDigitMasks[r] & event.firstDigits != 0 else { continue }
                    if leads[r] == .plus && !event.plusBefore { continue }
                    let pr = prefixRanges[r]
                    if !pr.isEmpty && !hasPrefix(event, pr) { continue }
                    if needsContext[r] {
                        if contextState == 0 {
                            let near = contextUnion.found(in: base, from: max(0, event.start - unionBefore),
                                                          to: min(count, event.end + 1 + unionAfter))
                            contextState = near ? 1 : 2
                        }
                        if contextState == 2 { continue }
                    }
                    search(r, event, base, count, chunk, scratch, unbounded: false)
                }
            }
        }
        scratch.generation = generation
    }

    /// Whether the capitals before a cluster start with one of the prefixes in `range`.
    @inline(__always)
    func hasPrefix(_ event: AnchorEvent, _ range: Range<Int>) -> Bool {
        for i in range where event.capitalCount >= prefixLengths[i] {
            if event.capitals >> UInt32(8 * (event.capitalCount - prefixLengths[i])) == prefixPacked[i] { return true }
        }
        return false
    }

    private func runLiteral(_ r: Int, _ base: UnsafePointer<UInt8>, _ count: Int, _ chunk: TextChunk, _ scratch: DetectorScratch) {
        let end = min(count, chunk.ownedEnd + 64)
        for word in literalWords[r] {
            var i = chunk.ownedStart
            while i + word.count <= end {
                var k = 0
                while k < word.count && ContextMatcher.lower(base[i + k]) == word[k] { k += 1 }
                if k == word.count {
                    search(r, AnchorEvent(start: i, end: i, digitMask: 0), base, count, chunk, scratch, unbounded: false)
                }
                i += 1
            }
        }
    }

    /// Within a group of overlapping hits, drops each hit whose span lies inside a stronger
    /// one (same span and confidence but another kind: both stay).
    private func resolveOverlapping(_ group: [Hit]) -> [Hit] {
        if group.count == 1 { return group }
        let ranked = group.sorted {
            if $0.confidence != $1.confidence { return $0.confidence > $1.confidence }
            if $0.range.count != $1.range.count { return $0.range.count > $1.range.count }
            return $0.ruleIndex < $1.ruleIndex
        }
        var kept: [Hit] = []
        for h in ranked {
            let covered = kept.contains { k in
                k.range.lowerBound <= h.range.lowerBound && h.range.upperBound <= k.range.upperBound
                    && !(k.range == h.range && k.confidence == h.confidence && kinds[k.ruleIndex] != kinds[h.ruleIndex])
            }
            if !covered { kept.append(h) }
        }
        return kept
    }

    /// Runs rule `r` in the window of one anchor event, recording every match that starts
    /// between `event.start - back` and `event.end`.
    @inline(__always)
    private func search(_ r: Int, _ event: AnchorEvent, _ base: UnsafePointer<UInt8>, _ count: Int,
                        _ chunk: TextChunk, _ scratch: DetectorScratch, unbounded: Bool) {
        let hi = min(event.end, chunk.ownedEnd - 1)
        let searched = scratch.searchedTo + r
        var s = max(searched.pointee, event.start - backs[r], chunk.ownedStart)
        guard s <= hi else { return }
        let limit = unbounded ? count : min(count, hi + maxLengths[r] + Detector.lookAheadMargin)
        let pattern = patterns[r]
        while s <= hi {
            let found: Match?
            do {
                found = try pattern.firstMatch(in: base, length: limit, from: s, scratch: scratch.match)
            } catch {
                scratch.regexLimitHit = true
                s = hi + 1
                break
            }
            guard let m = found, m.range.lowerBound <= hi else { s = hi + 1; break }
            record(r, m, base, count, scratch)
            s = max(m.range.upperBound, m.range.lowerBound + 1)
        }
        searched.pointee = max(s, hi + 1)
    }

    /// Normalises, validates and scores one match; keeps it when confident enough.
    /// Rules that can only pass the threshold with context look for it first, before any
    /// string work.
    private func record(_ r: Int, _ m: Match, _ base: UnsafePointer<UInt8>, _ count: Int, _ scratch: DetectorScratch) {
        let rule = rules[r]
        let score = rule.rule.score
        var context: Bool? = nil
        if needsContext[r] {
            guard score + rule.rule.context.boost >= minConfidence, rule.context.near(m.range, in: base, count: count) else { return }
            context = true
        }
        let g = m.group ?? m.range
        let raw = String(decoding: UnsafeBufferPointer(start: base + g.lowerBound, count: g.count), as: UTF8.self)
        guard let value = Normalizer.apply(rule.rule.normalize, to: raw) else { return }
        for check in rule.checks where !check(value) { return }
        let hadContext = context ?? rule.context.near(m.range, in: base, count: count)
        let confidence = min(1, score + (hadContext ? rule.rule.context.boost : 0))
        guard confidence >= minConfidence else { return }
        scratch.hits.append(Hit(ruleIndex: r, range: m.range, value: value, confidence: confidence, hadContext: hadContext, line: 0))
    }

    /// Drops hits contained in a stronger hit and sorts the rest by position.
    private func resolve(_ hits: [Hit]) -> [Hit] {
        guard !hits.isEmpty else { return [] }
        let sorted = hits.sorted {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count
        }
        // Only overlapping hits can conflict: resolve each group of overlapping hits alone.
        var kept: [Hit] = []
        var group: [Hit] = []
        var groupEnd = Int.min
        for h in sorted {
            if h.range.lowerBound >= groupEnd, !group.isEmpty {
                kept += resolveOverlapping(group)
                group.removeAll(keepingCapacity: true)
            }
            group.append(h)
            groupEnd = group.count == 1 ? h.range.upperBound : max(groupEnd, h.range.upperBound)
        }
        kept += resolveOverlapping(group)
        kept.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.ruleIndex < $1.ruleIndex }
        return kept
    }

    /// Two position-sorted hit lists as one (the first list first on equal positions).
    static func merge(_ a: [Hit], _ b: [Hit]) -> [Hit] {
        if a.isEmpty { return b }
        var out: [Hit] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].range.lowerBound <= b[j].range.lowerBound) {
                out.append(a[i]); i += 1
            } else {
                out.append(b[j]); j += 1
            }
        }
        return out
    }

    /// Sets the 1-based line of each position-sorted hit.
    private func numberLines(_ kept: inout [Hit], base: UnsafePointer<UInt8>, chunk: TextChunk) {
        var line = chunk.newlinesBefore + 1
        var pos = 0
        for i in kept.indices {
            let target = kept[i].range.lowerBound
            // Newlines counted eight bytes at a time (zero-byte test on x ^ 0x0a0a...).
            while pos + 8 <= target {
                let x = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                let zero = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                if zero != 0 {
                    // The borrow trick can flag a byte after a true zero byte: count exactly.
                    for k in 0..<8 where base[pos + k] == 10 { line += 1 }
                }
                pos += 8
            }
            while pos < target {
                if base[pos] == 10 { line += 1 }
                pos += 1
            }
            kept[i].line = line
        }
    }
}
