import Foundation
import XCTest

/// The JSON vectors `Fixtures/make_vectors.py` writes, read from beside this file (not from a bundle).
enum Fixtures {
    /// Valid and invalid values of one validator.
    struct Cases: Decodable {
        let valid: [String]
        let invalid: [String]
    }

    /// One phone number as written, the region it is read in, and what phonenumbers makes of it.
    struct PhoneCase: Decodable {
        let raw: String
        let region: String?
        let e164: String?
        let why: String?
    }

    /// Phone numbers that must convert, and text that must not.
    struct PhoneCases: Decodable {
        let valid: [PhoneCase]
        let invalid: [PhoneCase]
    }

    /// IPv4 texts (already canonical) and IPv6 pairs of text and RFC 5952 form.
    struct IPCases: Decodable {
        struct V4: Decodable { let valid: [String]; let invalid: [String] }
        struct V6: Decodable { let valid: [[String]]; let invalid: [String] }
        let ipv4: V4
        let ipv6: V6
    }

    /// The Fixtures directory.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Decodes `name` from the Fixtures directory, failing the test when it cannot.
    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// Validator vectors by registry name.
    static func validatorVectors() throws -> [String: Cases] {
        try load("vectors.json", as: [String: Cases].self)
    }
}
