internal import CPCRE2

/// A PCRE2 failure turned into a typed error at the library boundary, with PCRE2's own
/// message and what we were doing.
public struct PCRE2Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// PCRE2's (negative or compile) error code.
    public let code: Int32
    /// PCRE2's message for `code`.
    public let message: String
    /// Offset in the pattern (compile errors) or nil.
    public let offset: Int?
    /// What trawl was doing, e.g. "compiling rule email.1".
    public let context: String

    /// Creates an error from a PCRE2 code, looking up PCRE2's message for it.
    public init(code: Int32, offset: Int? = nil, context: String) {
        self.code = code
        self.message = PCRE2Error.message(for: code)
        self.offset = offset
        self.context = context
    }

    /// `pcre2: <message> at offset N - while <context>`.
    public var description: String {
        var text = "pcre2: \(message)"
        if let offset { text += " at offset \(offset)" }
        return text + " - while \(context)"
    }

    /// PCRE2's text for an error code.
    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, 256) }
        guard n > 0 else { return "unknown error \(code)" }
        return String(decoding: buffer[0..<Int(n)], as: UTF8.self)
    }
}
