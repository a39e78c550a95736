import Detection
import PatternCatalog
import TestSupport
import XCTest

/// A malformed pack stops the run with `file:line` and a message that says what is wrong.
final class CatalogErrorTests: XCTestCase {
    var dir: TempDir!
    override func setUpWithError() throws { dir = try TempDir("catalog") }
    override func tearDown() { dir.remove() }

    private func loadError(_ yaml: String) throws -> String {
        let file = try dir.write("bad.yml", yaml)
        do {
            _ = try Detector(catalog: try Catalog.load(directories: [dir.path]))
        } catch let e as CatalogError {
            return e.description.replacingOccurrences(of: file, with: "bad.yml")
        }
        XCTFail("expected an error")
        return ""
    }

    private let rule = """
    rules:
      - id: x.1
        kind: email
        category: contact.email
        pattern: '(a@b)'
        score: 0.5

    """

    func testPatternCompileErrorNamesFileLineAndOffset() throws {
        let text = rule.replacingOccurrences(of: "'(a@b)'", with: "'(a@b'")
        XCTAssertEqual(try loadError(text), "bad.yml:5: rule x.1: missing closing parenthesis at offset 4 of the pattern")
    }

    func testYAMLSyntaxErrorNamesLine() throws {
        let message = try loadError("rules:\n  - id: x\n   kind: [unclosed\n")
        XCTAssertTrue(message.hasPrefix("bad.yml:3: invalid YAML:"), message)
    }

    func testUnknownKeyIsRejected() throws {
        XCTAssertEqual(try loadError(rule + "    patern: 'x'\n"),
                       "bad.yml:7: unknown key 'patern' (allowed: category, context, description, examples, id, kind, max_length, negative_examples, normalize, options, pattern, prefilter, references, score, validators)")
    }

    func testTwoCaptureGroupsAreRejected() throws {
        let text = rule.replacingOccurrences(of: "'(a@b)'", with: "'(a)@(b)'")
        XCTAssertEqual(try loadError(text), "bad.yml:5: rule x.1: the pattern must have exactly one capturing group (it has 2); use (?:...) for the others")
    }

    func testUnknownValidatorAndAnchor() throws {
        XCTAssertEqual(try loadError(rule + "    validators: [no_such_check]\n"), "bad.yml:2: rule x.1: unknown validator 'no_such_check'")
        XCTAssertEqual(try loadError(rule + "    prefilter: {anchor: sometimes}\n"),
                       "bad.yml:7: unknown anchor 'sometimes' (one of: at, colon, dot_digits, digits, upper_digit, hex_pair, literal, none)")
    }

    func testDuplicateIDs() throws {
        let two = rule + rule.replacingOccurrences(of: "rules:\n", with: "")
        XCTAssertEqual(try loadError(two), "bad.yml:7: duplicate rule id 'x.1' (first defined at bad.yml:2)")
    }
}
