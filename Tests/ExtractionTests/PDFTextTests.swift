import Extraction
import Foundation
import XCTest

final class PDFTextTests: XCTestCase {
    /// A one-page PDF with two text lines (Helvetica, WinAnsi), built by hand.
    static func pdf(_ lines: [String]) -> [UInt8] {
        let content = "BT /F1 11 Tf 50 750 Td 14 TL\n" + lines.map { "(\($0)) Tj T*\n" }.joined() + "ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    func testExtractsTextFromMemoryWithFormFeedsBetweenPages() throws {
        try XCTSkipIf(PDFText.executable == nil, "pdftotext not installed")
        let bytes = Self.pdf(["Name: Anna Berg", "Email: anna.berg@example.com"])
        let outcome = bytes.withUnsafeBytes { PDFText.run(.memory($0), timeout: 20, maxOutput: 1 << 20, encryptedHint: false) }
        XCTAssertEqual(outcome, .text("Name: Anna Berg\nEmail: anna.berg@example.com\n\n\u{0C}", truncated: false))
    }

    func testOutputCap() throws {
        try XCTSkipIf(PDFText.executable == nil, "pdftotext not installed")
        let bytes = Self.pdf((0..<40).map { "line \($0) with some words to fill the page" })
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
