/// ASCII spellings of letters, for comparing a name with the e-mail address beside it.
enum Transliteration {
    /// U+00C0...U+017F, one entry per code point ("" for signs that are not letters).
    private static let latinTable: [String] = {
        let latin1 = "A A A A A A AE C E E E E I I I I D N O O O O O - O U U U U Y TH ss a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th y"
        let extA = "A a A a A a C c C c C c C c D d D d E e E e E e E e E e G g G g G g G g H h H h I i I i I i I i I i IJ ij J j K k k L l L l L l L l L l N n N n N n n N n O o O o O o OE oe R r R r R r S s S s S s S s T t T t T t U u U u U u U u U u U u W w Y y Y Z z Z z Z z s"
        return (latin1 + " " + extA).split(separator: " ").map { $0 == "-" ? "" : $0.lowercased() }
    }()
    /// U+0391...U+03C9 (Greek) and U+0410...U+044F (Cyrillic), small and capital alike.
    private static let greek: [Character: String] = [
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k", "λ": "l",
        "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f",
        "χ": "ch", "ψ": "ps", "ω": "o", "ά": "a", "έ": "e", "ή": "i", "ί": "i", "ό": "o", "ύ": "y", "ώ": "o", "ϊ": "i", "ϋ": "y",
    ]
    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]

    /// The ASCII spelling of the letter at code point `cp`, if it has one.
    static func latin(_ cp: Int) -> String? {
        if cp >= 0xC0 && cp <= 0x17F { return latinTable[cp - 0xC0] }
        guard let scalar = Unicode.Scalar(cp) else { return nil }
        let lower = Character(String(scalar).lowercased())
        return greek[lower] ?? cyrillic[lower]
    }
}
