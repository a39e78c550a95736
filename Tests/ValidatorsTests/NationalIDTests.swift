import XCTest
import Validators

/// Personal identity and tax numbers, hand-written cases (all numbers fabricated).
final class NationalIDTests: XCTestCase {
    func check(_ name: String, _ cases: [(String, Bool)], file: StaticString = #filePath, line: UInt = #line) {
        let validator = Validators.named(name)!
        for (value, expected) in cases {
            XCTAssertEqual(validator.check(value), expected, "\(name)(\(value))", file: file, line: line)
        }
    }

    func testPortugueseNIFIsForPeopleAndNIPCForAnyone() {
        check("pt_nif", [
            ("147280389", true), ("455711771", true),
            ("539624594", false),   // a company: valid NIPC, not a personal NIF
            ("477412157", false),   // 47 is not issued
            ("147280380", false), ("14728038", false),
        ])
        check("pt_nipc", [
            ("147280389", true), ("455711771", true), ("539624594", true),
            ("477412157", false), ("539624595", false), ("039624594", false),
        ])
    }

    func testSpanishDNIAndNIE() {
        check("es_dni", [("23911974R", true), ("23911974T", false), ("2391197R", false), ("X2329394T", false)])
        check("es_nie", [("X2329394T", true), ("Z3018608R", true), ("X2329394R", false), ("W2329394T", false), ("23911974R", false)])
    }

    func testSwedishPersonnummer() {
        check("se_personnummer", [
            ("8507095001", true),       // YYMMDDNNNC
            ("198507094749", true),     // YYYYMMDDNNNC
            ("8507697558", true),       // coordination number: day 09 + 60
            ("200002293959", true),     // 29 February 2000
            ("0002293736", true),       // 29 February of a year 00: real in 2000
            ("190002295376", false),    // 1900 was no leap year
            ("8502301313", false),      // 30 February, though Luhn passes
            ("8507095002", false),      // Luhn fails
            ("85070950011", false), ("850709500", false),
        ])
    }

    func testUSSocialSecurityNumber() {
        check("us_ssn", [
            ("536224719", true),
            ("000224719", false), ("666224719", false), ("936224719", false),
            ("536004719", false), ("536220000", false),
            ("078051120", false), ("219099999", false), ("457555462", false),
            ("53622471", false),
        ])
    }

    func testDutchBSN() {
        check("nl_bsn", [("528084148", true), ("528084149", false), ("000000000", false), ("52808414", false)])
    }

    func testItalianCodiceFiscale() {
        check("it_codice_fiscale", [
            ("RSSMRA85T10A562S", true),
            ("RSSMRA85T50A562W", true),     // a woman: day + 40
            ("RSSMRA85T10A56NH", true),     // omocodia: last digit replaced by its letter
            ("RSSMRAURTMLARSNL", true),     // every numeric position substituted
            ("RSSMRA85T10A562T", false),    // wrong control letter
            ("RSSMRA85B30A562G", false),    // 30 February (control letter right)
            ("RSSMRA85Z10A562S", false),    // Z is no month letter
            ("30186050065", true),          // numeric form (partita IVA rules)
            ("30186050060", false),
        ])
    }

    func testFrenchNIR() {
        check("fr_nir", [
            ("291127536338782", true),
            ("185012A85253836", true),      // Corsica 2A counts as 19
            ("272122B88539378", true),      // Corsica 2B counts as 18
            ("185012B85253836", false),
            ("291127536338783", false),
            ("991127536338782", false),     // 9 is no sex digit
            ("29112753633878", false),
        ])
    }

    func testUKNationalInsuranceNumber() {
        check("uk_nino", [
            ("AB123456C", true), ("JG103759A", true),
            ("DA123456C", false), ("AF123456C", false), ("AO123456C", false), ("OA123456C", true),
            ("BG123456C", false), ("GB123456C", false), ("NK123456C", false), ("KN123456C", false),
            ("TN123456C", false), ("NT123456C", false), ("ZZ123456C", false),
            ("AB123456E", false), ("AB123456", false), ("AB12345XC", false),
        ])
    }

    func testGermanSteuerID() {
        check("de_steuer_id", [
            ("86741352961", true),      // one digit (6) twice
            ("86764135968", true),      // 6 three times, never three in a row
            ("86664135971", false),     // 6 three times in a row (python-stdnum accepts it)
            ("86741352962", false),     // wrong check digit
            ("12345678903", false),     // no repeated digit
            ("11234567884", false),     // two digits repeated
            ("11112345679", false),     // one digit four times
            ("06741352961", false),     // starts with 0
        ])
    }
}
