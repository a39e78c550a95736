import Foundation

/// The person-name and CV model read from a `names:` pack (`Patterns/names/person-name.yml`):
/// word lists and scores, not regular expressions. Word lists hold words as written; the
/// detector folds their case.
public struct NameModel: Sendable, Hashable {
    /// Rule id, kind and category of person-name findings.
    public var id: String, kind: String, category: String
    /// Given names and surnames, all languages together (one entry per list line).
    public var givenNames: [String], surnames: [String]
    /// Confidence of each kind of evidence.
    public var scores: Scores
    /// Words before a name and a ':' (`Name:`, `Nome:`, `From:`), by language.
    public var labels: [String: [String]]
    /// Words right before a name (`Dear`, `Hej`, `Frau`), by language.
    public var prefixes: [String: [String]]
    /// Sign-off lines after which the next line is a name, by language.
    public var signoffs: [String: [String]]
    /// Lowercase words that join name words (`da`, `van der`).
    public var particles: [String]
    /// Capitalised words that are never part of a person's name, by language.
    public var notNames: [String: [String]]
    /// Words before a street name (`Rua`, `Calle`).
    public var streetWords: [String]
    /// Word endings of street and place names (`gatan`, `straat`).
    public var streetSuffixes: [String]
    /// Words after an organisation's name (`GmbH`, `Lda`).
    public var orgSuffixes: [String]
    /// The CV classifier.
    public var cv: CVModel
    /// Texts that must give the value as a person name.
    public var examples: [Example]
    /// Texts that must give no person name.
    public var negativeExamples: [String]
    /// Where the model was defined.
    public var source: SourceLocation

    /// Confidence of each kind of evidence.
    public struct Scores: Sendable, Hashable {
        public var givenAndSurname: Double, givenAndOther: Double, context: Double
        public var singleGivenContext: Double, singleGiven: Double, emailAgrees: Double
    }

    /// How a document is recognised as a CV or cover letter.
    public struct CVModel: Sendable, Hashable {
        public var id: String, kind: String, category: String
        public var score: Double
        /// Title lines (`curriculum vitae`, `Lebenslauf`), by language.
        public var titles: [String: [String]]
        /// Title lines of cover letters (`cover letter`, `Anschreiben`), by language: the
        /// letter's writer is the name after its sign-off.
        public var letterTitles: [String: [String]]
        /// Section headings (`experience`, `formação`), by language.
        public var sections: [String: [String]]
        /// Documents that must be classified as CVs (value: the applicant's name), and
        /// documents that must not.
        public var examples: [Example]
        public var negativeExamples: [String]
    }

    /// The rule entries findings of this model point at (they have no pattern): the
    /// person-name rule, then the CV rule.
    public var rules: [Rule] {
        func rule(_ id: String, _ kind: String, _ category: String, _ description: String, _ score: Double,
                  _ examples: [Example], _ negatives: [String]) -> Rule {
            Rule(id: id, kind: kind, category: category, description: description, pattern: "", options: [],
                 prefilter: Prefilter(anchor: .none), maxLength: 0, normalize: [], validators: [], score: score,
                 context: ContextWords(), references: [], examples: examples, negativeExamples: negatives,
                 source: source, patternSource: source)
        }
        return [rule(id, kind, category, "Names of people: word lists, labels, salutations and sign-offs.",
                     scores.givenAndSurname, examples, negativeExamples),
                rule(cv.id, cv.kind, cv.category, "CVs, résumés and cover letters, by their structure.", cv.score,
                     cv.examples, cv.negativeExamples)]
    }

    /// Every word of a by-language list.
    public static func all(_ byLanguage: [String: [String]]) -> [String] {
        byLanguage.keys.sorted().flatMap { byLanguage[$0]! }
    }
}

/// Reads the `names:` mapping of a pack.
enum NameModelDecoder {
    static func decode(_ r: NodeReader, directory: String) throws -> NameModel {
        try r.rejectUnknownKeys(["id", "kind", "category", "given_names", "surnames", "scores", "labels", "prefixes",
                                 "signoffs", "particles", "not_names", "street_words", "street_suffixes", "org_suffixes",
                                 "cv", "examples", "negative_examples"])
        guard let s = try r.sub("scores") else { throw CatalogError(r.location(), "missing 'scores'") }
        try s.rejectUnknownKeys(["given_and_surname", "given_and_other", "context", "single_given_context", "single_given", "email_agrees"])
        let scores = NameModel.Scores(givenAndSurname: try s.double("given_and_surname", in: 0...1),
                                      givenAndOther: try s.double("given_and_other", in: 0...1),
                                      context: try s.double("context", in: 0...1),
                                      singleGivenContext: try s.double("single_given_context", in: 0...1),
                                      singleGiven: try s.double("single_given", in: 0...1),
                                      emailAgrees: try s.double("email_agrees", in: 0...1))
        guard let c = try r.sub("cv") else { throw CatalogError(r.location(), "missing 'cv'") }
        try c.rejectUnknownKeys(["id", "kind", "category", "score", "titles", "letter_titles", "sections", "examples", "negative_examples"])
        let cv = NameModel.CVModel(id: try c.string("id"), kind: try c.string("kind"), category: try c.string("category"),
                                   score: try c.double("score", in: 0...1),
                                   titles: try byLanguage(c, "titles"), letterTitles: try byLanguage(c, "letter_titles"),
                                   sections: try byLanguage(c, "sections"),
                                   examples: try RuleDecoder.examples(c), negativeExamples: try c.strings("negative_examples"))
        return NameModel(id: try r.string("id"), kind: try r.string("kind"), category: try r.string("category"),
                         givenNames: try lists(r, "given_names", directory: directory),
                         surnames: try lists(r, "surnames", directory: directory),
                         scores: scores,
                         labels: try byLanguage(r, "labels"), prefixes: try byLanguage(r, "prefixes"),
                         signoffs: try byLanguage(r, "signoffs"), particles: try r.strings("particles"),
                         notNames: try byLanguage(r, "not_names"), streetWords: try r.strings("street_words"),
                         streetSuffixes: try r.strings("street_suffixes"), orgSuffixes: try r.strings("org_suffixes"),
                         cv: cv, examples: try RuleDecoder.examples(r), negativeExamples: try r.strings("negative_examples"),
                         source: r.location())
    }

    static func byLanguage(_ r: NodeReader, _ key: String) throws -> [String: [String]] {
        guard let sub = try r.sub(key) else { return [:] }
        var out: [String: [String]] = [:]
        for (k, _) in try sub.mapping() {
            guard let lang = k.string else { continue }
            out[lang] = try sub.strings(lang)
        }
        return out
    }

    /// Reads word-list files (one entry a line, `#` comments) named relative to the pattern
    /// directory.
    static func lists(_ r: NodeReader, _ key: String, directory: String) throws -> [String] {
        var out: [String] = []
        for rel in try r.strings(key) {
            let path = (directory as NSString).appendingPathComponent(rel)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CatalogError(r.location(), "'\(key)': cannot read \(path)")
            }
            for line in text.split(whereSeparator: \.isNewline) {
                let t = line.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty && !t.hasPrefix("#") { out.append(t) }
            }
        }
        return out
    }
}
