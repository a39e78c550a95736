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
}
