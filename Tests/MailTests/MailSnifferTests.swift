@testable import Mail
import TestSupport
import XCTest

final class MailSnifferTests: XCTestCase {
    func testSniff() {
        let cases: [(String, MailSniffer.Format?)] = [
            ("From a@example.com Mon Sep  2 10:00:00 2024\nFrom: a@example.com\n", .mbox),
            ("From: Anna <a@example.com>\nTo: b@example.com\nSubject: x\nDate: Mon, 2 Sep 2024\n\nbody", .message),
            ("Received: from x\nMessage-ID: <1@x>\n\n", .message),
            ("Return-Path: <a@x>\r\nFrom: a@x\r\n\r\n", .message),
            ("MIME-Version: 1.0\nContent-Type: text/plain\nFrom: x@y\n\n", .message),
            ("Subject: only one\n\nbody", nil),
            ("From: a\nhello world, this is prose\n", nil),
            ("name,email\nAnna,a@example.com\n", nil),
            ("From here on it is prose.\n", nil),
            ("!BDN\u{0}\u{0}", .pst),
        ]
        for (text, want) in cases { XCTAssertEqual(MailSniffer.sniff(Array(text.utf8)), want, text) }
    }

    func testMaildirListing() throws {
        let dir = try TempDir("maildir")
        defer { dir.remove() }
        try dir.write("box/tmp/.keep", "")
        try dir.write("box/new/1700000002.M2.host", "Subject: b\n\n")
        try dir.write("box/cur/1700000001.M1.host:2,S", "Subject: a\n\n")
        try dir.write("box/cur/1700000002.M2.host:2,", "Subject: b moved\n\n")
        XCTAssertTrue(Maildir.isMaildir(dir.path + "/box"))
        XCTAssertFalse(Maildir.isMaildir(dir.path))
        let names = Maildir.listing(at: dir.path + "/box").map { String($0.dropFirst(dir.path.count + 5)) }
        XCTAssertEqual(names, ["cur/1700000002.M2.host:2,", "cur/1700000001.M1.host:2,S"])
        XCTAssertTrue(Maildir.isInDeliveryDirectory(dir.path + "/box/tmp/x"))
        XCTAssertFalse(Maildir.isInDeliveryDirectory(dir.path + "/box/cur/x"))
    }
}
