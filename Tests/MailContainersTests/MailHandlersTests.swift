import Containers
import Foundation
@testable import MailContainers
import TestSupport
import XCTest

/// The mail handlers inside the container framework, over the committed corpus.
final class MailHandlersTests: XCTestCase {
    func rel(_ s: String) -> String { s.replacingOccurrences(of: RepoPaths.root + "/", with: "") }

    func testCorpusLocationsStatusesAndDocuments() {
        let (recorder, collector) = scanMail([RepoPaths.root + "/Corpus/mail", RepoPaths.root + "/Corpus/pst"])
        let statuses = Dictionary(collector.results.map { (rel($0.location), $0.status.description) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(statuses.count, collector.results.count, "each object reported once")
        // Every object completes except the password-protected store, which is read in full.
        XCTAssertEqual(statuses.filter { $0.value != "complete" }, ["Corpus/pst/passworded.pst": "partial(password_protected)"])
        // mbox messages are message-N, attachments by name, zip members below them.
        XCTAssertEqual(statuses.keys.filter { $0.hasPrefix("Corpus/mail/hr-2024.mbox!/message-") && !$0.dropFirst(34).contains("!") }.count, 27)
        XCTAssertNotNil(statuses["Corpus/mail/eml/nested-zip.eml!/bewerbungen.zip!/inner/cvs-2024.zip!/cv-gerold-patberg.txt"])
        XCTAssertNotNil(statuses["Corpus/mail/eml/forwarded.eml!/part-3!/cv-dominique-le-roux.txt"])
        XCTAssertNotNil(statuses["Corpus/mail/hr-2024.mbox!/message-2!/Lebensläufe-de.zip"])
        XCTAssertNotNil(statuses["Corpus/pst/dist-list.pst!/Top of Personal Folders/Contacts/message-2"])
        // One document.correspondence per message, PST items included, none for attachments.
        let docs = collector.findings.filter { $0.kind == "document.correspondence" }
        XCTAssertEqual(docs.count, 27 + 8 + 7 + 9) // mbox, Maildir, .eml (with the forwarded one), PST items
        XCTAssertTrue(docs.allSatisfy { $0.category == "communications.correspondence" })
        XCTAssertFalse(docs.contains { $0.location.hasSuffix(".txt") || $0.location.hasSuffix(".zip") })
        // Masked previews say what the object is, nothing personal.
        let masked = Set(docs.map(\.masked))
        XCTAssertTrue(masked.contains("message: 2 recipients, 1 attachment"), "\(masked)")
        XCTAssertTrue(masked.contains("contact: 0 recipients"))
        XCTAssertFalse(masked.contains { $0.contains("@") })
        // The decoded text: RFC 2047 names, QP soft breaks joined, HTML stripped.
        let m2 = recorder.text[RepoPaths.root + "/Corpus/mail/hr-2024.mbox!/message-2"] ?? ""
        XCTAssertTrue(m2.hasPrefix("From: "))
        XCTAssertFalse(m2.contains("<p>"))
        XCTAssertFalse(m2.contains("=?"))
        let contact = recorder.text[RepoPaths.root + "/Corpus/pst/dist-list.pst!/Top of Personal Folders/Contacts/message-2"] ?? ""
        XCTAssertTrue(contact.contains("contact1@rjohnson.id.au"))
        let appointment = recorder.text[RepoPaths.root + "/Corpus/pst/dist-list.pst!/Top of Personal Folders/Calendar/message-1"] ?? ""
        XCTAssertTrue(appointment.contains("This is a complete test"))
    }

    func testMaildirCountsEachFileOnceAndSkipsNothing() {
        let (_, collector) = scanMail([RepoPaths.root + "/Corpus/mail/Maildir"])
        let messages = collector.results.filter { !$0.location.contains("!/") && !$0.location.hasSuffix(".keep") }
        XCTAssertEqual(messages.count, 8)
        XCTAssertEqual(collector.findings.filter { $0.kind == "document.correspondence" }.count, 8)
    }

    /// A PST attached to a message is opened from memory (libbfio memory range).
    func testPSTAttachedToAMessage() throws {
        let dir = try TempDir("pst-in-mail")
        defer { dir.remove() }
        let pst = try Data(contentsOf: URL(fileURLWithPath: RepoPaths.root + "/Corpus/pst/dist-list.pst"))
        let eml = "From: a@example.com\nTo: b@example.com\nSubject: archive\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee attached\n--b\nContent-Type: application/vnd.ms-outlook\nContent-Disposition: attachment; filename=old.pst\nContent-Transfer-Encoding: base64\n\n"
            + pst.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]) + "\n--b--\n"
        try dir.write("with-pst.eml", eml)
        let (recorder, collector) = scanMail([dir.path])
        let status = collector.statuses
        XCTAssertEqual(status[dir.path + "/with-pst.eml"], "complete")
        XCTAssertEqual(status[dir.path + "/with-pst.eml!/old.pst"], "complete")
        let contact = dir.path + "/with-pst.eml!/old.pst!/Top of Personal Folders/Contacts/message-2"
        XCTAssertEqual(status[contact], "complete")
        XCTAssertTrue((recorder.text[contact] ?? "").contains("contact1@rjohnson.id.au"))
    }
}

/// Sniffing by content, with the name as a tie-break only.
final class MessageSniffTests: XCTestCase {
    func sniff(_ text: String, _ name: String) -> String? {
        Array(text.utf8).withUnsafeBytes { MessageHandler().sniff(prefix: $0, name: name)?.name }
    }

    func testSniff() {
        let sparse = "Subject: hi\n\nbody"
        XCTAssertNil(sniff(sparse, "notes.txt"))
        XCTAssertEqual(sniff(sparse, "message-12"), "eml")
        XCTAssertEqual(sniff(sparse, "saved.EML"), "eml")
        XCTAssertEqual(sniff(sparse, "1725264000.M1P4242.mail.example.org:2,S"), "eml")
        XCTAssertNil(sniff(sparse, "2024.report.txt"))
        XCTAssertNil(sniff("plain words\n", "message-3"))
        XCTAssertEqual(sniff("Received: from x\nFrom: a@example.com\n\nb", "anything.bin"), "eml")
        XCTAssertNil(sniff("From a@example.com Mon Sep  2 10:00:00 2024\nFrom: a@example.com\n\nb", "box"), "an mbox is the mbox handler's")
        XCTAssertTrue(MessageHandler.isMessageName("message-1"))
        XCTAssertFalse(MessageHandler.isMessageName("message-"))
        XCTAssertFalse(MessageHandler.isMessageName("message-1a"))
    }
}
