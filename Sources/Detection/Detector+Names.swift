import PatternCatalog
import ScanCore

extension Detector {
    /// Adds the person names that start in the chunk's owned range to the scratch hits.
    func scanNames(_ base: UnsafePointer<UInt8>, _ count: Int, _ chunk: TextChunk, _ scratch: DetectorScratch) {
        guard let names else { return }
        scratch.names.removeAll(keepingCapacity: true)
        scratch.nameHits.removeAll(keepingCapacity: true)
        names.scan(base, count: count, from: chunk.ownedStart, to: chunk.ownedEnd, tokens: &scratch.nameTokens, into: &scratch.names)
        for f in scratch.names where f.confidence >= minConfidence {
            let value = String(decoding: UnsafeBufferPointer(start: base + f.range.lowerBound, count: f.range.count), as: UTF8.self)
            scratch.nameHits.append(Hit(ruleIndex: nameRule, range: f.range, value: value, confidence: f.confidence,
                                    hadContext: f.evidence != .lists, line: 0))
        }
    }

    /// Feeds one chunk's headings and hits to the document's CV state.
    func observeDocument(_ hits: [Hit], _ base: UnsafePointer<UInt8>, _ count: Int, _ chunk: TextChunk, _ scratch: DetectorScratch) {
        guard let cv else { return }
        if chunk.streamOffset == 0 && chunk.ownedStart == 0 { scratch.document.reset() }
        cv.observe(base, count: count, chunk: chunk, state: &scratch.document)
        for h in hits {
            if h.ruleIndex == nameRule {
                if h.line <= CVClassifier.topLines {
                    if scratch.document.topName == nil { scratch.document.topName = h }
                    scratch.document.nameLines.insert(h.line)
                }
                // Only a name found with context can be a sign-off's.
                if h.hadContext && isAfterSignoff(h, base, count) { scratch.document.signoffName = h }
            } else if !scratch.document.contact && contactRules[h.ruleIndex] {
                scratch.document.contact = true
            }
        }
    }

    private func isAfterSignoff(_ h: Hit, _ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard let names else { return false }
        return names.contextBefore(base, h.range.lowerBound, count) == .signoff
    }

    /// Ends the current document: when it is a CV or cover letter, returns its `document.cv`
    /// hit (with the applicant's name as value) and, if that name was only recognisable as
    /// the top line of a CV, a person-name hit for it. Call once after a stream's last chunk.
    public func finishDocument(scratch: DetectorScratch) -> [Hit] {
        guard let cv, let names else { return [] }
        defer { scratch.document.reset() }
        let doc = scratch.document
        guard cv.isCV(doc) else { return [] }
        var out: [Hit] = []
        // A CV's name stands alone on one of its first lines ("Heli Mäkelä", "Antoni Wlazły —
        // CV"): that line is evidence enough even for names no list holds.
        var headNames: [Hit] = []
        for (line, bytes) in doc.headLines where !bytes.isEmpty {
            var found: [NameScanner.Found] = []
            bytes.withUnsafeBufferPointer { buf in
                let p = buf.baseAddress!
                guard WordTable.isCapital(p, 0, buf.count) else { return }
                let end = names.run(p, count: buf.count, at: 0, limit: buf.count, assumeContext: true,
                                    tokens: &scratch.nameTokens, into: &found)
                if !CVClassifier.endsLine(p, end, buf.count) { found.removeAll() }
            }
            // A name line holds a given name and a surname at least ("E-Mail · +49 ..." is none).
            if let f = found.first, f.confidence >= minConfidence, bytes[f.range].contains(32) {
                let value = String(decoding: bytes[f.range], as: UTF8.self)
                headNames.append(Hit(ruleIndex: nameRule, range: f.range, value: value, confidence: f.confidence, hadContext: true, line: line))
            }
        }
        if nameKindWanted && !doc.letter { out += headNames.filter { !doc.nameLines.contains($0.line) } }
        let headName = headNames.first
        var name = doc.letter ? (doc.signoffName ?? doc.topName) : doc.topName
        if let head = headName, !doc.letter || name == nil, name.map({ head.line < $0.line || head.value.count > $0.value.count && head.line == $0.line }) ?? true {
            name = head
        }
        if name == nil { name = doc.signoffName }
        guard let name else { return out }
        out.append(Hit(ruleIndex: cvRule, range: name.range, value: name.value, confidence: ruleList[cvRule].score,
                       hadContext: true, line: name.line))
        return out
    }
}
