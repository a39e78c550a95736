import Inputs

/// Wraps a member's byte stream and enforces the member size cap, the top-level budget
/// (total size, time) and the parent container's expansion ratio while it is read.
/// When a limit trips, reads return 0 and `limitReason` says which.
final class LimitedSource<Base: ByteSource>: ByteSource {
    private var base: Base
    private let budget: ScanBudget
    private let parent: ObjectContext
    private let maxBytes: Int
    private(set) var count = 0
    private(set) var limitReason: String?

    init(_ base: Base, budget: ScanBudget, parent: ObjectContext, maxBytes: Int) {
        self.base = base
        self.budget = budget
        self.parent = parent
        self.maxBytes = maxBytes
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard limitReason == nil else { return 0 }
        if count >= maxBytes {
            // One byte more tells a member of exactly the cap from a larger one.
            var probe: UInt8 = 0
            let n = try withUnsafeMutableBytes(of: &probe) { try base.read(into: $0) }
            if n > 0 { limitReason = "max_member_size" }
            return 0
        }
        let room = min(buffer.count, maxBytes - count)
        let n = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<room]))
        count += n
        if let reason = budget.consume(n) ?? parent.noteExpanded(n) {
            limitReason = reason
        }
        return n
    }
}
