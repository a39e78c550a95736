/// Phone numbers as written, checked and turned into E.164.
public enum PhoneNumber {
    /// Parses a phone number as written (may contain +, spaces, dots, dashes, parentheses, a leading 00 international prefix, or a national trunk prefix) and returns it in E.164 ("+351912345678") when it is a valid number, else nil. `defaultRegion` (ISO 3166 alpha-2, e.g. "PT") is used for national forms without a country code; with nil, only international forms are accepted.
    ///
    /// Countries with a plan in `PhonePlan` (PT ES SE DE FR IT NL GB US/CA RU) are checked for leading digits
    /// and length; other assigned calling codes for their countries' national number lengths (at most 15
    /// digits in all). A 0 right after the code is dropped where 0 is the country's trunk prefix
    /// ("+46 (0)480 ...", "+43 01 ..."), kept elsewhere (Italy). National forms are read only for those
    /// regions, must carry the trunk prefix where it is 0 ("030 123456", not "30 123456"), and are refused
    /// when they read as a date or a dotted IPv4 address. Letters, extensions and stray symbols make the
    /// text not a number.
    public static func e164(_ raw: String, defaultRegion: String?) -> String? {
        guard let text = PhoneText(raw), text.digits.count >= 4, text.digits.count <= 18 else { return nil }
        let digits = text.digits[...]
        let regionCode = defaultRegion.flatMap { PhonePlan.regionCodes[$0.uppercased()] }
        if text.plus {
            return international(digits)
        }
        if digits.starts(with: [0, 0]) {
            return international(digits.dropFirst(2))
        }
        if regionCode == "1", digits.starts(with: [0, 1, 1]) {
            return international(digits.dropFirst(3))
        }
        guard let code = regionCode, let plan = PhonePlan.byCode[code], !text.looksLikeDate, !text.looksLikeIPv4 else {
            return nil
        }
        return national(digits, plan: plan).map { format(code, $0) }
    }

    /// A number after its international prefix: calling code, then the national number.
    static func international(_ digits: ArraySlice<UInt8>) -> String? {
        guard let code = CountryCallingCodes.code(startingWith: digits) else { return nil }
        var nsn = digits.dropFirst(code.utf8.count)
        if nsn.first == 0, CountryCallingCodes.trunkZero.contains(code) { nsn = nsn.dropFirst() }
        if let plan = PhonePlan.byCode[code] {
            return plan.accepts(nsn) ? format(code, nsn) : nil
        }
        guard CountryCallingCodes.fits(code, nationalDigits: nsn.count) else { return nil }
        return format(code, nsn)
    }

    /// The national significant number of a national form, trunk prefix removed, if valid.
    static func national(_ digits: ArraySlice<UInt8>, plan: PhonePlan) -> ArraySlice<UInt8>? {
        guard let trunk = plan.trunk else {
            return plan.accepts(digits) ? digits : nil
        }
        if digits.first == trunk, plan.accepts(digits.dropFirst()) {
            return digits.dropFirst()
        }
        if !plan.trunkRequired, plan.accepts(digits) {
            return digits
        }
        return nil
    }

    /// "+", the calling code and the national number.
    static func format(_ code: String, _ nsn: ArraySlice<UInt8>) -> String {
        "+" + code + String(decoding: nsn.map { $0 + 48 }, as: UTF8.self)
    }
}
