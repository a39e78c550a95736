import Extraction
import XCTest

final class ContentLinesTests: XCTestCase {
    func testVCardUnfoldingStructuredValuesAndQuotedPrintable() {
        let vcf = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Berg;Anna;;;\r\nFN:Anna Berg\r\nEMAIL;TYPE=work:anna.berg@\r\n example.com\r\n"
            + "TEL;CELL:+49 30 1234567\r\nADR;HOME:;;Hauptstra=C3=9Fe 1;Berlin;;10115;DE\r\n"
            + "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:IBAN DE89 3704 0044 05=\r\n32 0130 00\r\nPHOTO:AAAA\r\nEND:VCARD\r\n"
        let text = Array(vcf.utf8).withUnsafeBytes { ContentLines.vcard($0) }
        XCTAssertEqual(text, """
        Name: Anna Berg
        Name: Anna Berg
        Email: anna.berg@example.com
        Tel: +49 30 1234567
        Address: Hauptstra=C3=9Fe 1, Berlin, 10115, DE
        Note: IBAN DE89 3704 0044 0532 0130 00


        """)
    }

    func testVCardQuotedPrintableAddressWhenMarked() {
        let vcf = "BEGIN:VCARD\nADR;ENCODING=QUOTED-PRINTABLE:;;Hauptstra=C3=9Fe 1;Berlin\nEND:VCARD\n"
        XCTAssertEqual(Array(vcf.utf8).withUnsafeBytes { ContentLines.vcard($0) }, "Address: Hauptstraße 1, Berlin\n\n")
    }

    func testICalendarPeopleAndEscapes() {
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nORGANIZER;CN=\"Berg, Anna\":mailto:anna@example.com\r\n"
            + "ATTENDEE;CN=Bob;ROLE=REQ-PARTICIPANT:MAILTO:bob@example.org\r\n"
            + "DESCRIPTION:Call +44 20 7946 0123\\nBring IBAN\\, please\\; thanks\r\n\tcontinued\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let text = Array(ics.utf8).withUnsafeBytes { ContentLines.icalendar($0) }
        XCTAssertEqual(text, "Organizer: Berg, Anna <anna@example.com>\nAttendee: Bob <bob@example.org>\nDescription: Call +44 20 7946 0123\nBring IBAN, please; thankscontinued\n\n")
    }
}
