/// The header section of a message or MIME part (RFC 5322 section 2.2).
public struct MessageHeader: Sendable, Hashable {
    /// The fields in order.
    public var fields: [HeaderField] = []
    /// True when the section was longer than the cap and its tail was dropped.
    public var truncated = false

    /// Creates an empty header.
    public init() {}

    /// The first field named `name` (case-insensitive).
    public func first(_ name: String) -> HeaderField? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }
    }

    /// Every field named `name` (case-insensitive).
    public func all(_ name: String) -> [HeaderField] {
        let lower = name.lowercased()
        return fields.filter { $0.name.lowercased() == lower }
    }

    /// Parses the header section that starts at `start` in `bytes`, up to `end`.
    ///
    /// Returns the header and the offset of the body: after the blank line, or at the
    /// first line that is neither a field nor a continuation (a part without headers, a
    /// header missing its blank line), or `end`. An mbox-style `From ` first line is
    /// skipped. Only the first `maxBytes` bytes of the section are kept; the rest is
    /// skipped to find the body, and `truncated` is set.
    public static func parse(_ bytes: [UInt8], from start: Int, to end: Int, maxBytes: Int) -> (MessageHeader, Int) {
        var header = MessageHeader()
        var i = start
        var current: (name: String, raw: [UInt8])?
        var kept = 0
        func flush() {
            if let c = current {
                var raw = c.raw
                while let last = raw.last, last == 0x20 || last == 0x09 { raw.removeLast() }
                header.fields.append(HeaderField(name: c.name, raw: raw))
            }
            current = nil
        }
        while i < end {
            // Find the end of this line.
            var lineEnd = i
            while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            var contentEnd = lineEnd
            if contentEnd > i && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd == i {
                // Blank line: end of the header section.
                flush()
                return (header, next)
            }
            let lineLength = contentEnd - i
            if kept >= maxBytes {
                header.truncated = true
                i = next
                continue
            }
            let take = min(lineLength, maxBytes - kept)
            if take < lineLength { header.truncated = true }
            kept += take
            let first = bytes[i]
            if first == 0x20 || first == 0x09 {
                // Continuation line: unfold (RFC 5322 2.2.3): the CRLF is removed, the whitespace kept.
                if current != nil {
                    current!.raw.append(0x20)
                    var j = i
                    while j < i + take && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
                    current!.raw.append(contentsOf: bytes[j..<(i + take)])
                }
            } else if let colon = fieldColon(bytes, i, i + take) {
                flush()
                let name = String(decoding: bytes[i..<colon], as: UTF8.self).trimmingTrailingSpaces()
                var v = colon + 1
                while v < i + take && (bytes[v] == 0x20 || bytes[v] == 0x09) { v += 1 }
                current = (name, Array(bytes[v..<(i + take)]))
            } else if header.fields.isEmpty && current == nil && i == start && MboxReader.isFromLine(Array(bytes[i..<min(i + 5, lineEnd)])) {
                // An mbox-style `From ` line on top of a single message: not a field, skipped.
            } else {
                // Not a field: the header ended without its blank line (or there was none).
                // The body starts here, so no text is lost.
                flush()
                return (header, i)
            }
            i = next
        }
        flush()
        return (header, end)
    }

    /// The colon ending a field name: printable ASCII except `:` and space (RFC 5322 2.2),
    /// with trailing spaces before the colon tolerated.
    static func fieldColon(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var j = start
        while j < end {
            let c = bytes[j]
            if c == UInt8(ascii: ":") { return j > start ? j : nil }
            if c == 0x20 || c == 0x09 {
                var k = j
                while k < end && (bytes[k] == 0x20 || bytes[k] == 0x09) { k += 1 }
                return (k < end && bytes[k] == UInt8(ascii: ":") && j > start) ? k : nil
            }
            if c < 33 || c > 126 { return nil }
            j += 1
        }
        return nil
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
