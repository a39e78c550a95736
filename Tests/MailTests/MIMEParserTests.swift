@testable import Mail
import XCTest

final class MIMEParserTests: XCTestCase {
    func parse(_ text: String, limits: MailLimits = MailLimits()) -> MailMessage {
        MIMEParser(limits: limits).parse(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    static let nested = """
    From: =?UTF-8?B?QW5uYSBNw7xsbGVy?= <anna@example.de>
    To: "Silva, Rui" <rui@example.pt>, bob@example.com
    Cc: =?iso-8859-1?Q?Ren=E9e_Dupont?= <renee@example.fr>
    Subject: =?utf-8?q?Bewerbung_J=C3=B6rg?=
    Date: Mon, 2 Sep 2024 10:00:00 +0200
    Message-ID: <abc.123@example.de>
    Received: from mx.example.de (192.0.2.7)
    X-Originating-IP: [198.51.100.23]
    DKIM-Signature: v=1; a=rsa-sha256; b=QUJDREVGR0g=
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="outer"

    preamble is not scanned
    --outer
    Content-Type: multipart/alternative; boundary=inner

    --inner
    Content-Type: text/plain; charset=iso-8859-1
    Content-Transfer-Encoding: quoted-printable

    Sch=F6ne Gr=FC=DFe, ruf an: +49 30 1234567, mail anna.m=
    ueller@example.de
    --inner
    Content-Type: text/html; charset=utf-8
    Content-Transfer-Encoding: base64

    PHA+SGVsbG8gPGI+d29ybGQ8L2I+PC9wPg==
    --inner--
    --outer
    Content-Type: application/zip
    Content-Disposition: attachment; filename*=UTF-8''Lebensl%C3%A4ufe.zip
    Content-Transfer-Encoding: base64

    UEsDBA==
    --outer
    Content-Type: image/png
    Content-Transfer-Encoding: base64

    iVBORw0K
    --outer
    Content-Type: message/rfc822

    From: x@example.com
    Subject: inner

    inner body
    --outer
    Content-Type: text/plain; name="notes.txt"

    attached text
    --outer--
    epilogue
    """

    func testNestedMessage() {
        let m = parse(Self.nested)
        XCTAssertEqual(m.problems, [])
        XCTAssertEqual(m.headerText, """
        From: Anna Müller <anna@example.de>
        To: "Silva, Rui" <rui@example.pt>, bob@example.com
        Cc: Renée Dupont <renee@example.fr>
        Subject: Bewerbung Jörg
        Date: Mon, 2 Sep 2024 10:00:00 +0200
        X-Originating-IP: [198.51.100.23]

        """)
        XCTAssertEqual(m.displayNames, ["Anna Müller", "Silva, Rui", "Renée Dupont"])
        XCTAssertEqual(m.addresses, ["anna@example.de", "rui@example.pt", "bob@example.com", "renee@example.fr"])
        XCTAssertEqual(m.subject, "Bewerbung Jörg")
        XCTAssertEqual(m.messageID, "abc.123@example.de")
        XCTAssertEqual(m.bodies.map(\.kind), [.plain, .html])
        XCTAssertEqual(m.bodies[0].text, "Schöne Grüße, ruf an: +49 30 1234567, mail anna.mueller@example.de")
        XCTAssertEqual(m.bodies[1].text, "<p>Hello <b>world</b></p>")
        // Parts are numbered in document order, containers included: 1 mixed, 2 alternative,
        // 3 plain, 4 html, 5 zip, 6 png, 7 rfc822, 8 notes.
        XCTAssertEqual(m.attachments.map(\.name), ["Lebensläufe.zip", "part-6", "part-7", "notes.txt"])
        XCTAssertEqual(m.attachments.map(\.contentType), ["application/zip", "image/png", "message/rfc822", "text/plain"])
        XCTAssertEqual(m.attachments[0].data, [0x50, 0x4B, 0x03, 0x04])
        XCTAssertEqual(String(decoding: m.attachments[2].data, as: UTF8.self), "From: x@example.com\r\nSubject: inner\r\n\r\ninner body")
        XCTAssertEqual(String(decoding: m.attachments[3].data, as: UTF8.self), "attached text")
        XCTAssertNil(m.partialReason)
        XCTAssertTrue(m.text { $0 }.contains("anna.mueller@example.de"))
    }

    func testSinglePartAndLFOnly() {
        let m = MIMEParser().parse(Array("Subject: hi\nFrom: a@example.com\n\nline one\nline two\n".utf8))
        XCTAssertEqual(m.bodies.map(\.text), ["line one\nline two\n"])
        XCTAssertEqual(m.headerText, "From: a@example.com\nSubject: hi\n")
    }

    func testUnknownCharsetGivesNoteNotProblem() {
        let m = parse("From: a@example.com\nContent-Type: text/plain; charset=x-martian\n\nMüller")
        XCTAssertEqual(m.notes, ["unknown_charset"])
        XCTAssertNil(m.partialReason)
        XCTAssertEqual(m.bodies.first?.text, "Müller")
    }

    func testMissingClosingBoundaryIsTruncated() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nlast words anna@example.pt")
        XCTAssertEqual(m.partialReason, "truncated")
        XCTAssertEqual(m.bodies.first?.text, "last words anna@example.pt")
    }

    func testInvalidBase64() {
        let m = parse("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nYW5uYUBl!!!eGFtcGxlLnB0")
        XCTAssertEqual(m.partialReason, "invalid_base64")
        XCTAssertEqual(m.bodies.first?.text, "anna@example.pt")
    }

    func testTooManyParts() {
        var s = "Content-Type: multipart/mixed; boundary=b\n\n"
        for i in 0..<5000 { s += "--b\nContent-Type: text/plain\n\npart \(i)\n" }
        s += "--b--\n"
        let m = parse(s)
        XCTAssertEqual(m.partialReason, "mime_parts")
        XCTAssertEqual(m.bodies.count, 1023) // the container is part 1
        XCTAssertEqual(m.bodies.last?.text, "part 1022")
    }

    func testDeepNesting() {
        var s = ""
        for i in 0..<1000 { s += "Content-Type: multipart/mixed; boundary=b\(i)\n\n--b\(i)\n" }
        s += "Content-Type: text/plain\n\ndeep anna@example.pt\n"
        let m = parse(s)
        XCTAssertEqual(m.partialReason, "mime_depth")
        XCTAssertTrue(m.text { $0 }.contains("deep anna@example.pt"))
    }

    func testNoBoundaryParameterReadsBodyAsText() {
        let m = parse("Content-Type: multipart/mixed\n\nhello anna@example.pt")
        XCTAssertEqual(m.bodies.first?.text, "hello anna@example.pt")
    }

    func testUnsafeFileNames() {
        XCTAssertEqual(MIMEParser.safeName("../../etc/passwd"), "passwd")
        XCTAssertEqual(MIMEParser.safeName("C:\\Users\\x\\cv.doc"), "cv.doc")
        XCTAssertEqual(MIMEParser.safeName("a\u{1B}[31mb.txt"), "a[31mb.txt")
        XCTAssertNil(MIMEParser.safeName(".."))
        XCTAssertNil(MIMEParser.safeName("dir/"))
    }

    func testMessageCap() {
        let m = MIMEParser(limits: MailLimits(maxMessageBytes: 100)).parse(Array(("Subject: x\n\n" + String(repeating: "a", count: 500)).utf8))
        XCTAssertEqual(m.partialReason, "too_large")
        XCTAssertEqual(m.bodies.first?.text.count, 88)
    }
}
