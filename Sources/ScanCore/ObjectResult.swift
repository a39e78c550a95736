/// What happened to one object (a file, or later an archive member or message).
public struct ObjectResult: Sendable, Hashable {
    /// The object's location in the output contract's form.
    public var location: String
    /// Its final status.
    public var status: ObjectStatus
    /// Bytes read from it (before decoding).
    public var bytes: UInt64
    /// How many findings it produced (after the confidence threshold).
    public var findingCount: Int

    /// Creates a result.
    public init(location: String, status: ObjectStatus, bytes: UInt64 = 0, findingCount: Int = 0) {
        self.location = location
        self.status = status
        self.bytes = bytes
        self.findingCount = findingCount
    }
}
