/// A problem in a pattern pack, with the `file:line` it was found at.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where.
    public let location: SourceLocation
    /// What is wrong, and what to do about it where that is not obvious.
    public let message: String

    /// Creates an error.
    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { "\(location): \(message)" }
}
