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
    public var decoded: String {
        EncodedWords.decode(Charset.unlabelled(raw))
    }

    /// The value as text without encoded-word decoding (for structured fields).
    public var text: String { Charset.unlabelled(raw) }
}
