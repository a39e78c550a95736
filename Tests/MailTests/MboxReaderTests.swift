@testable import Mail
import TestSupport
import XCTest

final class MboxReaderTests: XCTestCase {
    func messages(_ text: String, maxMessageBytes: Int = 1 << 20) throws -> [MboxReader.Message] {
        let bytes = Array(text.utf8)
        var pos = 0
        // Feed 7 bytes at a time so lines cross read boundaries.
        let reader = MboxReader(maxMessageBytes: maxMessageBytes) { buf, n in
            let k = min(7, n, bytes.count - pos)
            bytes.withUnsafeBytes { buf.copyMemory(from: $0.baseAddress! + pos, byteCount: k) }
            pos += k
            return k
        }
        var out: [MboxReader.Message] = []
        while let m = try reader.next() { out.append(m) }
        return out
    }

    func testSplitAndUnquote() throws {
        let mbox = """
        From alice@example.com Mon Sep  2 10:00:00 2024
        From: Alice <alice@example.com>
        Subject: one

        Hello
        >From the quoted line
        >>From doubly quoted

        From here on, unquoted body text (mboxo)
        end of one

        From bob@example.com Mon Sep  2 11:00:00 2024
        From: Bob <bob@example.com>

        two
        """
        let ms = try messages(mbox)
        XCTAssertEqual(ms.count, 2)
        XCTAssertEqual(ms.map(\.index), [1, 2])
        XCTAssertEqual(String(decoding: ms[0].bytes, as: UTF8.self), """
        From: Alice <alice@example.com>
        Subject: one

        Hello
        From the quoted line
        >From doubly quoted

        From here on, unquoted body text (mboxo)
        end of one

        """)
        XCTAssertEqual(String(decoding: ms[1].bytes, as: UTF8.self), "From: Bob <bob@example.com>\n\ntwo")
        XCTAssertEqual(ms[1].offset, UInt64(mbox.utf8.count - "From bob@example.com Mon Sep  2 11:00:00 2024\nFrom: Bob <bob@example.com>\n\ntwo".utf8.count))
    }

    func testCRLFAndEmptyMessages() throws {
        let mbox = "From a\r\nSubject: 1\r\n\r\nx\r\n\r\nFrom b\r\nSubject: 2\r\n\r\n\r\nFrom c\r\nSubject: 3\r\n"
        let ms = try messages(mbox)
        XCTAssertEqual(ms.map { String(decoding: $0.bytes, as: UTF8.self) }, ["Subject: 1\r\n\r\nx\r\n", "Subject: 2\r\n\r\n", "Subject: 3\r\n"])
    }

    func testFromLineNotAfterBlankStaysInBody() throws {
        let ms = try messages("From a\nSubject: 1\n\nline\nFrom: not a separator\nFrom b x\n")
        XCTAssertEqual(ms.count, 1)
    }

    func testCapCutsAndResumes() throws {
        let big = "From a\nSubject: big\n\n" + String(repeating: "x", count: 5000) + "\n\nFrom b\nSubject: small\n\nok\n"
        let ms = try messages(big, maxMessageBytes: 1000)
        XCTAssertEqual(ms.count, 2)
        XCTAssertTrue(ms[0].truncated)
        XCTAssertEqual(ms[0].bytes.count, 1000)
        XCTAssertFalse(ms[1].truncated)
        XCTAssertEqual(String(decoding: ms[1].bytes, as: UTF8.self), "Subject: small\n\nok\n")
    }

    func testLongLineBoundedAndFromFile() throws {
        let dir = try TempDir("mbox")
        defer { dir.remove() }
        var bytes = Array("From a\nSubject: long\n\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "y"), count: 10 << 20)
        bytes += Array(" anna@example.pt\n\nFrom b\nSubject: next\n\nbody\n".utf8)
        let path = try dir.write("box.mbox", bytes: bytes)
        let reader = try MboxReader(path: path)
        let first = try XCTUnwrap(reader.next())
        XCTAssertEqual(first.bytes.count, bytes.count - "From a\n".utf8.count - "\nFrom b\nSubject: next\n\nbody\n".utf8.count)
        XCTAssertEqual(try reader.next()?.index, 2)
        XCTAssertNil(try reader.next())
        XCTAssertEqual(reader.bytesRead, UInt64(bytes.count))
    }

    func testOpenErrors() {
        XCTAssertThrowsError(try MboxReader(path: "/nonexistent/box")) { e in
            XCTAssertEqual((e as? MailError)?.description, "mail: not_found - while opening the mailbox")
        }
    }
}
