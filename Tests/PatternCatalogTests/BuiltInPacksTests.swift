import Detection
import PatternCatalog
import TestSupport
import XCTest

/// Every rule file is its own test: each example goes through the whole detector.
final class BuiltInPacksTests: XCTestCase {
    func testEveryExampleOfEveryBuiltInRuleBehaves() throws {
        let catalog = try Catalog.load(directories: [RepoPaths.patterns])
        let detector = try Detector(catalog: catalog)
        let (failures, count) = PatternChecker.check(detector: detector)
        XCTAssertGreaterThan(catalog.rules.count, 40, "the built-in packs cover every kind of the scanner core")
        XCTAssertGreaterThan(count, catalog.rules.count * 4, "each rule has at least two examples and two negatives")
        XCTAssertEqual(failures.map(\.description), [])
    }

    func testEveryKindMapsToOneCategory() throws {
        let catalog = try Catalog.load(directories: [RepoPaths.patterns])
        for rule in catalog.rules {
            XCTAssertEqual(catalog.category(forKind: rule.kind), rule.category, rule.id)
        }
    }

    func testCoreKindsAreAllCovered() throws {
        let kinds = Set(try Catalog.load(directories: [RepoPaths.patterns]).rules.map(\.kind))
        var expected: Set<String> = ["email", "phone", "ipv4", "ipv6", "iban", "payment_card", "mac_address", "imei"]
        for cc in ["at", "be", "bg", "cy", "cz", "de", "dk", "ee", "gr", "es", "fi", "fr", "hr", "hu", "ie", "it", "lt",
                   "lu", "lv", "mt", "nl", "pl", "pt", "ro", "se", "si", "sk", "gb", "no", "ch"] {
            expected.insert("vat_id.\(cc)")
        }
        for id in ["pt_nif", "es_dni", "es_nie", "se_personnummer", "us_ssn", "nl_bsn", "it_codice_fiscale", "fr_nir", "uk_nino", "de_steuer_id"] {
            expected.insert("national_id.\(id)")
        }
        XCTAssertEqual(expected.subtracting(kinds).sorted(), [])
    }
}
