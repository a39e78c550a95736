import XCTest
@testable import Detection

/// The prefilter's summaries of number clusters and the other anchors.
final class AnchorScannerTests: XCTestCase {
    private func events(_ text: String, minPlainDigits: Int = 0) -> AnchorEvents {
        var scanner = AnchorScanner()
        scanner.wantAt = true
        scanner.wantColon = true
        scanner.wantDotDigits = true
        scanner.wantDigits = true
        scanner.wantUpperDigit = true
        scanner.wantHexPair = true
        scanner.minPlainDigits = minPlainDigits
        var events = AnchorEvents()
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { scanner.scan($0.baseAddress!, count: $0.count, from: 0, to: $0.count, into: &events) }
        return events
    }

    private func counts(_ mask: UInt64) -> [Int] { (0..<64).filter { mask & (1 << UInt64($0)) != 0 } }

    func testDigitCountsOfEveryRunOfGroups() {
        let e = events("order 2023 509 670 610 done").digits
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(counts(e[0].digitMask), [3, 4, 6, 7, 9, 10, 13], "the 9-digit run inside the cluster is seen")
    }

    func testDatesSplitClustersAndDottedQuadsAreLeftToIPv4() {
        let log = events("2024-03-01 03:24:33 from 192.0.2.17 ok")
        XCTAssertEqual(log.digits.map { counts($0.digitMask) }, [[2], [2], [2]],
                       "the date is dropped, its hour stays; the IP gives no digits event")
        XCTAssertEqual(log.dotDigits.count, 1)
        XCTAssertEqual(events("born 01.03.1985 tel 0612345678").digits.map { counts($0.digitMask) }, [[10]])
    }

    func testCapitalPrefixesIncludingTwoRuns() {
        let e = events("VAT PT 509670610, ATU12345678, AT U73389371 and Order 4711").digits
        func prefix(_ ev: AnchorEvent) -> String {
            String(decoding: (0..<ev.capitalCount).map { UInt8(truncatingIfNeeded: ev.capitals >> UInt32(8 * (ev.capitalCount - 1 - $0))) }, as: UTF8.self)
        }
        XCTAssertEqual(e.map(prefix), ["PT", "ATU", "ATU", ""])
    }

    func testPlusLeadAndFirstDigits() {
        let e = events("+351 912 345 678 or 0049 30 1234567 or 912").digits
        XCTAssertEqual(e.map(\.plusBefore), [true, true, false])
        XCTAssertEqual(e[0].firstDigits, 1 << 3 | 1 << 9 | 1 << 6)
    }

    func testShortClustersWithoutCapitalsEndEarly() {
        XCTAssertTrue(events("page 12 of 300", minPlainDigits: 6).digits.isEmpty)
        XCTAssertEqual(events("IE 12", minPlainDigits: 6).digits.count, 1)
    }

    func testColonRunsNeedThreeColonsOrAHexLetter() {
        XCTAssertTrue(events("at 12:34:56 ok").colon.isEmpty)
        XCTAssertFalse(events("from 2001:db8::1 ok").colon.isEmpty)
        XCTAssertFalse(events("from 1:2:3:4:5:6:7:8 ok").colon.isEmpty)
    }

    func testMACShapesAndTokens() {
        XCTAssertEqual(events("mac 00:1A:2B:3C:4D:5E up").hexPair.count, 1)
        XCTAssertEqual(events("mac 00-1a-2b-3c-4d-5e up").hexPair.count, 1)
        XCTAssertEqual(events("mac 0023.ebd4.1c7f up").hexPair.count, 1)
        XCTAssertTrue(events("time 12:34:56 and 1-2-3").hexPair.isEmpty)
        let iban = events("IBAN DE89370400440532013000 and paper A4").upperDigit
        XCTAssertEqual(iban.map { counts($0.digitMask) }, [[22], [2]])
    }

    func testEightByteSkipFindsEveryCandidateByte() {
        for byte in UInt8(0)...UInt8(255) {
            let word = UInt64(byte) << 24
            let expected = byte > 0x2C && byte < 0x41
            XCTAssertEqual(AnchorScanner.candidates(word) != 0, expected, "byte \(byte)")
        }
        XCTAssertEqual(events(String(repeating: "abcdefgh ", count: 20) + "x@example.com").at.count, 1)
    }
}
