/// Spanish identity and tax numbers: DNI, NIE, the K/L/M forms and company CIFs (together, the NIF).
enum SpanishTaxID {
    /// The DNI check letters, indexed by the number mod 23.
    static let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)

    /// The check letter for a DNI-style number.
    static func letter(for number: Int) -> UInt8 { letters[number % 23] }

    /// DNI: 8 digits and the letter for their value mod 23.
    static func isDNI(_ text: CodeText) -> Bool {
        guard text.count == 9, let d = text.slice(0..<8).digits else { return false }
        return letter(for: d.number) == text[8]
    }

    /// NIE: X, Y or Z (standing for 0, 1, 2), 7 digits, and the DNI letter of the resulting number.
    static func isNIE(_ text: CodeText) -> Bool {
        guard text.count == 9, let lead = Array("XYZ".utf8).firstIndex(of: text[0]),
              let d = text.slice(1..<8).digits
        else { return false }
        return letter(for: lead * 10_000_000 + d.number) == text[8]
    }

    /// The letters a CIF may start with (organisation types).
    static let cifKinds = Set("ABCDEFGHJNPQRSUVW".utf8)

    /// CIF: an organisation letter, 7 digits and a Luhn-derived check that is either a digit or the letter JABCDEFGHI[digit].
    static func isCIF(_ text: CodeText) -> Bool {
        guard text.count == 9, cifKinds.contains(text[0]), let d = text.slice(1..<8).digits else { return false }
        let check = Checksum.luhnCheckDigit(d)
        return text[8] == UInt8(48 + check) || text[8] == Array("JABCDEFGHI".utf8)[check]
    }

    /// NIF: any of the forms, told apart by the first character (K/L/M numbers use the DNI letter over their 7 digits).
    static func isNIF(_ text: CodeText) -> Bool {
        guard text.count == 9 else { return false }
        let first = text[0]
        if CodeText.isDigit(first) { return isDNI(text) }
        if Array("XYZ".utf8).contains(first) { return isNIE(text) }
        if Array("KLM".utf8).contains(first) {
            guard let d = text.slice(1..<8).digits else { return false }
            return letter(for: d.number) == text[8]
        }
        return isCIF(text)
    }
}
