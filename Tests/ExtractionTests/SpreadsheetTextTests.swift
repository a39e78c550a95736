import Extraction
import XCTest

final class SpreadsheetTextTests: XCTestCase {
    func testSharedInlineAndLiteralCellsInRowOrder() {
        let sst = "<sst><si><t>Email</t></si><si><r><t>anna@</t></r><r><t>example.com</t></r><rPh><t>ignored</t></rPh></si></sst>"
        let shared = Array(sst.utf8).withUnsafeBytes { SpreadsheetText.sharedStrings($0) }
        XCTAssertEqual(shared, ["Email", "anna@example.com"])
        let sheet = """
        <worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
        <row r="2"><c r="A2" t="inlineStr"><is><t>Tel</t></is></c><c r="B2"><v>4930123456</v></c><c r="C2" t="s"><v>99</v></c></row></sheetData></worksheet>
        """
        let text = Array(sheet.utf8).withUnsafeBytes { SpreadsheetText.sheet($0, shared: shared) }
        XCTAssertEqual(text, "Email\tanna@example.com\t\nTel\t4930123456\t99\t\n")
    }
}
