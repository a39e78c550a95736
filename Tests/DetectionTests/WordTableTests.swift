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

    /// The short-word hash taken in the caller equals the out-of-line one, for random ASCII
    /// words of every short length (a word in the table is found both ways).
    func testInlineShortHashEqualsTheFullHash() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-'.".utf8)
        for _ in 0..<5_000 {
            let n = Int.random(in: 1...7, using: &rng)
            let word = (0..<n).map { _ in letters.randomElement(using: &rng)! }
            let padded = word + Array("  tail  ".utf8)
            let full = word.withUnsafeBufferPointer { WordTable.hash($0.baseAddress!, 0, n) }
            padded.withUnsafeBufferPointer { buf in
                let mask: UInt64 = (1 << UInt64(8 * n)) &- 1
                let x = UnsafeRawPointer(buf.baseAddress!).loadUnaligned(as: UInt64.self) & mask
                XCTAssertEqual(WordTable.shortHash(x, n, mask), full, String(decoding: word, as: UTF8.self))
            }
            let table = WordTable([(String(decoding: word, as: UTF8.self), .given)])
            XCTAssertEqual(padded.withUnsafeBufferPointer { table.lookup($0.baseAddress!, 0, n, readable: $0.count) }, .given)
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
