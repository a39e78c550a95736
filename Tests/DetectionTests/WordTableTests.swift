import XCTest
@testable import Detection

/// The hashed word table behind the name scanner: folding, the one-read fast path, classes.
final class WordTableTests: XCTestCase {
    func classes(_ table: WordTable, _ word: String, padded: Bool) -> WordClass {
        let bytes = Array(word.utf8) + (padded ? Array("        tail".utf8) : [])
        return bytes.withUnsafeBufferPointer { table.lookup($0.baseAddress!, 0, word.utf8.count, readable: bytes.count) }
    }

    func testLookupFoldsCaseInEveryScriptAndBothPathsAgree() {
        let table = WordTable([("ana", .given), ("Costa", .surname), ("costa", .notName), ("Åsa", .given),
                               ("ÉLODIE", .given), ("сократ", .given), ("Łukasz", .given), ("contact person", .label)])
        for padded in [false, true] {
            XCTAssertEqual(classes(table, "Ana", padded: padded), .given)
            XCTAssertEqual(classes(table, "ANA", padded: padded), .given)
            XCTAssertEqual(classes(table, "COSTA", padded: padded), [.surname, .notName])
            XCTAssertEqual(classes(table, "åsa", padded: padded), .given)
            XCTAssertEqual(classes(table, "Élodie", padded: padded), .given)
            XCTAssertEqual(classes(table, "Сократ", padded: padded), .given)
            XCTAssertEqual(classes(table, "łukasz", padded: padded), .given)
            XCTAssertEqual(classes(table, "Contact Person", padded: padded), .label)
            XCTAssertEqual(classes(table, "Anna", padded: padded), [])
            XCTAssertEqual(classes(table, "An", padded: padded), [])
        }
    }

    func testCapitalsOfEachScript() {
        for (text, capital) in [("Ana", true), ("ana", false), ("Élodie", true), ("élodie", false), ("Łukasz", true),
                                ("łukasz", false), ("Сократ", true), ("сократ", false), ("Σελήνη", true), ("σελήνη", false), ("×", false)] {
            let bytes = Array(text.utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { WordTable.isCapital($0.baseAddress!, 0, bytes.count) }, capital, text)
        }
    }
}
