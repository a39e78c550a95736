import Extraction
import Foundation
import TestSupport
import XCTest

final class PDFTextTests: XCTestCase {
    func testExtractsTextFromMemoryWithFormFeedsBetweenPages() throws {
        try XCTSkipIf(PDFText.executable == nil, "pdftotext not installed")
        let bytes = PDFFixture.make(pages: [["Name: Anna Berg", "Email: anna.berg@example.com"]])
        let outcome = bytes.withUnsafeBytes { PDFText.run(.memory($0), timeout: 20, maxOutput: 1 << 20, encryptedHint: false) }
        XCTAssertEqual(outcome, .text("Name: Anna Berg\nEmail: anna.berg@example.com\n\n\u{0C}", truncated: false))
    }

    func testOutputCap() throws {
        try XCTSkipIf(PDFText.executable == nil, "pdftotext not installed")
        let bytes = PDFFixture.make(pages: [(0..<40).map { "line \($0) with some words to fill the page" }])
        let outcome = bytes.withUnsafeBytes { PDFText.run(.memory($0), timeout: 20, maxOutput: 100, encryptedHint: false) }
        guard case .text(let text, truncated: true) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(text.utf8.count, 100)
    }

    func testUnreadablePDFWithEncryptInTrailerIsEncrypted() throws {
        try XCTSkipIf(PDFText.executable == nil, "pdftotext not installed")
        let bytes = Array("%PDF-1.4\n1 0 obj garbage\ntrailer\n<< /Size 2 /Encrypt 1 0 R >>\n%%EOF\n".utf8)
        let hint = bytes.withUnsafeBytes { PDFText.trailerNamesEncrypt($0) }
        XCTAssertTrue(hint)
        let outcome = bytes.withUnsafeBytes { PDFText.run(.memory($0), timeout: 20, maxOutput: 1 << 20, encryptedHint: hint) }
        XCTAssertEqual(outcome, .encrypted)
    }

    func testGarbageFails() throws {
        try XCTSkipIf(PDFText.executable == nil, "pdftotext not installed")
        let bytes = Array("%PDF-1.4\nnothing here\n".utf8)
        let outcome = bytes.withUnsafeBytes { PDFText.run(.memory($0), timeout: 20, maxOutput: 1 << 20, encryptedHint: false) }
        guard case .failed = outcome else { return XCTFail("\(outcome)") }
    }
}
