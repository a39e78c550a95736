/// A place in the text where some rules may match: matches may start from `back` bytes
/// before `start` up to `end` (inclusive).
struct AnchorEvent {
    var start: Int
    var end: Int
    /// For number clusters: bit n set when the cluster or one of its parts has n digits.
    var digitMask: UInt64
}

/// The anchor events of one chunk, one list per anchor kind.
struct AnchorEvents {
    var at: [AnchorEvent] = []
    var colon: [AnchorEvent] = []
    var dotDigits: [AnchorEvent] = []
    var digits: [AnchorEvent] = []
    var upperDigit: [AnchorEvent] = []
    var hexPair: [AnchorEvent] = []

    mutating func removeAll() {
        at.removeAll(keepingCapacity: true)
        colon.removeAll(keepingCapacity: true)
        dotDigits.removeAll(keepingCapacity: true)
        digits.removeAll(keepingCapacity: true)
        upperDigit.removeAll(keepingCapacity: true)
        hexPair.removeAll(keepingCapacity: true)
    }
}
