import XCTest
import Validators

/// The `vat_*` validators: one fabricated number per country with and without its prefix, plus each
/// country's special forms. Numbers are synthetic; python-stdnum agrees with every verdict here except
/// where a comment says trawl is stricter.
final class VATNumberTests: XCTestCase {
    /// Name, country prefix, a valid bare number, the same with a wrong check character, and one character too long.
    let basics: [(name: String, prefix: String, valid: String, wrongCheck: String, tooLong: String)] = [
        ("vat_at", "AT", "U26800183", "U26800180", "U268001830"),
        ("vat_be", "BE", "1323022887", "1323022880", "13230228870"),
        ("vat_bg", "BG", "3234310940", "3234310941", "32343109400"),
        ("vat_ch", "CHE", "230107885", "230107880", "2301078850"),
        ("vat_cy", "CY", "07841471B", "07841471A", "07841471B0"),
        ("vat_cz", "CZ", "6208190296", "6208190290", "62081902960"),
        ("vat_de", "DE", "899453256", "899453250", "8994532560"),
        ("vat_dk", "DK", "39229412", "39229410", "392294120"),
        ("vat_ee", "EE", "103604743", "103604740", "1036047430"),
        ("vat_el", "EL", "462228990", "462228991", "4622289900"),
        ("vat_es", "ES", "J23186828", "J23186820", "J231868280"),
        ("vat_fi", "FI", "34827516", "34827510", "348275160"),
        ("vat_fr", "FR", "87363332925", "87363332920", "873633329250"),
        ("vat_gb", "GB", "154323193", "154323190", "1543231930"),
        ("vat_hr", "HR", "83653980429", "83653980420", "836539804290"),
        ("vat_hu", "HU", "88757467", "88757460", "887574670"),
        ("vat_ie", "IE", "8146496S", "8146496A", "8146496S0"),
        ("vat_it", "IT", "30186050065", "30186050060", "301860500650"),
        ("vat_lt", "LT", "886392211", "886392210", "8863922110"),
        ("vat_lu", "LU", "92603175", "92603170", "926031750"),
        ("vat_lv", "LV", "57985825337", "57985825330", "579858253370"),
        ("vat_mt", "MT", "39512633", "39512630", "395126330"),
        ("vat_nl", "NL", "019857378B01", "019857378B00", "019857378B010"),
        ("vat_no", "NO", "934323599", "934323590", "9343235990"),
        ("vat_pl", "PL", "6324195726", "6324195720", "63241957260"),
        ("vat_pt", "PT", "901443018", "901443010", "9014430180"),
        ("vat_ro", "RO", "2420827225980", "2420827225981", "24208272259800"),
        ("vat_se", "SE", "539845539301", "539845539300", "5398455393010"),
        ("vat_si", "SI", "80547656", "80547650", "805476560"),
        ("vat_sk", "SK", "1675079285", "1675079280", "16750792850"),
    ]

    func testEachCountryWithAndWithoutPrefix() throws {
        XCTAssertEqual(basics.count, 30)
        for row in basics {
            let check = try XCTUnwrap(Validators.named(row.name), row.name).check
            XCTAssertTrue(check(row.valid), "\(row.name) bare")
            XCTAssertTrue(check(row.prefix + row.valid), "\(row.name) prefixed")
            XCTAssertFalse(check(row.wrongCheck), "\(row.name) wrong check")
            XCTAssertFalse(check(row.prefix + row.wrongCheck), "\(row.name) prefixed wrong check")
            XCTAssertFalse(check(row.tooLong), "\(row.name) too long")
            XCTAssertFalse(check(row.prefix + row.prefix + row.valid), "\(row.name) doubled prefix")
            XCTAssertFalse(check("XX" + row.valid), "\(row.name) foreign prefix")
        }
    }

    func check(_ name: String, _ cases: [(String, Bool)], file: StaticString = #filePath, line: UInt = #line) {
        let validator = Validators.named(name)!
        for (value, expected) in cases {
            XCTAssertEqual(validator.check(value), expected, "\(name)(\(value))", file: file, line: line)
        }
    }

    func testAustriaNeedsTheU() {
        check("vat_at", [("ATU26800183", true), ("AT26800183", false), ("26800183", false)])
    }

    func testBelgiumOldNineDigitsAndLeadingDigit() {
        check("vat_be", [("0159010912", true), ("281590109", true), ("BE281590109", true), ("2159010912", false)])
    }

    func testGreeceTakesELAndGR() {
        check("vat_el", [("EL462228990", true), ("GR462228990", true), ("GB462228990", false), ("99528907", true)])
    }

    func testSpainAllForms() {
        check("vat_es", [
            ("23911974R", true),    // DNI
            ("X2329394T", true),    // NIE
            ("Z3018608R", true),
            ("K4922283F", true),    // K/L/M numbers use the DNI letter
            ("B42560631", true),    // CIF with a check digit
            ("P8582708G", true),    // CIF with a check letter
            ("ESB42560631", true),
            ("I42560631", false),   // I is not an organisation letter
            ("23911974T", false),
        ])
    }

    func testFranceNumericAndAlphabeticKeys() {
        check("vat_fr", [
            ("44732829320", true), ("FR44732829320", true), ("45732829320", false),
            ("0E732829320", true), ("1E732829320", true), ("0F732829320", false),
            ("44732829321", false),  // SIREN fails Luhn
            ("4I732829320", false),  // I is not in the key alphabet
        ])
    }

    func testUnitedKingdomSeriesAndGovernmentForms() {
        check("vat_gb", [
            ("154323193", true),      // weighted sum mod 97 = 0
            ("123667122", true),      // 9755 series: remainder 42
            ("246563210", true),      // remainder 55
            ("046563213", false),     // 42 is only allowed from 100 upwards
            ("154323193001", true),   // branch trader suffix
            ("XI154323193", true),    // Northern Ireland prefix
            ("GD123", true), ("GD500", false), ("HA500", true), ("HA499", false),
            ("GD888812326", true), ("GD888812327", false), ("HA888865068", true), ("GBHA888865068", true),
        ])
    }

    func testNetherlandsBothChecks() {
        check("vat_nl", [
            ("462042078B01", true),     // 11-test on the 9 digits
            ("435643316B87", true),     // MOD 97-10 over NL + number (sole traders)
            ("NL435643316B87", true),
            ("435643316B88", false),
            ("462042078B00", false),    // branch 00
            ("462042078C01", false),
            ("000000000B01", false),
        ])
    }

    func testNorwayMVASuffix() {
        check("vat_no", [
            ("922330794", true), ("922330794MVA", true), ("NO922330794MVA", true),
            ("922330795", false), ("922330794MV", false), ("MVA", false),
        ])
    }

    func testSwitzerlandCHEAndSuffixes() {
        check("vat_ch", [
            ("CHE244026856", true), ("244026856", true), ("CHE244026856MWST", true), ("CHE244026856TVA", true),
            ("CHE244026856IVA", true), ("CHE244026856TPV", true), ("CHE244026856XYZ", false),
            ("CHE244026857", false), ("CH244026856", false), ("MWST", false),
        ])
    }

    func testPortugalLeadingDigits() {
        check("vat_pt", [
            ("539624594", true), ("455711771", true), ("PT539624594", true),
            ("477412157", false),  // checksum fine, but 47 is no issued block (python-stdnum does not look)
        ])
    }
}
