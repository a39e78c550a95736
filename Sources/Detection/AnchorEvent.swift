/// A place in the text where some rules may match: matches may start from `back` bytes
/// before `start` up to `end` (inclusive).
struct AnchorEvent {
    var start: Int
    var end: Int
    /// For number clusters: bit n set when some run of consecutive digit groups holds n digits.
    var digitMask: UInt64 = 0
    /// For number clusters: bit d set when some digit group starts with digit d.
    var firstDigits: UInt16 = 0
    /// For number clusters: the 1 to 4 capitals right before it (then up to two of ` -.:`),
    /// packed one byte each, first letter highest; `capitalCount` is 0 when there are none.
    var capitals: UInt32 = 0
    var capitalCount: Int = 0
    /// For number clusters: a `+` stands within 4 bytes before it, or it starts with `00`.
    var plusBefore = false
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
