/// The encoding the reader decided on for a text stream; everything is decoded to UTF-8.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 without BOM, or plain ASCII; passed through (invalid bytes left as they are).
    case utf8 = "utf-8"
    /// UTF-8 with a byte-order mark, which is dropped.
    case utf8BOM = "utf-8-bom"
    /// UTF-16 little-endian (with BOM, or detected by its NUL pattern); transcoded.
    case utf16LE = "utf-16le"
    /// UTF-16 big-endian (with BOM, or detected by its NUL pattern); transcoded.
    case utf16BE = "utf-16be"
    /// Single-byte Windows-1252 / Latin-1 text; transcoded.
    case windows1252 = "windows-1252"
}
