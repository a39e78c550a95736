import XCTest
@testable import PCRE2

final class CompiledPatternTests: XCTestCase {
    private func firstMatch(_ pattern: String, _ text: String, from start: Int = 0,
                            options: PatternOptions = []) throws -> Match? {
        let compiled = try CompiledPattern(pattern, options: options, context: "testing")
        let scratch = MatchScratch()
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { try compiled.firstMatch(in: $0.baseAddress!, length: $0.count, from: start, scratch: scratch) }
    }

    func testFindsGroupAndWholeMatch() throws {
        let m = try XCTUnwrap(firstMatch(#"id=(\d+)"#, "x id=42 y"))
        XCTAssertEqual(m.range, 2..<7)
        XCTAssertEqual(m.group, 5..<7)
    }

    func testNoMatchReturnsNil() throws {
        XCTAssertNil(try firstMatch(#"\d{3}"#, "ab 12 cd"))
    }

    func testLookBehindSeesBytesBeforeStart() throws {
        // Starting the search at offset 3 must still see the digit before it.
        XCTAssertNil(try firstMatch(#"(?<!\d)(\d{2})(?!\d)"#, "1234", from: 2))
        XCTAssertNotNil(try firstMatch(#"(?<!\d)(\d{2})(?!\d)"#, "a 34", from: 2))
    }

    func testInvalidUTF8NextToAMatchDoesNotHideIt() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        bytes += Array("anna@example.pt".utf8)
        bytes += [0xC3]
        let compiled = try CompiledPattern(#"([a-z]+@[a-z]+\.[a-z]{2,})"#, context: "testing")
        let m = try bytes.withUnsafeBufferPointer {
            try compiled.firstMatch(in: $0.baseAddress!, length: $0.count, from: 0, scratch: MatchScratch())
        }
        XCTAssertEqual(m?.group, 2..<17)
    }

    func testCompileErrorCarriesMessageAndOffset() {
        XCTAssertThrowsError(try CompiledPattern("ab(c", context: "compiling rule demo.1")) { error in
            let e = error as! PCRE2Error
            XCTAssertEqual(e.offset, 4)
            XCTAssertEqual(e.description, "pcre2: missing closing parenthesis at offset 4 - while compiling rule demo.1")
        }
    }

    func testMatchLimitIsReportedAsError() throws {
        let compiled = try CompiledPattern(#"(a+)+$"#, context: "testing")
        let scratch = MatchScratch(matchLimit: 1_000)
        let text = Array(String(repeating: "a", count: 40).utf8) + [UInt8(ascii: "!")]
        XCTAssertThrowsError(try text.withUnsafeBufferPointer {
            try compiled.firstMatch(in: $0.baseAddress!, length: $0.count, from: 0, scratch: scratch)
        }) { error in
            XCTAssertEqual((error as! PCRE2Error).code, -47)
        }
    }

    func testCaselessOption() throws {
        XCTAssertNotNil(try firstMatch("(vat)", "VAT", options: .caseless))
        XCTAssertNil(try firstMatch("(vat)", "VAT"))
    }
}
