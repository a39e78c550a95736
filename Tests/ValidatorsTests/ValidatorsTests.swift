import XCTest
import Validators

/// The registry as a whole: names, the fabricated vectors, and behaviour on input that is not normalised.
final class ValidatorsTests: XCTestCase {
    static let expectedNames: Set<String> = [
        "luhn", "payment_card", "imei", "iban",
        "vat_at", "vat_be", "vat_bg", "vat_cy", "vat_cz", "vat_de", "vat_dk", "vat_ee", "vat_el", "vat_es",
        "vat_fi", "vat_fr", "vat_hr", "vat_hu", "vat_ie", "vat_it", "vat_lt", "vat_lu", "vat_lv", "vat_mt",
        "vat_nl", "vat_pl", "vat_pt", "vat_ro", "vat_se", "vat_si", "vat_sk", "vat_gb", "vat_no", "vat_ch",
        "pt_nif", "pt_nipc", "es_dni", "es_nie", "se_personnummer", "us_ssn", "nl_bsn", "it_codice_fiscale",
        "fr_nir", "uk_nino", "de_steuer_id",
    ]

    func testRegistryHasExactlyTheAgreedNames() {
        XCTAssertEqual(Set(Validators.registry.keys), Self.expectedNames)
        for (key, validator) in Validators.registry {
            XCTAssertEqual(validator.name, key)
        }
    }

    func testNamedLooksUpAndMissesUnknownNames() {
        XCTAssertEqual(Validators.named("vat_pt")?.name, "vat_pt")
        XCTAssertNil(Validators.named("vat_xx"))
        XCTAssertNil(Validators.named(""))
        XCTAssertNil(Validators.named("VAT_PT"))
    }

    func testEveryValidatorHasFabricatedVectors() throws {
        let vectors = try Fixtures.validatorVectors()
        XCTAssertEqual(Set(vectors.keys), Self.expectedNames)
        for (name, cases) in vectors {
            XCTAssertGreaterThanOrEqual(cases.valid.count, 20, name)
            XCTAssertGreaterThanOrEqual(cases.invalid.count, 20, name)
        }
    }

    func testFabricatedVectors() throws {
        for (name, cases) in try Fixtures.validatorVectors() {
            let validator = try XCTUnwrap(Validators.named(name), name)
            for value in cases.valid {
                XCTAssertTrue(validator.check(value), "\(name) should accept \(value)")
            }
            for value in cases.invalid {
                XCTAssertFalse(validator.check(value), "\(name) should reject \(value)")
            }
        }
    }

    func testOnlyNormalisedTextIsAccepted() throws {
        for (name, cases) in try Fixtures.validatorVectors() {
            let check = try XCTUnwrap(Validators.named(name)).check
            for value in cases.valid {
                XCTAssertFalse(check(value + "é"), "\(name): non-ASCII")
                XCTAssertFalse(check("é" + value), "\(name): non-ASCII")
                XCTAssertFalse(check(value + " "), "\(name): separator left in")
                XCTAssertFalse(check(" " + value), "\(name): separator left in")
                if value.contains(where: { $0.isLetter }) {
                    XCTAssertFalse(check(value.lowercased()), "\(name): lowercase \(value)")
                }
            }
        }
    }

    func testDegenerateInputIsRejected() {
        let inputs = [
            "", " ", "0", "00", "-", "\u{0}", "é", "🇵🇹", String(repeating: "9", count: 100_000),
            String(repeating: "0", count: 65), String(repeating: "A", count: 1_000), "ATU", "CHE", "NO", "GB", "EL",
        ]
        for (name, validator) in Validators.registry {
            for input in inputs where !(name == "luhn" && input == "00") {
                XCTAssertFalse(validator.check(input), "\(name) accepted \(input.prefix(20))")
            }
        }
        XCTAssertTrue(Validators.named("luhn")!.check("00"), "two zeros are a Luhn-valid pair")
    }

    func testRandomTextNeverCrashesAndLowercaseNeverPasses() {
        var generator = SplitMix64(seed: 0x7472_6177_6C00)
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefxyz+*-./ é\u{0}ü中")
        for (name, validator) in Validators.registry {
            for _ in 0..<2_000 {
                let length = Int(generator.next() % 40)
                let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
                let accepted = validator.check(text)
                if text.contains(where: { $0.isLowercase || !$0.isASCII }) {
                    XCTAssertFalse(accepted, "\(name) accepted \(text)")
                }
            }
        }
    }
}

/// A small seeded generator, so the random inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
