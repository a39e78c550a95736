import DataMap
import TestSupport
import XCTest

/// Which categories each seed privacy policy declares, read by a person (see
/// Corpus/policies/README.md for the reasons), against what the term lists recognise.
final class PolicyRecognitionTests: XCTestCase {
    static let all: Set<String> = [
        "identity.name", "contact.email", "contact.phone", "contact.postal_address", "professional.position", "tax.identifier",
        "government.national_id", "financial.bank_account", "financial.payment_card", "online.ip_address", "online.device_id",
        "online.geolocation", "recruitment.cv", "communications.correspondence",
    ]

    func terms() throws -> PolicyTerms { try PolicyTerms.load(path: RepoPaths.patterns + "/policy-terms.yml") }

    func declared(_ file: String) throws -> Set<String> {
        Set(try Policy.load(path: RepoPaths.root + "/Corpus/policies/" + file, terms: terms(), known: Self.all).declared)
    }

    func check(_ file: String, _ expected: Set<String>, line: UInt = #line) throws {
        let got = try declared(file)
        XCTAssertEqual(got.subtracting(expected).sorted(), [], "\(file): recognised but not declared", line: line)
        XCTAssertEqual(expected.subtracting(got).sorted(), [], "\(file): declared but not recognised", line: line)
    }

    func testIGENMAI() throws {
        // names; email addresses; personal telephone numbers; the company's name, address and
        // tax (VAT) details; the position held; CVs and cover letters.
        try check("igenmai-privacy-policy.txt", ["identity.name", "contact.email", "contact.phone", "contact.postal_address",
                                                 "professional.position", "tax.identifier", "recruitment.cv"])
    }

    func testComindware() throws {
        // a record of correspondence; cookies that uniquely identify the browser. It names no
        // data item beyond those (contact-form data, e-mail as a channel, payment processors).
        try check("comindware-privacy-policy.txt", ["communications.correspondence", "online.device_id"])
    }

    func testMindlinksoft() throws {
        // name, email address, contact person's address, phone number, job title; IP address,
        // mobile device identifier, precise geolocation; job applications; a record of communications.
        try check("mindlinksoft-privacy-policy.txt", ["identity.name", "contact.email", "contact.phone", "contact.postal_address",
                                                      "professional.position", "online.ip_address", "online.device_id",
                                                      "online.geolocation", "recruitment.cv", "communications.correspondence"])
    }

    func testInemsoft() throws {
        // names, mailing address, the email address on record, credit card number and expiry, cookies.
        try check("inemsoft-privacy-policy.txt", ["identity.name", "contact.email", "contact.postal_address",
                                                  "financial.payment_card", "online.device_id"])
    }

    func testInfomaker() throws {
        // Namn; telefonnummer och e-postadress; IP-adresser i accessloggar; cookies; chatt,
        // mail och kalenderhändelser, kontaktböcker.
        try check("infomaker-integritetspolicy-sv.txt", ["identity.name", "contact.email", "contact.phone", "online.ip_address",
                                                         "online.device_id", "communications.correspondence"])
    }

    /// The email term of every language is recognised, and none of them reads as a postal address.
    func testEmailInEveryLanguage() throws {
        let t = try terms()
        let sentences = [
            "en": "We collect your email address.", "pt": "Recolhemos o seu endereço de e-mail.",
            "es": "Recogemos su correo electrónico.", "sv": "Vi samlar in din e-postadress.",
            "de": "Wir erheben Ihre E-Mail-Adresse.", "fr": "Nous collectons votre adresse e-mail.",
            "it": "Raccogliamo il tuo indirizzo email.", "nl": "Wij verzamelen uw e-mailadres.",
        ]
        for (lang, s) in sentences {
            let d = Policy.recognise(s, terms: t).declared
            XCTAssertEqual(d, ["contact.email"], lang)
        }
    }

    func testOtherLanguages() throws {
        let t = try terms()
        XCTAssertEqual(Set(Policy.recognise("Tratamos o seu NIF, IBAN e endereço IP.", terms: t).declared),
                       ["tax.identifier", "financial.bank_account", "online.ip_address"])
        XCTAssertEqual(Set(Policy.recognise("Wir verarbeiten Ihre Anschrift und Ihren Lebenslauf.", terms: t).declared),
                       ["contact.postal_address", "recruitment.cv"])
        XCTAssertEqual(Set(Policy.recognise("Trattiamo il numero di telefono e la carta di credito.", terms: t).declared),
                       ["contact.phone", "financial.payment_card"])
        XCTAssertEqual(Set(Policy.recognise("Wij verwerken uw burgerservicenummer en locatiegegevens.", terms: t).declared),
                       ["government.national_id", "online.geolocation"])
        XCTAssertEqual(Policy.recognise("Nothing about data here, only a pass to the park.", terms: t).declared, [])
    }

    func testHTMLAndMarkdownPolicies() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let html = try dir.write("p.html", "<html><body><h1>Privacy</h1><p>We keep your <b>IP&nbsp;address</b> in access logs.</p><a href=\"https://example.com/email-address\">x</a></body></html>")
        XCTAssertEqual(try Policy.load(path: html, terms: terms(), known: Self.all).declared, ["online.ip_address"])
        let md = try dir.write("p.md", "# Privacy\n\nWe keep your **phone number**. See [our page](https://example.com/credit-card-number).\n")
        XCTAssertEqual(try Policy.load(path: md, terms: terms(), known: Self.all).declared, ["contact.phone"])
    }

    func testYAMLPolicy() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let y = try dir.write("p.yml", "categories: [contact.email, online.ip_address]\nretention: {online.ip_address: 90}\nallowed_locations: {contact.email: ['/srv/crm/*']}\n")
        let p = try Policy.load(path: y, terms: terms(), known: Self.all)
        XCTAssertEqual(p.source, "yaml")
        XCTAssertEqual(p.declared, ["contact.email", "online.ip_address"])
        XCTAssertEqual(p.retention, ["online.ip_address": 90])
        XCTAssertEqual(p.allowed, ["contact.email": ["/srv/crm/*"]])
        let bad = try dir.write("bad.yml", "categories: [contact.fax]\n")
        XCTAssertThrowsError(try Policy.load(path: bad, terms: terms(), known: Self.all))
    }
}
