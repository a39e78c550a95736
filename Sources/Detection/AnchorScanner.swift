/// One pass over the bytes that finds every anchor position (the prefilter).
///
/// Only digits, `@`, `:` and (when MAC rules want it) `-` stop the loop; everything else
/// is skipped with one table lookup per byte.
struct AnchorScanner: Sendable {
    /// Which anchor kinds any rule uses.
    var wantAt = false, wantColon = false, wantDotDigits = false, wantDigits = false
    var wantUpperDigit = false, wantHexPair = false

    /// Longest number cluster followed, in bytes.
    static let maxCluster = 64

    static let classTable: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = 1 }
        t[Int(UInt8(ascii: "@"))] = 2
        t[Int(UInt8(ascii: ":"))] = 3
        t[Int(UInt8(ascii: "-"))] = 4
        return t
    }()

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 65 < 26 }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { b &- 48 < 10 || (b | 0x20) &- 97 < 6 }
    @inline(__always) static func isClusterSeparator(_ b: UInt8) -> Bool {
        b == 32 || b == 46 || b == 45 || b == 47 || b == 40 || b == 41
    }

    /// Fills `events` with the anchors whose positions lie in `from..<to`.
    func scan(_ p: UnsafePointer<UInt8>, count: Int, from: Int, to: Int, into events: inout AnchorEvents) {
        let table = AnchorScanner.classTable
        let wantDash = wantHexPair
        table.withUnsafeBufferPointer { tbl in
            var i = from
            while i < to {
                let cls = tbl[Int(p[i])]
                if cls == 0 { i += 1; continue }
                switch cls {
                case 1:
                    i = cluster(p, count: count, start: i, into: &events)
                    continue
                case 2:
                    if wantAt { events.at.append(AnchorEvent(start: i, end: i, digitMask: 0)) }
                case 3:
                    if wantColon { events.colon.append(AnchorEvent(start: i, end: i, digitMask: 0)) }
                    if wantHexPair { hexPair(p, count: count, at: i, into: &events) }
                default:
                    if wantDash { hexPair(p, count: count, at: i, into: &events) }
                }
                i += 1
            }
        }
    }

    @inline(__always)
    func hexPair(_ p: UnsafePointer<UInt8>, count: Int, at i: Int, into events: inout AnchorEvents) {
        guard i >= 2, i + 2 < count else { return }
        if AnchorScanner.isHex(p[i - 1]) && AnchorScanner.isHex(p[i - 2]) && AnchorScanner.isHex(p[i + 1]) && AnchorScanner.isHex(p[i + 2]) {
            events.hexPair.append(AnchorEvent(start: i, end: i, digitMask: 0))
        }
    }

    /// Follows the number cluster starting at `start`; returns where scanning resumes.
    @inline(__always)
    func cluster(_ p: UnsafePointer<UInt8>, count: Int, start: Int, into events: inout AnchorEvents) -> Int {
        let limit = min(count, start + AnchorScanner.maxCluster)
        var i = start
        var total = 0
        var part = 0
        var mask: UInt64 = 0
        var lastDigit = start
        var sawDotDigit = false
        while i < limit {
            let b = p[i]
            if AnchorScanner.isDigit(b) {
                total += 1
                part += 1
                lastDigit = i
                i += 1
                continue
            }
            // Up to two separators, then a digit, keep the cluster going.
            guard AnchorScanner.isClusterSeparator(b) else { break }
            var j = i + 1
            if j < limit, !AnchorScanner.isDigit(p[j]), AnchorScanner.isClusterSeparator(p[j]) { j += 1 }
            guard j < limit, AnchorScanner.isDigit(p[j]) else { break }
            if b == 46 && j == i + 1 { sawDotDigit = true }
            if b == 45 && wantHexPair { hexPair(p, count: count, at: i, into: &events) }
            if b == 32 || (j > i + 1 && p[i + 1] == 32) {
                mask |= 1 << UInt64(min(part, 63))
                part = 0
            }
            i = j
        }
        mask |= 1 << UInt64(min(part, 63))
        mask |= 1 << UInt64(min(total, 63))
        if wantDigits {
            events.digits.append(AnchorEvent(start: start, end: lastDigit, digitMask: mask))
        }
        if wantDotDigits && sawDotDigit {
            events.dotDigits.append(AnchorEvent(start: start, end: lastDigit, digitMask: mask))
        }
        if wantUpperDigit {
            if start > 0 && AnchorScanner.isUpper(p[start - 1]) {
                events.upperDigit.append(AnchorEvent(start: start - 1, end: start - 1, digitMask: 0))
            }
            let after = lastDigit + 1
            if after < count && AnchorScanner.isUpper(p[after]) {
                events.upperDigit.append(AnchorEvent(start: after, end: after, digitMask: 0))
            }
        }
        return lastDigit + 1
    }
}
