@testable import Mail
import Foundation
import XCTest

final class HeaderTests: XCTestCase {
    func testEncodedWords() {
        let cases: [(String, String)] = [
            ("=?UTF-8?B?QW5uYSBNw7xsbGVy?= <anna@example.de>", "Anna Müller <anna@example.de>"),
            ("=?iso-8859-1?Q?J=F6rg_Sch=E4fer?=", "Jörg Schäfer"),
            ("=?utf-8?q?Ren=C3=A9e?= =?utf-8?q?_Dupont?=", "Renée Dupont"),          // adjacent words joined
            ("=?UTF-8?B?w6k=?= =?UTF-8?B?w6g=?=", "éè"),
            ("=?UTF-8?B?4oKs?=", "€"),
            ("=?windows-1250?Q?=A3ukasz?= Nowak", "Łukasz Nowak"),
            ("=?koi8-x-unknown?Q?Ivan?=", "Ivan"),                                  // unknown charset: lenient
            ("=?utf-8?X?bad?= plain", "=?utf-8?X?bad?= plain"),                     // bad encoding kept
            ("no words here", "no words here"),
            ("=?UTF-8*en?Q?Hi?=", "Hi"),                                            // RFC 2231 language suffix
        ]
        for (input, want) in cases { XCTAssertEqual(EncodedWords.decode(input), want, input) }
        // 4 bytes of the Euro sign in two words above: the split word pair must decode.
        XCTAssertEqual(EncodedWords.decode("=?utf-8?Q?=E2=82?= =?utf-8?Q?=AC?="), "€")
    }

    func testHeaderUnfoldingAndEnd() {
        let text = "From x@example.com Mon Sep  2 10:00:00 2024\r\nFrom: Anna\r\n Müller <anna@example.de>\r\nSubject: a\r\n\tb\r\nTo: b@example.com\r\n\r\nbody"
        let bytes = Array(text.utf8)
        let (h, body) = MessageHeader.parse(bytes, from: 0, to: bytes.count, maxBytes: 1 << 20)
        XCTAssertEqual(h.first("from")?.decoded, "Anna Müller <anna@example.de>")
        XCTAssertEqual(h.first("SUBJECT")?.decoded, "a b")
        XCTAssertEqual(h.first("to")?.text, "b@example.com")
        XCTAssertEqual(h.fields.count, 3)
        XCTAssertEqual(String(decoding: bytes[body...], as: UTF8.self), "body")
    }

    func testHeaderCap() {
        var bytes = Array("Subject: ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        bytes += Array("\nTo: b@example.com\n\nbody text".utf8)
        let (h, body) = MessageHeader.parse(bytes, from: 0, to: bytes.count, maxBytes: 1 << 20)
        XCTAssertTrue(h.truncated)
        XCTAssertEqual(String(decoding: bytes[body...], as: UTF8.self), "body text")
    }

    func testParameters() {
        let cases: [(String, String, [String: String])] = [
            ("multipart/mixed; boundary=\"=_a b\"", "multipart/mixed", ["boundary": "=_a b"]),
            ("Text/Plain; charset=ISO-8859-1; format=flowed", "text/plain", ["charset": "ISO-8859-1", "format": "flowed"]),
            ("attachment; filename*=UTF-8''Lebenslauf%20J%C3%B6rg.pdf", "attachment", ["filename": "Lebenslauf Jörg.pdf"]),
            ("attachment; filename*0*=iso-8859-1'de'Bewerbung%20; filename*1=\"M\\\"u.txt\"", "attachment", ["filename": "Bewerbung M\"u.txt"]),
            ("attachment; filename*1=\"part2.doc\"; filename*0=\"cv-\"", "attachment", ["filename": "cv-part2.doc"]),
            ("attachment; filename=\"=?UTF-8?B?Y3Zfw6lsb2TDrWUuZG9jeA==?=\"", "attachment", ["filename": "cv_élodíe.docx"]),
            ("attachment; filename*=windows-1250''%A3ukasz.txt", "attachment", ["filename": "Łukasz.txt"]),
            ("inline", "inline", [:]),
        ]
        for (input, value, params) in cases {
            let p = HeaderParameters(raw: Array(input.utf8))
            XCTAssertEqual(p.value, value, input)
            XCTAssertEqual(p.parameters, params, input)
        }
    }

    func testAddressList() {
        let list = AddressList.parse("\"Müller, Anna\" <anna@example.de>, Bob Smith <bob@example.com>, carl@example.org (Carl Zeiss), dora@example.net, Team: eve@example.com, Fred <f@example.com>;")
        XCTAssertEqual(list.map(\.name), ["Müller, Anna", "Bob Smith", "Carl Zeiss", nil, nil, "Fred"])
        XCTAssertEqual(list.map(\.address), ["anna@example.de", "bob@example.com", "carl@example.org", "dora@example.net", "eve@example.com", "f@example.com"])
    }

    func testHeaderWithoutBlankLineOrWithoutFields() {
        for (text, want, fields) in [("Content-Type: text/plain\nhello anna@example.pt\n", "hello anna@example.pt\n", 1),
                                     ("hello anna@example.pt\n", "hello anna@example.pt\n", 0),
                                     ("\nbody only", "body only", 0)] {
            let bytes = Array(text.utf8)
            let (h, body) = MessageHeader.parse(bytes, from: 0, to: bytes.count, maxBytes: 1 << 20)
            XCTAssertEqual(h.fields.count, fields, text)
            XCTAssertEqual(String(decoding: bytes[body...], as: UTF8.self), want, text)
        }
        let m = MIMEParser().parse(Array("Content-Type: multipart/mixed; boundary=b\n\n--b\nno headers anna@example.pt\n--b--\n".utf8))
        XCTAssertEqual(m.bodies.map(\.text), ["no headers anna@example.pt"])
    }

    func testHundredThousandFoldedLines() {
        var text = "Subject: start"
        for i in 0..<100_000 { text += "\r\n folded \(i)" }
        text += "\r\nTo: b@example.com\r\n\r\nbody"
        let bytes = Array(text.utf8)
        let started = Date()
        let m = MIMEParser().parse(bytes)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(m.partialReason, "header_too_large")
        XCTAssertEqual(m.bodies.map(\.text), ["body"])
        XCTAssertLessThanOrEqual(m.subject?.utf8.count ?? 0, 1 << 20)
    }
}
