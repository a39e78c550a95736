/// One pass over the bytes that finds every anchor position (the prefilter).
///
/// Only digits, `@`, `:` and `-` stop the loop; everything else is skipped with one table
/// lookup per byte. Number clusters are summarised (digit counts of every run of
/// consecutive groups, first digits of groups, what stands before) so that rules can be
/// ruled out without running their regex.
struct AnchorScanner: Sendable {
    /// Which anchor kinds any rule uses.
    var wantAt = false, wantColon = false, wantDotDigits = false, wantDigits = false
    var wantUpperDigit = false, wantHexPair = false
    /// Union of every digits rule's digit-count bits: clusters outside it are not recorded.
    var digitsUnion: UInt64 = ~0
    /// Fewest digits a digits rule without a capital prefix needs: shorter clusters with
    /// no capitals right before them cannot fire anything.
    var minPlainDigits = 0

    /// Longest number cluster followed, in bytes: longer digit runs are not identifiers.
    static let maxCluster = 64
    /// Most digit groups whose run sums are computed (a 64-byte cluster has at most 32).
    static let maxGroups = 32

    static let classTable: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = 1 }
        t[Int(UInt8(ascii: "@"))] = 2
        t[Int(UInt8(ascii: ":"))] = 3
        t[Int(UInt8(ascii: "-"))] = 4
        t[Int(UInt8(ascii: "."))] = 4
        return t
    }()

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    /// The high bit of each byte of `x` that lies strictly between 0x2C and 0x41, which
    /// covers every byte the loop stops at. Lanes are 7 bits wide, so nothing carries from
    /// one byte into the next ("hasbetween", Bit Twiddling Hacks).
    @inline(__always)
    static func candidates(_ x: UInt64) -> UInt64 {
        ByteLanes.between(x, 0x2C, 0x41)
    }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 65 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { b &- 48 < 10 || (b | 0x20) &- 97 < 6 }
    @inline(__always) static func isClusterSeparator(_ b: UInt8) -> Bool {
        b == 32 || b == 46 || b == 45 || b == 47 || b == 40 || b == 41
    }

    /// Fills `events` with the anchors whose positions lie in `from..<to`.
    func scan(_ p: UnsafePointer<UInt8>, count: Int, from: Int, to: Int, into events: inout AnchorEvents) {
        let table = AnchorScanner.classTable
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * AnchorScanner.maxGroups) { groups in
            table.withUnsafeBufferPointer { tbl in
                var i = from
                while i < to {
                    if i + 8 <= to {
                        // Eight bytes at a time: jump to the first byte in 0x2D...0x40
                        // (`-` `.` `/` digits `:` ... `@`), or past the word if none.
                        let flags = AnchorScanner.candidates(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                        if flags == 0 { i += 8; continue }
                        i += flags.trailingZeroBitCount >> 3
                    }
                    let cls = tbl[Int(p[i])]
                    if cls == 0 { i += 1; continue }
                    switch cls {
                    case 1:
                        i = cluster(p, count: count, start: i, groups: groups.baseAddress!, into: &events)
                        continue
                    case 2:
                        if wantAt { events.at.append(AnchorEvent(start: i, end: i)) }
                    case 3:
                        if wantColon { i = colonRun(p, count: count, at: i, into: &events); continue }
                        if wantHexPair { hexPair(p, count: count, at: i, into: &events) }
                    default:
                        if wantHexPair { hexPair(p, count: count, at: i, into: &events) }
                    }
                    i += 1
                }
            }
        }
    }

    /// A MAC-like run: `XX?XX?XX?XX?XX?XX` with the same separator at `i`, `i+3` ... `i+12`,
    /// or Cisco's `XXXX.XXXX.XXXX` with dots at `i` and `i+5`.
    @inline(__always)
    func hexPair(_ p: UnsafePointer<UInt8>, count: Int, at i: Int, into events: inout AnchorEvents) {
        let sep = p[i]
        if sep == 46 {
            guard i >= 4, i + 9 < count, p[i + 5] == 46 else { return }
            for k in [i - 4, i - 3, i - 2, i - 1, i + 1, i + 2, i + 3, i + 4, i + 6, i + 7, i + 8, i + 9] where !AnchorScanner.isHex(p[k]) { return }
            events.hexPair.append(AnchorEvent(start: i, end: i))
            return
        }
        guard i >= 2, i + 14 < count else { return }
        guard p[i + 3] == sep, p[i + 6] == sep, p[i + 9] == sep, p[i + 12] == sep else { return }
        guard i < 5 || p[i - 3] != sep else { return }
        if AnchorScanner.isHex(p[i - 1]) && AnchorScanner.isHex(p[i - 2]) && AnchorScanner.isHex(p[i + 1]) && AnchorScanner.isHex(p[i + 2]) {
            events.hexPair.append(AnchorEvent(start: i, end: i))
        }
    }

    /// An IPv6-like run of hex digits, colons and dots around the colon at `i`: one event
    /// when it holds a hex letter or three or more colons (so `12:34:56` is passed over).
    @inline(__always)
    func colonRun(_ p: UnsafePointer<UInt8>, count: Int, at i: Int, into events: inout AnchorEvents) -> Int {
        var j = i
        var colons = 0
        var hexLetter = false
        let limit = min(count, i + 48)
        while j < limit {
            let b = p[j]
            if b == 58 { colons += 1 } else if AnchorScanner.isDigit(b) || b == 46 {
            } else if (b | 0x20) &- 97 < 6 { hexLetter = true } else { break }
            j += 1
        }
        var k = i - 1
        while k >= 0 && k >= i - 4 && AnchorScanner.isHex(p[k]) {
            if !AnchorScanner.isDigit(p[k]) { hexLetter = true }
            k -= 1
        }
        if colons >= 3 || (colons >= 2 && hexLetter) {
            events.colon.append(AnchorEvent(start: i, end: max(i, j - 1)))
        }
        if wantHexPair { hexPair(p, count: count, at: i, into: &events) }
        // Resume after the run's colons have all been seen: digits in it are still clusters.
        return i + 1
    }

    /// Follows the number cluster starting at `start`; returns where scanning resumes.
    ///
    /// `groups` holds, per digit group, its digit count, its start offset and the separator
    /// byte before it (0 for the first).
    @inline(__always)
    func cluster(_ p: UnsafePointer<UInt8>, count: Int, start: Int, groups: UnsafeMutablePointer<Int>,
                 into events: inout AnchorEvents) -> Int {
        let limit = min(count, start + AnchorScanner.maxCluster)
        var i = start
        var total = 0
        var n = 0            // digits in the current group
        var ng = 0           // groups closed so far
        var groupStart = start
        var separator = 0
        var lastDigit = start
        var dots = 0
        while i < limit {
            let b = p[i]
            if AnchorScanner.isDigit(b) {
                total += 1
                n += 1
                lastDigit = i
                i += 1
                continue
            }
            // Up to two separators, then a digit, keep the cluster going.
            guard AnchorScanner.isClusterSeparator(b) else { break }
            var j = i + 1
            if j < limit, !AnchorScanner.isDigit(p[j]), AnchorScanner.isClusterSeparator(p[j]) { j += 1 }
            guard j < limit, AnchorScanner.isDigit(p[j]) else { break }
            if b == 46 && j == i + 1 { dots += 1 }
            if (b == 45 || b == 46) && wantHexPair { hexPair(p, count: count, at: i, into: &events) }
            if ng < AnchorScanner.maxGroups {
                groups[3 * ng] = n; groups[3 * ng + 1] = groupStart; groups[3 * ng + 2] = separator
                ng += 1
            }
            separator = j == i + 1 ? Int(b) : 255
            n = 0
            groupStart = j
            i = j
        }
        if ng < AnchorScanner.maxGroups {
            groups[3 * ng] = n; groups[3 * ng + 1] = groupStart; groups[3 * ng + 2] = separator
            ng += 1
        }
        if wantDigits {
            digitEvents(p, count: count, groups: groups, ng: ng, end: lastDigit, into: &events)
        }
        if wantDotDigits && dots >= 3 {
            events.dotDigits.append(AnchorEvent(start: start, end: lastDigit))
        }
        if wantUpperDigit {
            if start > 0 && AnchorScanner.isUpper(p[start - 1]) {
                events.upperDigit.append(AnchorEvent(start: start - 1, end: start - 1, digitMask: tokenMask(p, count: count, at: start - 1)))
            }
            let after = lastDigit + 1
            if after < count && AnchorScanner.isUpper(p[after]) {
                events.upperDigit.append(AnchorEvent(start: after, end: after, digitMask: tokenMask(p, count: count, at: after)))
            }
        }
        return lastDigit + 1
    }

    /// Bit n set when the `[A-Z0-9]` token around `i` is n bytes long (63 for longer).
    @inline(__always)
    func tokenMask(_ p: UnsafePointer<UInt8>, count: Int, at i: Int) -> UInt64 {
        var a = i, b = i + 1
        while a > 0 && i - a < 64 && (AnchorScanner.isUpper(p[a - 1]) || AnchorScanner.isDigit(p[a - 1])) { a -= 1 }
        while b < count && b - i < 64 && (AnchorScanner.isUpper(p[b]) || AnchorScanner.isDigit(p[b])) { b += 1 }
        return 1 << UInt64(min(b - a, 63))
    }

    /// Steps back over at most two of ` -.:` (between a country prefix and its number)
    /// from `k`; returns the offset of the byte before them (-1 at the buffer start).
    @inline(__always)
    static func skipPrefixSeparators(_ p: UnsafePointer<UInt8>, from k: Int) -> Int {
        var k = k
        var seps = 0
        while k >= 0 && seps < 2 && (p[k] == 32 || p[k] == 45 || p[k] == 46 || p[k] == 58) { k -= 1; seps += 1 }
        return k
    }

    /// Value of the digits of group `g`.
    @inline(__always)
    static func value(_ p: UnsafePointer<UInt8>, _ groups: UnsafeMutablePointer<Int>, _ g: Int) -> Int {
        var v = 0
        let s = groups[3 * g + 1]
        for k in 0..<groups[3 * g] { v = v * 10 + Int(p[s + k] &- 48) }
        return v
    }

    /// Whether groups `g...g+2` are a date: YYYY-MM-DD or DD-MM-YYYY (also with `.` or `/`).
    @inline(__always)
    static func isDate(_ p: UnsafePointer<UInt8>, _ groups: UnsafeMutablePointer<Int>, _ g: Int, _ ng: Int) -> Bool {
        guard g + 2 < ng else { return false }
        let s1 = groups[3 * (g + 1) + 2], s2 = groups[3 * (g + 2) + 2]
        guard s1 == s2, s1 == 45 || s1 == 46 || s1 == 47 else { return false }
        let (a, b, c) = (groups[3 * g], groups[3 * (g + 1)], groups[3 * (g + 2)])
        func year(_ y: Int) -> Bool { y >= 1900 && y <= 2099 }
        if a == 4 && b == 2 && c == 2 {
            let m = value(p, groups, g + 1), d = value(p, groups, g + 2)
            return year(value(p, groups, g)) && m >= 1 && m <= 12 && d >= 1 && d <= 31
        }
        if a <= 2 && b <= 2 && c == 4 {
            let x = value(p, groups, g), y = value(p, groups, g + 1)
            return year(value(p, groups, g + 2)) && x >= 1 && y >= 1 && x <= 31 && y <= 31 && (x <= 12 || y <= 12)
        }
        return false
    }

    /// Whether the whole cluster is a dotted quad (an IPv4 address, left to `dot_digits`).
    @inline(__always)
    static func isDottedQuad(_ p: UnsafePointer<UInt8>, _ groups: UnsafeMutablePointer<Int>, _ ng: Int) -> Bool {
        guard ng == 4 else { return false }
        for g in 0..<4 {
            if groups[3 * g] > 3 || (g > 0 && groups[3 * g + 2] != 46) || value(p, groups, g) > 255 { return false }
        }
        return true
    }

    /// Records the digits events of a cluster: dates split it (a date is never part of an
    /// identifier), a dotted quad is left to the IPv4 rule, and each remaining part gets
    /// the digit counts of its runs of consecutive groups.
    @inline(__always)
    func digitEvents(_ p: UnsafePointer<UInt8>, count: Int, groups: UnsafeMutablePointer<Int>, ng: Int, end: Int,
                     into events: inout AnchorEvents) {
        if AnchorScanner.isDottedQuad(p, groups, ng) { return }
        var from = 0
        var g = 0
        while g <= ng {
            let date = g < ng && AnchorScanner.isDate(p, groups, g, ng)
            if g == ng || date {
                if g > from { digitPart(p, count: count, groups: groups, from: from, to: g, into: &events) }
                if date { g += 3; from = g; continue }
                break
            }
            g += 1
        }
    }

    /// One event for groups `from..<to`.
    @inline(__always)
    func digitPart(_ p: UnsafePointer<UInt8>, count: Int, groups: UnsafeMutablePointer<Int>, from: Int, to: Int,
                   into events: inout AnchorEvents) {
        var total = 0
        for a in from..<to { total += groups[3 * a] }
        if total < minPlainDigits {
            let k = AnchorScanner.skipPrefixSeparators(p, from: groups[3 * from + 1] - 1)
            guard k >= 0 && AnchorScanner.isUpper(p[k]) else { return }
        }
        var mask: UInt64 = 0
        var firstDigits: UInt16 = 0
        for a in from..<to {
            firstDigits |= 1 << UInt16(p[groups[3 * a + 1]] &- 48)
            var sum = 0
            for b in a..<to {
                sum += groups[3 * b]
                mask |= 1 << UInt64(min(sum, 63))
            }
        }
        guard mask & digitsUnion != 0 else { return }
        let start = groups[3 * from + 1]
        let last = groups[3 * (to - 1) + 1] + groups[3 * (to - 1)] - 1
        // A country prefix: two or three capitals (then at most two of ` -.:`) right before.
        var k = AnchorScanner.skipPrefixSeparators(p, from: start - 1)
        var capitalCount = 0
        while k >= 0 && capitalCount < 5 && AnchorScanner.isUpper(p[k]) { k -= 1; capitalCount += 1 }
        // A second run of capitals one separator further ("AT U12345678", "ES B1234567X").
        if capitalCount > 0 && capitalCount < 4 && k >= 1 && (p[k] == 32 || p[k] == 45 || p[k] == 46) && AnchorScanner.isUpper(p[k - 1]) {
            var j = k - 1
            var more = 0
            while j >= 0 && more + capitalCount < 5 && AnchorScanner.isUpper(p[j]) { j -= 1; more += 1 }
            if more + capitalCount <= 4 && (j < 0 || !AnchorScanner.isLetter(p[j])) {
                var packed: UInt32 = 0
                for c in (j + 1)...(k - 1) { packed = packed << 8 | UInt32(p[c]) }
                for c in (k + 1)..<(k + 1 + capitalCount) { packed = packed << 8 | UInt32(p[c]) }
                capitalCount += more
                k = j
                return appendDigits(start: start, last: last, mask: mask, firstDigits: firstDigits,
                                    capitals: packed, capitalCount: capitalCount, p, count: count, into: &events)
            }
        }
        var capitals: UInt32 = 0
        if capitalCount > 4 || (k >= 0 && AnchorScanner.isLetter(p[k])) {
            capitalCount = 0
        } else {
            for c in 0..<capitalCount { capitals = capitals << 8 | UInt32(p[k + 1 + c]) }
        }
        appendDigits(start: start, last: last, mask: mask, firstDigits: firstDigits,
                     capitals: capitals, capitalCount: capitalCount, p, count: count, into: &events)
    }

    /// Appends one digits event, working out the `+`/`00` lead.
    @inline(__always)
    func appendDigits(start: Int, last: Int, mask: UInt64, firstDigits: UInt16, capitals: UInt32, capitalCount: Int,
                      _ p: UnsafePointer<UInt8>, count: Int, into events: inout AnchorEvents) {
        var plus = start + 1 < count && p[start] == 48 && p[start + 1] == 48
        var q = start - 1
        while !plus && q >= 0 && q >= start - 4 {
            if p[q] == 43 { plus = true }
            q -= 1
        }
        events.digits.append(AnchorEvent(start: start, end: last, digitMask: mask,
                                         firstDigits: firstDigits, capitals: capitals, capitalCount: capitalCount, plusBefore: plus))
    }
}
