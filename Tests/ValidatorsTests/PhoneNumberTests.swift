import XCTest
import Validators

/// `PhoneNumber.e164`: numbers formatted as people write them, against phonenumbers' answers, and junk.
final class PhoneNumberTests: XCTestCase {
    func testFabricatedNumbersMatchPhonenumbers() throws {
        let cases = try Fixtures.load("phone_vectors.json", as: Fixtures.PhoneCases.self)
        XCTAssertGreaterThan(cases.valid.count, 200)
        for c in cases.valid {
            XCTAssertEqual(PhoneNumber.e164(c.raw, defaultRegion: c.region), c.e164, "\(c.raw) in \(c.region ?? "-")")
        }
    }

    func testJunkGivesNil() throws {
        let cases = try Fixtures.load("phone_vectors.json", as: Fixtures.PhoneCases.self)
        XCTAssertGreaterThan(cases.invalid.count, 30)
        for c in cases.invalid {
            XCTAssertNil(PhoneNumber.e164(c.raw, defaultRegion: c.region), "\(c.raw) in \(c.region ?? "-"): \(c.why ?? "")")
        }
    }

    func testTheAgreedExamples() {
        let cases: [(String, String?, String?)] = [
            ("+351 912 345 678", nil, "+351912345678"),
            ("+351912345678", "PT", "+351912345678"),
            ("912 345 678", "PT", "+351912345678"),
            ("(201) 555-0123", "US", "+12015550123"),
            ("1 (201) 555-0123", "US", "+12015550123"),
            ("011 44 20 7946 0000", "US", "+442079460000"),
            ("070-123 45 67", "SE", "+46701234567"),
            ("+460480362000", nil, "+46480362000"),
            ("+46 (0)480 362000", nil, "+46480362000"),
            ("+44 (0)20 7946 0000", nil, "+442079460000"),
            ("0049 30 123456", nil, "+4930123456"),
            ("0049 30 123456", "DE", "+4930123456"),
            ("06 12 34 56 78", "FR", "+33612345678"),
            ("06.12.34.56.78", "fr", "+33612345678"),
            ("+39 06 6988 1234", nil, "+390669881234"),    // Italy keeps the 0
            ("+39 (0)6 6988 1234", nil, "+390669881234"),
            ("8 (495) 123-45-67", "RU", "+74951234567"),
            ("+7 495 123 45 67", nil, "+74951234567"),
            ("(+44) 20 7946 0000", nil, "+442079460000"),
            ("+49\u{00A0}30\u{00A0}123456", nil, "+4930123456"),
        ]
        for (raw, region, expected) in cases {
            XCTAssertEqual(PhoneNumber.e164(raw, defaultRegion: region), expected, "\(raw) in \(region ?? "-")")
        }
    }

    func testNationalFormsNeedARegionAndItsTrunkPrefix() {
        XCTAssertNil(PhoneNumber.e164("030 123456", defaultRegion: nil))
        XCTAssertNil(PhoneNumber.e164("30 123456", defaultRegion: "DE"), "German national numbers are written with 0")
        XCTAssertEqual(PhoneNumber.e164("495 123 45 67", defaultRegion: "RU"), "+74951234567", "Russia's 8 is optional")
        XCTAssertEqual(PhoneNumber.e164("201 555 0123", defaultRegion: "US"), "+12015550123", "NANP's 1 is optional")
        XCTAssertNil(PhoneNumber.e164("912 345 678", defaultRegion: "BR"), "no plan for Brazil's national forms")
        XCTAssertEqual(PhoneNumber.e164("+55 11 91234 5678", defaultRegion: nil), "+5511912345678", "but its international form")
    }

    func testNANPShape() {
        XCTAssertEqual(PhoneNumber.e164("(555) 234-5678", defaultRegion: "US"), "+15552345678", "any area code of the right shape")
        XCTAssertNil(PhoneNumber.e164("(555) 123-4567", defaultRegion: "US"), "exchange codes never start with 1")
        XCTAssertNil(PhoneNumber.e164("(155) 234-5678", defaultRegion: "US"), "area codes never start with 1")
        XCTAssertNil(PhoneNumber.e164("+1 055 234 5678", defaultRegion: nil))
    }

    func testOtherCountryCodesByTheirNumberLengths() {
        XCTAssertEqual(PhoneNumber.e164("+358 40 123 4567", defaultRegion: nil), "+358401234567")
        XCTAssertEqual(PhoneNumber.e164("+41 (0)44 668 18 00", defaultRegion: nil), "+41446681800")
        XCTAssertEqual(PhoneNumber.e164("+43 01 5551234", defaultRegion: nil), "+4315551234", "Austria's trunk 0 dropped")
        XCTAssertEqual(PhoneNumber.e164("+45 32 12 34 56", defaultRegion: nil), "+4532123456", "Denmark: no trunk prefix")
        XCTAssertNil(PhoneNumber.e164("+358 1234", defaultRegion: nil), "Finnish numbers have 5-12 digits")
        XCTAssertNil(PhoneNumber.e164("+358 1234 5678 9012 3", defaultRegion: nil), "over 15 digits in all")
        XCTAssertEqual(PhoneNumber.e164("+290 2345", defaultRegion: nil), "+2902345", "Saint Helena: 4-5 digits")
        XCTAssertNil(PhoneNumber.e164("+28 1234 5678", defaultRegion: nil), "28 is not an assigned code")
    }

    func testMalformedText() {
        for raw in ["", "+", "++351912345678", "+351 912 345 678 ext 2", "+351 (912 345 678", "+351) 912 345 678",
                    "tel:+351912345678", "+351_912_345_678", String(repeating: "9", count: 200), "+351 912 345 678 +1"] {
            XCTAssertNil(PhoneNumber.e164(raw, defaultRegion: "PT"), raw)
        }
    }
}

extension PhoneNumberTests {
    func testRandomTextGivesNilOrAnE164Number() {
        var generator = SplitMix64(seed: 164)
        let alphabet = Array("0123456789   +()-./\u{00A0}x")
        let regions: [String?] = [nil, "PT", "DE", "US", "IT", "RU", "xx"]
        var converted = 0
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 30)
            let raw = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let region = regions[Int(generator.next() % UInt64(regions.count))]
            guard let e164 = PhoneNumber.e164(raw, defaultRegion: region) else { continue }
            converted += 1
            XCTAssertTrue(e164.hasPrefix("+"), raw)
            XCTAssertTrue(e164.dropFirst().allSatisfy(\.isASCII) && e164.dropFirst().allSatisfy(\.isNumber), raw)
            XCTAssertLessThanOrEqual(e164.count, 16, raw)
            XCTAssertEqual(PhoneNumber.e164(e164, defaultRegion: nil), e164, "E.164 output reads back as itself: \(raw)")
            XCTAssertFalse(raw.contains("x"), raw)
        }
        XCTAssertGreaterThan(converted, 0, "some random digit strings are phone numbers")
    }
}
