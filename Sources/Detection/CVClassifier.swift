import PatternCatalog
import ScanCore

/// What one document has shown so far of a CV's structure; reset when a new stream begins.
struct DocumentState {
    /// Line of a CV title line (`Curriculum Vitae`) or a cover-letter title, if seen.
    var titleLine: Int? = nil
    var letter = false
    /// Distinct section headings seen (hashes of the folded heading).
    var sections: Set<UInt64> = []
    /// An e-mail address or phone number was found.
    var contact = false
    /// The first person name in the top lines, and the last one after a sign-off.
    var topName: Hit? = nil
    /// Lines of the top where a person name was found.
    var nameLines: Set<Int> = []
    var signoffName: Hit? = nil
    /// The first few lines with text, tags and decoration removed (for a name no list holds).
    var headLines: [(line: Int, bytes: [UInt8])] = []

    mutating func reset() { self = DocumentState() }
}

/// Recognises CVs and cover letters from their structure: a title line or several section
/// headings near the top, a person's name, and contact data.
struct CVClassifier: Sendable {
    /// Only this much of a document is looked at for headings.
    static let headBytes: UInt64 = 64 << 10
    /// A name within these first lines is "at the top".
    static let topLines = 15
    /// Title lines count within these first lines.
    static let titleLines = 25
    /// Section headings needed without a title.
    static let sectionsWithoutTitle = 3
    static let headLineCount = 4

    let table: WordTable

    /// Looks at the lines that start in the chunk's owned range (within the document head).
    func observe(_ p: UnsafePointer<UInt8>, count: Int, chunk: TextChunk, state: inout DocumentState) {
        guard chunk.streamOffset < CVClassifier.headBytes else { return }
        let stop = min(chunk.ownedEnd, Int(CVClassifier.headBytes - chunk.streamOffset))
        var line = chunk.newlinesBefore + 1
        var i = 0
        // Line number at ownedStart, and the first line start at or after it.
        while i < chunk.ownedStart { if p[i] == 10 { line += 1 }; i += 1 }
        if i > 0 && p[i - 1] != 10 {
            while i < stop && p[i] != 10 { i += 1 }
            if i < stop { i += 1; line += 1 }
        }
        while i < stop {
            var e = i
            while e < count && p[e] != 10 { e += 1 }
            inspect(p, i, e, line: line, state: &state)
            i = e + 1
            line += 1
        }
    }

    /// Classifies one line: title, section heading, or one of the first text lines.
    func inspect(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int, line: Int, state: inout DocumentState) {
        guard to - from <= 160 else {
            if state.headLines.count < CVClassifier.headLineCount { state.headLines.append((line, [])) }
            return
        }
        // Strip tags and decoration: '#', '*', '=', '_', '-', '|', '>', spaces, a final ':'.
        // The line (at most 160 bytes) is copied to the stack: no allocation per line.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: to - from) { text in
            var count = 0
            var k = from
            while k < to {
                let b = p[k]
                if b == 60 {
                    var j = k + 1
                    while j < to && p[j] != 62 { j += 1 }
                    if j < to { k = j + 1; text[count] = 32; count += 1; continue }
                }
                text[count] = b == 9 || b == 13 ? 32 : b
                count += 1
                k += 1
            }
            var a = 0, z = count
            while a < z && CVClassifier.isDecoration(text[a]) { a += 1 }
            while z > a && CVClassifier.isDecoration(text[z - 1]) { z -= 1 }
            guard a < z else { return }
            if state.headLines.count < CVClassifier.headLineCount { state.headLines.append((line, Array(text[a..<z]))) }
            guard z - a <= 48 else { return }
            let h = WordTable.hash(UnsafePointer(text.baseAddress!), a, z)
            let cls = table.lookup(hash: h)
            if line <= CVClassifier.titleLines && state.titleLine == nil {
                if cls.contains(.cvTitle) { state.titleLine = line }
                if cls.contains(.letterTitle) { state.titleLine = line; state.letter = true }
            }
            if cls.contains(.cvSection) { state.sections.insert(h) }
        }
    }

    /// Decoration around a heading: space # * = _ - | > :.
    @inline(__always)
    static func isDecoration(_ b: UInt8) -> Bool {
        switch b {
        case 32, 35, 42, 61, 95, 45, 124, 62, 58: return true
        default: return false
        }
    }

    /// Whether a name that ends at `end` fills its head line: nothing follows, or a dash, bar
    /// or middle dot and the rest of the title ("Anna Berg — CV").
    static func endsLine(_ p: UnsafePointer<UInt8>, _ end: Int, _ count: Int) -> Bool {
        var j = end
        while j < count && p[j] == 32 { j += 1 }
        if j == count { return true }
        if p[j] == 124 || (p[j] == 45 && j > end) { return true }                     // | and a spaced -
        if j + 2 < count && p[j] == 0xE2 && p[j + 1] == 0x80 && (p[j + 2] == 0x94 || p[j + 2] == 0x93) { return true }  // — –
        return j + 1 < count && p[j] == 0xC2 && p[j + 1] == 0xB7                      // ·
    }

    /// Whether the document is a CV or cover letter.
    func isCV(_ state: DocumentState) -> Bool {
        guard state.contact else { return false }
        if state.letter { return true }
        // "Résumé" is also a summary heading: a CV title needs one CV section with it.
        if state.titleLine != nil { return !state.sections.isEmpty }
        return state.sections.count >= CVClassifier.sectionsWithoutTitle
    }
}
