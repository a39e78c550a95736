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

    func testNameCandidatesAreCapitalsAndTwoByteLeads() {
        let text = Array("aZ\u{00C9}\u{00E9}Ж x.Ab".utf8)   // a Z É é Ж space x . A b
        var bytes = [UInt8](repeating: 0x20, count: 8)
        for (k, b) in text.prefix(8).enumerated() { bytes[k] = b }
        let x = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        let flags = NameScanner.candidates(x)
        let lanes = (0..<8).filter { flags & (0x80 << UInt64(8 * $0)) != 0 }
        // Z (1), the lead of É (2), the lead of é (4: C3 is a lead for both), the lead of Ж (6).
        XCTAssertEqual(lanes, [1, 2, 4, 6])
    }

    /// The candidate test may flag more bytes than the scanner starts at (it checks the byte
    /// found), but never fewer: every ASCII capital and every lead 0xC3...0xD0 is flagged, and
    /// small ASCII letters, spaces and continuation bytes never are.
    func testNameCandidatesCoverEveryCapitalLeadAndSkipSmallLettersAndContinuations() {
        for byte in 0...255 {
            for lane in 0..<8 {
                var x = UInt64(0x2020_2020_2020_2020)
                x &= ~(0xFF << UInt64(8 * lane))
                x |= UInt64(byte) << UInt64(8 * lane)
                let flagged = NameScanner.candidates(x) & (0x80 << UInt64(8 * lane)) != 0
                if (0x41...0x5A).contains(byte) || (0xC3...0xD0).contains(byte) {
                    XCTAssertTrue(flagged, "byte \(byte) lane \(lane)")
                }
                if (0x61...0x7A).contains(byte) || (0x80...0xBF).contains(byte) || byte == 0x20 || byte < 0x41 {
                    XCTAssertFalse(flagged, "byte \(byte) lane \(lane)")
                }
                XCTAssertEqual(NameScanner.candidates(x) & ~(0x80 << UInt64(8 * lane)), 0, "only the changed lane")
            }
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
