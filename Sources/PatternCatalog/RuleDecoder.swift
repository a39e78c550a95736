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
        try p.rejectUnknownKeys(["anchor", "digits", "back", "literals"])
        let name = try p.string("anchor")
        guard let anchor = Prefilter.Anchor(rawValue: name) else {
            throw CatalogError(p.location(try p.child("anchor")), "unknown anchor '\(name)' (one of: \(Prefilter.Anchor.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var digits = 1...63
        if let d = try p.child("digits") {
            let bounds = try p.strings("digits").compactMap(Int.init)
            guard bounds.count == 2, bounds[0] >= 1, bounds[0] <= bounds[1], bounds[1] <= 63 else {
                throw CatalogError(p.location(d), "'digits' must be [min, max] with 1 <= min <= max <= 63")
            }
            digits = bounds[0]...bounds[1]
        }
        let literals = try p.strings("literals")
        if anchor == .literal && literals.isEmpty {
            throw CatalogError(p.location(), "anchor 'literal' needs a non-empty 'literals' list")
        }
        return Prefilter(anchor: anchor, digits: digits, back: try p.int("back", default: 0, in: 0...512), literals: literals)
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
