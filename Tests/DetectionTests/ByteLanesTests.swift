import CByteScan
import XCTest
@testable import Detection

/// The eight-bytes-at-once tests against a byte-by-byte reference, on random words.
final class ByteLanesTests: XCTestCase {
    func testBetweenMatchesTheScalarTestOnEveryLane() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let x = UInt64.random(in: .min ... .max, using: &rng)
            for (m, n, highSet) in [(UInt64(0x2C), UInt64(0x41), false), (0x40, 0x5B, false), (0x42, 0x51, true), (0x60, 0x7B, false)] {
                var expected: UInt64 = 0
                for k in 0..<8 {
                    let b = UInt64((x >> UInt64(8 * k)) & 0xFF)
                    let low = b & 0x7F
                    if low > m && low < n && (b >= 0x80) == highSet { expected |= 0x80 << UInt64(8 * k) }
                }
                XCTAssertEqual(ByteLanes.between(x, m, n, highSet: highSet), expected, String(x, radix: 16))
            }
        }
    }

    /// The sixteen-byte capital classifier against the scalar rule, for every byte pair at
    /// every lane: A-Z, the leads 0xC4...0xD0, and 0xC3 before 0x80...0x9E are flagged; no
    /// other lane is (the filler, `a`, never is).
    func testCapitalStartsMatchTheScalarRuleForEveryPairAndLane() {
        func expected(_ b: UInt8, _ c: UInt8) -> Bool {
            (0x41...0x5A).contains(b) || (0xC4...0xD0).contains(b) || (b == 0xC3 && (0x80...0x9E).contains(c))
        }
        var buffer = [UInt8](repeating: 0x61, count: 17)
        for lane in 0..<16 {
            for b in 0...255 {
                for c in 0...255 {
                    buffer[lane] = UInt8(b)
                    buffer[lane + 1] = UInt8(c)
                    let flags = buffer.withUnsafeBufferPointer { trawl_capital_starts16($0.baseAddress!) }
                    var want: UInt32 = expected(UInt8(b), UInt8(c)) ? 1 << UInt32(lane) : 0
                    // The second byte is itself a lane (unless it is the seventeenth byte).
                    if lane + 1 < 16 && expected(UInt8(c), 0x61) { want |= 1 << UInt32(lane + 1) }
                    if flags != want { XCTFail("lane \(lane) bytes \(b) \(c): \(String(flags, radix: 2))"); return }
                }
            }
            buffer[lane] = 0x61
            buffer[lane + 1] = 0x61
        }
    }

    /// The eight-at-a-time searches of the name scanner against byte-by-byte loops, on
    /// random buffers dense in `@`, newlines and their neighbours (0x3F, 0x41, 0x09, 0x0B).
    func testNewlineAndAtSearchesMatchByteLoops() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x40, 0x0A, 0x3F, 0x41, 0x09, 0x0B, 0x61, 0x20, 0xC3, 0x80, 0x00, 0xFF]
        for _ in 0..<5_000 {
            let n = Int.random(in: 0...40, using: &rng)
            let bytes = (0..<n).map { _ in Int.random(in: 0..<4, using: &rng) == 0 ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0x61...0x7A, using: &rng) }
            bytes.withUnsafeBufferPointer { b in
                let p = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
                for from in stride(from: 0, through: n, by: 3) {
                    for to in stride(from: from, through: n, by: 5) {
                        var first = from
                        while first < to && p[first] != 64 && p[first] != 10 { first += 1 }
                        XCTAssertEqual(NameScanner.firstAtOrNewline(p, from: from, to: to), first, "\(bytes) \(from)..<\(to)")
                        XCTAssertEqual(NameScanner.hasNewline(p, from: from, to: to), bytes[from..<to].contains(10), "\(bytes) \(from)..<\(to)")
                    }
                }
            }
        }
    }
}
