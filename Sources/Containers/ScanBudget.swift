import Glibc

/// What one top-level object (and everything inside it) may still spend: decompressed
/// bytes and time. Shared by all levels of that object; one worker thread uses it.
public final class ScanBudget {
    /// Decompressed bytes produced so far.
    public private(set) var bytes: UInt64 = 0
    /// The first limit reached (`max_total_size`, `timeout`), sticky.
    public private(set) var exhausted: String?
    private let maxBytes: UInt64
    private let deadline: Double

    /// A fresh budget starting now.
    public init(limits: ContainerLimits) {
        maxBytes = limits.maxTotalBytes
        deadline = ScanBudget.now() + limits.timeoutSeconds
    }

    /// Counts `n` decompressed bytes; returns the reason when a limit is now exceeded.
    @discardableResult
    public func consume(_ n: Int) -> String? {
        bytes += UInt64(n)
        if exhausted == nil && bytes > maxBytes { exhausted = "max_total_size" }
        return check()
    }

    /// The reason when a limit is exceeded (checks the clock).
    public func check() -> String? {
        if exhausted == nil && ScanBudget.now() > deadline { exhausted = "timeout" }
        return exhausted
    }

    /// Seconds left before the time limit (at least 0).
    public var secondsLeft: Double { max(0, deadline - ScanBudget.now()) }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
