/// The French social security number (NIR, numéro de sécurité sociale).
enum FrenchNIR {
    /// First digits in use: 1 and 2 (men and women), 3 and 4 (foreign-born, provisional), 7 and 8 (temporary numbers).
    static let sexDigits: Set<UInt8> = Set("123478".utf8)

    /// True for 15 characters: 13 digits (department 2A/2B allowed for Corsica, counted as 19/18) and a key equal to 97 - (number mod 97).
    static func isValid(_ text: CodeText) -> Bool {
        guard text.count == 15, sexDigits.contains(text[0]),
              let head = text.slice(0..<5).digits, let tail = text.slice(7..<15).digits
        else { return false }
        let department: Int
        switch text.slice(5..<7).string {
        case "2A": department = 19
        case "2B": department = 18
        default:
            guard let d = text.slice(5..<7).digits else { return false }
            department = d.number
        }
        let number = (head.number * 100 + department) * 1_000_000 + tail.number(0..<6)
        return 97 - number % 97 == tail.number(6..<8)
    }
}
