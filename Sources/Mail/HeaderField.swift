/// One header field, unfolded, with its value still in raw bytes.
public struct HeaderField: Sendable, Hashable {
    /// The field name as written (`Content-Type`).
    public var name: String
    /// The unfolded value bytes (folding CRLF/LF removed, leading whitespace trimmed).
    public var raw: [UInt8]

    /// Creates a field.
    public init(name: String, raw: [UInt8]) {
        self.name = name
        self.raw = raw
    }

    /// The value as text: 8-bit bytes read as UTF-8 (else Windows-1252), RFC 2047
    /// encoded words decoded.
    /// Line breaks and other control characters an encoded word may carry become spaces:
    /// a header value is one line of text.
    public var decoded: String {
        HeaderField.oneLine(EncodedWords.decode(Charset.unlabelled(raw)))
    }

    static func oneLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// The value as text without encoded-word decoding (for structured fields).
    public var text: String { Charset.unlabelled(raw) }
}
