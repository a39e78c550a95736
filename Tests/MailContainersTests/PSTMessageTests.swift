@testable import MailContainers
import Mail
@testable import PST
import XCTest

/// PST items written as messages survive the round trip through the MIME parser.
final class PSTMessageTests: XCTestCase {
    func testRoundTrip() {
        var inner = PSTItem(folderPath: ["Inbox"], index: 1, kind: .message)
        inner.subject = "inner"
        inner.plainBody = "inner.body@example.org"
        var item = PSTItem(folderPath: ["Top", "Inbox"], index: 3, kind: .contact)
        item.subject = "Müller, Anna\r\nBcc: injected@example.com"
        item.senderName = "\"Silva\", Rui <x>"
        item.senderAddress = "rui@example.pt>\nX: y"
        item.internetMessageID = "<abc@example.invalid>"
        item.recipients = [.init(name: "Jörg Schäfer", address: "joerg@example.de"), .init(name: nil, address: "b@example.com")]
        item.rtfBody = Array(#"{\rtf1\ansi{\fonttbl{\f0 Arial;}}Call J\'f6rg on +49 30 1234567\par}"#.utf8)
        item.fields = [("Email address", "anna.mueller@example.de"), ("0x8027", "second@example.de")]
        item.attachments = [
            .init(name: "Lebenslauf Jörg.docx", data: [0x50, 0x4B, 0x03, 0x04], truncated: false, embedded: []),
            .init(name: nil, data: Array("--trawl-pst-part-0-7f3a--\n".utf8), truncated: false, embedded: []),
            .init(name: "fwd.msg", data: [], truncated: false, embedded: [inner]),
        ]
        let m = MIMEParser().parse(PSTMessage.bytes(for: item))
        XCTAssertEqual(m.problems, [])
        XCTAssertEqual(m.messageID, "abc@example.invalid")
        XCTAssertEqual(m.subject, "Müller, Anna  Bcc: injected@example.com")
        XCTAssertFalse(m.headerText.contains("\nBcc:"), "a line break in a subject stays inside its line")
        XCTAssertEqual(m.displayNames.first, "\"Silva\", Rui <x>")
        XCTAssertTrue(m.addresses.contains("joerg@example.de"))
        XCTAssertEqual(MessageHandler.itemLabel(m), "contact")
        XCTAssertEqual(m.bodies.count, 1)
        XCTAssertTrue(m.bodies[0].text.contains("Call Jörg on +49 30 1234567"))
        XCTAssertTrue(m.bodies[0].text.contains("Email address: anna.mueller@example.de\n0x8027: second@example.de\n"))
        XCTAssertEqual(m.attachments.map(\.name), ["Lebenslauf Jörg.docx", "part-4", "fwd.msg"])
        XCTAssertEqual(m.attachments[0].data, [0x50, 0x4B, 0x03, 0x04])
        XCTAssertEqual(String(decoding: m.attachments[1].data, as: UTF8.self), "--trawl-pst-part-0-7f3a--\n")
        let nested = MIMEParser().parse(m.attachments[2].data)
        XCTAssertEqual(nested.subject, "inner")
        XCTAssertEqual(nested.bodies.first?.text, "inner.body@example.org\n")
    }
}
