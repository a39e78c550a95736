internal import CPFF

/// A libpff failure, with the library's own message and what we were doing.
public struct PSTError: Error, Equatable, CustomStringConvertible {
    /// What trawl was doing (`opening the file`, `reading folder 3`).
    public var operation: String
    /// libpff's message (first line of its backtrace), or empty.
    public var message: String

    /// Creates an error.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// `libpff: <message> - while <operation>`.
    public var description: String {
        message.isEmpty ? "libpff: failed - while \(operation)" : "libpff: \(message) - while \(operation)"
    }

    /// The short reason for an object status: `corrupt` (libpff could not parse it).
    public var reason: String { "corrupt" }
}

typealias PFFErrorPointer = UnsafeMutablePointer<libpff_error_t>?

/// Calls a libpff function that takes `libpff_error_t **` last; returns its result
/// (1 found, 0 not available) or throws on -1, freeing the error either way.
@discardableResult
func pffCall(_ operation: @autoclosure () -> String, _ body: (UnsafeMutablePointer<PFFErrorPointer>) -> Int32) throws(PSTError) -> Int32 {
    var error: PFFErrorPointer = nil
    let rc = body(&error)
    defer { if error != nil { libpff_error_free(&error) } }
    if rc < 0 {
        throw PSTError(operation: operation(), message: pffMessage(error))
    }
    return rc
}

/// The first line of a libpff error's text; never holds content of the store (libpff
/// messages name functions and offsets only).
func pffMessage(_ error: PFFErrorPointer) -> String {
    guard let error else { return "" }
    var buffer = [CChar](repeating: 0, count: 512)
    _ = libpff_error_sprint(error, &buffer, buffer.count)
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    let text = String(decoding: bytes, as: UTF8.self)
    return String(text.split(separator: "\n").first ?? "")
}
