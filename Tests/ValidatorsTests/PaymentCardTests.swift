import XCTest
import Validators

/// `luhn`, `payment_card` and `imei`, hand-written cases (scheme test numbers published for integration testing).
final class PaymentCardTests: XCTestCase {
    func check(_ name: String, _ cases: [(String, Bool)], file: StaticString = #filePath, line: UInt = #line) {
        let validator = Validators.named(name)!
        for (value, expected) in cases {
            XCTAssertEqual(validator.check(value), expected, "\(name)(\(value))", file: file, line: line)
        }
    }

    func testLuhn() {
        check("luhn", [
            ("79927398713", true),
            ("79927398710", false),   // wrong check digit
            ("18", true),             // shortest: two digits
            ("8", false),             // one digit is not enough
            ("7992739871X", false),   // not all digits
            ("1234567812345670", true),
            ("1234567812345678", false),
        ])
    }

    func testPaymentCardIssuers() {
        check("payment_card", [
            ("4111111111111111", true),   // Visa 16
            ("4222222222222", true),      // Visa 13
            ("5555555555554444", true),   // Mastercard 51-55
            ("2223003122003222", true),   // Mastercard 2221-2720
            ("378282246310005", true),    // American Express
            ("6011111111111117", true),   // Discover
            ("30569309025904", true),     // Diners 300-305, 14 digits
            ("38520000023237", true),     // Diners 38
            ("3530111333300000", true),   // JCB
            ("6200000000000005", true),   // UnionPay
        ])
    }

    func testPaymentCardRejects() {
        check("payment_card", [
            ("4111111111111112", false),      // Luhn fails
            ("1234567812345670", false),      // Luhn passes, but no issuer starts with 1
            ("411111111111116", false),       // Visa prefix, 15 digits is not a Visa length
            ("3782822463100050", false),      // Amex prefix with 16 digits
            ("555555555555444", false),       // too short for Mastercard
            ("27210000000000004", false),     // 2721 is past the Mastercard 2-series
            ("41111111111", false),           // under 13 digits
            ("41111111111111111111", false),  // over 19 digits
        ])
    }

    func testIMEI() {
        check("imei", [
            ("490154203237518", true),
            ("490154203237519", false),   // wrong check digit
            ("49015420323751", false),    // 14 digits: no check digit to test
            ("4901542032375180", false),  // 16 digits (IMEISV has no check digit)
            ("000000000000000", false),   // all zeros passes Luhn but is no device
        ])
    }
}
