import Crypto
import XCTest
@testable import Detection

final class FingerprinterTests: XCTestCase {
    func testMatchesHMACSHA256() {
        for key in [[UInt8](repeating: 7, count: 32), Array("short".utf8), [UInt8](repeating: 1, count: 100)] {
            let f = Fingerprinter(key: key)
            for value in ["anna@example.pt", "PT509670610", ""] {
                let mac = HMAC<SHA256>.authenticationCode(for: Array(value.utf8), using: SymmetricKey(data: key))
                XCTAssertEqual(f.fingerprint(value), "hmac-sha256:" + Fingerprinter.hex(Array(mac)))
            }
        }
    }

    func testDifferentKeysGiveDifferentFingerprints() {
        let a = Fingerprinter(key: [UInt8](repeating: 1, count: 32)).fingerprint("x@example.com")
        let b = Fingerprinter(key: [UInt8](repeating: 2, count: 32)).fingerprint("x@example.com")
        XCTAssertNotEqual(a, b)
    }

    /// The cache answers exactly what the fingerprinter does, through hash collisions of
    /// its slots, its reset when full, and values that differ only past eight bytes.
    func testCacheAgreesWithTheFingerprinterThroughResets() {
        let f = Fingerprinter(key: [UInt8](repeating: 3, count: 32))
        var cache = FingerprintCache(capacity: 50)
        var values = (0..<400).map { "name\($0 % 137)@example.com" }
        values += ["Anna Maria Silva", "Anna Maria Silvb", "", "\u{E9}l\u{E8}ve", "12345678", "123456789"]
        for _ in 0..<3 {
            for v in values { XCTAssertEqual(cache.fingerprint(v, with: f), f.fingerprint(v), v) }
        }
    }
}
