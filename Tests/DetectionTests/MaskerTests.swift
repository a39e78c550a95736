import XCTest
@testable import Detection

final class MaskerTests: XCTestCase {
    func testMasks() {
        let cases: [(String, String, String)] = [
            ("anna@example.pt", "email", "a***@e***.pt"),
            ("192.0.2.17", "ipv4", "192.*.*.17"),
            ("2001:db8::1", "ipv6", "2001:*:*:1"),
            ("PT509670610", "vat_id.pt", "PT*******10"),
            ("+351912345678", "phone", "+3*********78"),
            ("1234", "x", "1***"),
        ]
        for (value, kind, expected) in cases {
            XCTAssertEqual(Masker.mask(value, kind: kind), expected, value)
            XCTAssertFalse(Masker.mask(value, kind: kind).contains(value), "mask never holds the value")
        }
    }
}
