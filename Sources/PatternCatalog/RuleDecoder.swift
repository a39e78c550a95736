import Yams

/// Decodes one rule mapping of a pattern pack into a `Rule`, checking every field.
enum RuleDecoder {
    static let ruleKeys: Set<String> = [
        "id", "kind", "category", "description", "pattern", "options", "prefilter", "max_length",
        "normalize", "validators", "score", "context", "references", "examples", "negative_examples",
    ]

    static func decode(_ r: NodeReader) throws -> Rule {
        try r.rejectUnknownKeys(ruleKeys)
        let id = try r.string("id")
        let patternNode = try r.child("pattern")
        let rule = Rule(
            id: id,
            kind: try r.string("kind"),
            category: try r.string("category"),
            description: try r.optionalString("description") ?? "",
            pattern: try r.string("pattern"),
            options: try r.strings("options"),
            prefilter: try prefilter(r),
            maxLength: try r.int("max_length", default: 64, in: 1...2048),
            normalize: try normalize(r),
            validators: try r.strings("validators"),
            score: try r.double("score", in: 0...1),
            context: try context(r),
            references: try r.strings("references"),
            examples: try examples(r),
            negativeExamples: try r.strings("negative_examples"),
            source: r.location(),
            patternSource: r.location(patternNode))
        return rule
    }

    static func prefilter(_ r: NodeReader) throws -> Prefilter {
        guard let p = try r.sub("prefilter") else { return Prefilter(anchor: .none) }
        try p.rejectUnknownKeys(["anchor", "digits", "back", "literals", "lead", "first_digits", "prefixes", "token"])
        let name = try p.string("anchor")
        guard let anchor = Prefilter.Anchor(rawValue: name) else {
            throw CatalogError(p.location(try p.child("anchor")), "unknown anchor '\(name)' (one of: \(Prefilter.Anchor.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let digits = try range(p, "digits")
        let token = try range(p, "token")
        let prefixes = try p.strings("prefixes")
        for prefix in prefixes where prefix.isEmpty || prefix.count > 4 || !prefix.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            throw CatalogError(p.location(try p.child("prefixes")), "'prefixes' must be 1 to 4 capital letters each ('\(prefix)')")
        }
        let literals = try p.strings("literals")
        if anchor == .literal && literals.isEmpty {
            throw CatalogError(p.location(), "anchor 'literal' needs a non-empty 'literals' list")
        }
        var lead = Prefilter.Lead.any
        if let l = try p.optionalString("lead") {
            guard let parsed = Prefilter.Lead(rawValue: l) else {
                throw CatalogError(p.location(try p.child("lead")), "unknown lead '\(l)' (one of: any, plus)")
            }
            lead = parsed
        }
        var firstDigits: Set<Int> = Set(0...9)
        if let f = try p.optionalString("first_digits") {
            let parsed = f.compactMap { $0.wholeNumberValue }
            guard !parsed.isEmpty, parsed.count == f.count else {
                throw CatalogError(p.location(try p.child("first_digits")), "'first_digits' must be a string of digits such as \"0\" or \"29\"")
            }
            firstDigits = Set(parsed)
        }
        return Prefilter(anchor: anchor, digits: digits, back: try p.int("back", default: 0, in: 0...512), literals: literals,
                         lead: lead, firstDigits: firstDigits, prefixes: prefixes, token: token)
    }

    static func range(_ p: NodeReader, _ key: String) throws -> ClosedRange<Int> {
        guard let d = try p.child(key) else { return 1...63 }
        let bounds = try p.strings(key).compactMap(Int.init)
        guard bounds.count == 2, bounds[0] >= 1, bounds[0] <= bounds[1], bounds[1] <= 63 else {
            throw CatalogError(p.location(d), "'\(key)' must be [min, max] with 1 <= min <= max <= 63")
        }
        return bounds[0]...bounds[1]
    }

    static func normalize(_ r: NodeReader) throws -> [NormalizeStep] {
        let node = try r.child("normalize")
        return try r.strings("normalize").map { text in
            guard let step = NormalizeStep.parse(text) else {
                throw CatalogError(r.location(node), "unknown normalisation step '\(text)'")
            }
            return step
        }
    }

    static func context(_ r: NodeReader) throws -> ContextWords {
        guard let c = try r.sub("context") else { return ContextWords() }
        try c.rejectUnknownKeys(["boost", "window", "words"])
        var words: [String: [String]] = [:]
        if let w = try c.sub("words") {
            for (key, _) in try w.mapping() {
                guard let lang = key.string else { continue }
                words[lang] = try w.strings(lang)
            }
        }
        return ContextWords(boost: try c.double("boost", default: 0.35, in: 0...1),
                            window: try c.int("window", default: 64, in: 0...512), words: words)
    }

    static func examples(_ r: NodeReader) throws -> [Example] {
        guard let node = try r.child("examples") else { return [] }
        guard let seq = node.sequence else { throw CatalogError(r.location(node), "'examples' must be a list") }
        return try seq.map { item in
            let e = NodeReader(file: r.file, node: item)
            try e.rejectUnknownKeys(["text", "value"])
            return Example(text: try e.string("text"), value: try e.string("value"))
        }
    }
}
