import XCTest
@testable import Validators

/// `iban`: the length table and hand-written cases (the registry's documentation examples).
final class IBANTests: XCTestCase {
    let iban = Validators.named("iban")!

    func testDocumentationExamples() {
        for value in [
            "GB82WEST12345698765432", "DE89370400440532013000", "NL91ABNA0417164300",
            "FR1420041010050500013M02606", "PT50000201231234567890154", "CH9300762011623852957",
            "NO9386011117947", "ES9121000418450200051332", "IT60X0542811101000000123456",
            "SE4550000000058398257466", "AT611904300234573201", "PL61109010140000071219812874",
        ] {
            XCTAssertTrue(iban.check(value), value)
        }
    }

    func testRejects() {
        for value in [
            "GB82WEST12345698765431",     // check digits do not match
            "GB82WEST1234569876543",      // one short for GB
            "GB82WEST123456987654321",    // one long for GB
            "XX82WEST12345698765432",     // no such country
            "NL91ABNA041716430O",         // letter O where the account digits go
            "GB8WWEST12345698765432",     // check digits must be digits
            "gb82west12345698765432",     // not uppercased
            "GB00WEST12345698765432",     // 00 can never be right
        ] {
            XCTAssertFalse(iban.check(value), value)
        }
    }

    func testLengthTableCoversSEPA() {
        let expected = [
            "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
            "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
            "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31,
            "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
        ]
        for (country, length) in expected {
            XCTAssertEqual(IBAN.layouts[country]?.length, length, country)
        }
        XCTAssertEqual(IBAN.layouts.count, 89)
        XCTAssertEqual(IBAN.layouts["RU"]?.length, 33, "the longest in use; ISO 13616 allows up to 34")
        XCTAssertTrue(IBAN.layouts.values.allSatisfy { (15...34).contains($0.length) })
    }
}
