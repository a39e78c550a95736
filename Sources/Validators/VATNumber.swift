/// EU VAT identification numbers plus GB, NO and CH, each with its national check-digit rule.
///
/// Every validator takes the number with or without its own country prefix
/// (`ATU13585627` and `U13585627`); the rules follow python-stdnum's documentation
/// of each national algorithm. The per-country checks live in the `VATNumber+*.swift` files.
enum VATNumber {
    /// A validator accepting the bare number or the number after one of `prefixes`.
    static func prefixed(_ name: String, _ prefixes: [String], _ rule: @escaping @Sendable (CodeText) -> Bool) -> Validator {
        Validator(name) { text in
            rule(text) || prefixes.contains { text.hasPrefix($0) && rule(text.dropFirst($0.utf8.count)) }
        }
    }

    /// The validators this type provides, one per country.
    static let validators: [Validator] = [
        prefixed("vat_at", ["AT"], isAT),
        prefixed("vat_be", ["BE"], isBE),
        prefixed("vat_bg", ["BG"], isBG),
        prefixed("vat_cy", ["CY"], isCY),
        prefixed("vat_cz", ["CZ"], isCZ),
        prefixed("vat_de", ["DE"], isDE),
        prefixed("vat_dk", ["DK"], isDK),
        prefixed("vat_ee", ["EE"], isEE),
        prefixed("vat_el", ["EL", "GR"], isEL),
        prefixed("vat_es", ["ES"], isES),
        prefixed("vat_fi", ["FI"], isFI),
        prefixed("vat_fr", ["FR"], isFR),
        prefixed("vat_hr", ["HR"], isHR),
        prefixed("vat_hu", ["HU"], isHU),
        prefixed("vat_ie", ["IE"], isIE),
        prefixed("vat_it", ["IT"], isIT),
        prefixed("vat_lt", ["LT"], isLT),
        prefixed("vat_lu", ["LU"], isLU),
        prefixed("vat_lv", ["LV"], isLV),
        prefixed("vat_mt", ["MT"], isMT),
        prefixed("vat_nl", ["NL"], isNL),
        prefixed("vat_pl", ["PL"], isPL),
        prefixed("vat_pt", ["PT"], isPT),
        prefixed("vat_ro", ["RO"], isRO),
        prefixed("vat_se", ["SE"], isSE),
        prefixed("vat_si", ["SI"], isSI),
        prefixed("vat_sk", ["SK"], isSK),
        prefixed("vat_gb", ["GB", "XI"], isGB),
        prefixed("vat_no", ["NO"], isNO),
        prefixed("vat_ch", ["CHE"], isCH),
    ]

    /// Digits of `text` when it has exactly `length` of them and does not start with 0.
    static func digitsNoLeadingZero(_ text: CodeText, count length: Int) -> [Int]? {
        guard let d = text.digits(count: length), d[0] != 0 else { return nil }
        return d
    }
}
