/// Totals of one scan, printed on stderr and written by machine formats.
public struct ScanSummary: Sendable, Hashable {
    /// Objects by final status name (`complete`, `partial`, `skipped`, `error`).
    public var objectsByStatus: [String: Int] = [:]
    /// Objects that did not complete, by `status(reason)`.
    public var reasons: [String: Int] = [:]
    /// Bytes read.
    public var bytes: UInt64 = 0
    /// Findings by kind.
    public var findingsByKind: [String: Int] = [:]
    /// Wall-clock seconds.
    public var seconds: Double = 0

    /// Creates an empty summary.
    public init() {}

    /// Objects met.
    public var objects: Int { objectsByStatus.values.reduce(0, +) }
    /// Findings written.
    public var findings: Int { findingsByKind.values.reduce(0, +) }
    /// Objects whose status is `error`.
    public var errors: Int { objectsByStatus["error"] ?? 0 }

    /// Adds one object's result.
    public mutating func add(_ result: ObjectResult) {
        objectsByStatus[result.status.name, default: 0] += 1
        if result.status != .complete { reasons[result.status.description, default: 0] += 1 }
        bytes += result.bytes
    }
}
