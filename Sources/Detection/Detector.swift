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
    /// Rule indices by anchor kind.
    let byAnchor: [Prefilter.Anchor: [Int]]
    /// Findings below this confidence are dropped.
    public let minConfidence: Double
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
        scanner = s
        self.minConfidence = minConfidence
    }

    /// The rules, in order (a hit's `ruleIndex` points here).
    public var ruleList: [Rule] { rules.map(\.rule) }

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
        for i in scratch.searchedTo.indices { scratch.searchedTo[i] = chunk.ownedStart }
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
        return resolve(scratch.hits, base: base, chunk: chunk)
    }

    private func run(_ anchor: Prefilter.Anchor, _ events: [AnchorEvent], _ base: UnsafePointer<UInt8>, _ count: Int,
                     _ chunk: TextChunk, _ scratch: DetectorScratch) {
        guard let indices = byAnchor[anchor], !events.isEmpty else { return }
        for event in events {
            for r in indices {
                if anchor == .digits && rules[r].digitMask & event.digitMask == 0 { continue }
                search(r, event, base, count, chunk, scratch, unbounded: false)
            }
        }
    }

    private func runLiteral(_ r: Int, _ base: UnsafePointer<UInt8>, _ count: Int, _ chunk: TextChunk, _ scratch: DetectorScratch) {
        let matcher = ContextMatcher(words: rules[r].rule.prefilter.literals, window: 0)
        let end = min(count, chunk.ownedEnd + 64)
        for word in matcher.words {
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
                    && !(k.range == h.range && k.confidence == h.confidence && rules[k.ruleIndex].rule.kind != rules[h.ruleIndex].rule.kind)
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
        let rule = rules[r]
        let hi = min(event.end, chunk.ownedEnd - 1)
        var s = max(scratch.searchedTo[r], event.start - rule.rule.prefilter.back, chunk.ownedStart)
        guard s <= hi else { return }
        let limit = unbounded ? count : min(count, hi + rule.rule.maxLength + Detector.lookAheadMargin)
        while s <= hi {
            let found: Match?
            do {
                found = try rule.pattern.firstMatch(in: base, length: limit, from: s, scratch: scratch.match)
            } catch {
                scratch.regexLimitHit = true
                s = hi + 1
                break
            }
            guard let m = found, m.range.lowerBound <= hi else { s = hi + 1; break }
            record(r, m, base, count, scratch)
            s = max(m.range.upperBound, m.range.lowerBound + 1)
        }
        scratch.searchedTo[r] = max(s, hi + 1)
    }

    /// Normalises, validates and scores one match; keeps it when confident enough.
    private func record(_ r: Int, _ m: Match, _ base: UnsafePointer<UInt8>, _ count: Int, _ scratch: DetectorScratch) {
        let rule = rules[r]
        let g = m.group ?? m.range
        let raw = String(decoding: UnsafeBufferPointer(start: base + g.lowerBound, count: g.count), as: UTF8.self)
        guard let value = Normalizer.apply(rule.rule.normalize, to: raw) else { return }
        for check in rule.checks where !check(value) { return }
        let context = rule.context.near(m.range, in: base, count: count)
        let confidence = min(1, rule.rule.score + (context ? rule.rule.context.boost : 0))
        guard confidence >= minConfidence else { return }
        scratch.hits.append(Hit(ruleIndex: r, range: m.range, value: value, confidence: confidence, hadContext: context, line: 0))
    }

    /// Drops hits contained in a stronger hit, sorts by position and numbers lines.
    private func resolve(_ hits: [Hit], base: UnsafePointer<UInt8>, chunk: TextChunk) -> [Hit] {
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
        var line = chunk.newlinesBefore + 1
        var pos = 0
        for i in kept.indices {
            let target = kept[i].range.lowerBound
            while pos < target {
                if base[pos] == 10 { line += 1 }
                pos += 1
            }
            kept[i].line = line
        }
        return kept
    }
}
