/// A named checksum/format check over a normalised value.
///
/// The value handed to `check` is ASCII, already uppercased, with separators
/// (space . - /) removed. A check never traps: anything it does not recognise
/// (empty, too long, non-ASCII, lowercase letters) is simply `false`.
public struct Validator: Sendable {
    /// The registry name, e.g. `vat_pt`.
    public let name: String
    /// True when the value passes the format and checksum rules.
    public let check: @Sendable (String) -> Bool

    /// Makes a validator from a name and a check.
    public init(name: String, check: @escaping @Sendable (String) -> Bool) {
        self.name = name
        self.check = check
    }

    /// A validator whose check runs over the value's ASCII bytes; non-ASCII or over-long values fail.
    init(_ name: String, _ rule: @escaping @Sendable (CodeText) -> Bool) {
        self.init(name: name) { value in
            guard let text = CodeText(value) else { return false }
            return rule(text)
        }
    }
}
