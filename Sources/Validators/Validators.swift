/// The named validators rules refer to from `Patterns/` (`validators: [vat_pt]`).
public enum Validators {
    /// All validators by name.
    public static let registry: [String: Validator] = {
        let all = PaymentCard.validators + IBAN.validators + VATNumber.validators + NationalID.validators
        return Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in
            preconditionFailure("duplicate validator name \(first.name)")
        })
    }()

    /// Looks one up.
    public static func named(_ name: String) -> Validator? {
        registry[name]
    }
}
