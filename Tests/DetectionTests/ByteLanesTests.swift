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
}
