/// One detector rule as read from a pattern pack.
public struct Rule: Sendable, Hashable {
    /// Stable, unique id (`vat.pt.1`).
    public var id: String
    /// The kind it reports (`vat_id.pt`).
    public var kind: String
    /// The data category (`tax.identifier`).
    public var category: String
    /// One line saying what it finds.
    public var description: String
    /// PCRE2 pattern with exactly one capturing group.
    public var pattern: String
    /// Compile options by name (`caseless`, `ucp` ...).
    public var options: [String]
    /// Where the matcher may run the pattern.
    public var prefilter: Prefilter
    /// Longest match in bytes.
    public var maxLength: Int
    /// Normalisation steps, in order.
    public var normalize: [NormalizeStep]
    /// Validator names; all must accept the normalised value.
    public var validators: [String]
    /// Base confidence of a validated match.
    public var score: Double
    /// Words that raise confidence when near.
    public var context: ContextWords
    /// Public references for the format and checksum.
    public var references: [String]
    /// Texts that must yield exactly the given value.
    public var examples: [Example]
    /// Texts that must not yield a finding of this kind.
    public var negativeExamples: [String]
    /// Where the rule was defined.
    public var source: SourceLocation
    /// Where its pattern was defined (for compile errors).
    public var patternSource: SourceLocation
}

/// A positive example of a rule.
public struct Example: Sendable, Hashable {
    /// The text to scan.
    public var text: String
    /// The normalised value expected from it.
    public var value: String
}

/// `file:line` of something in a pattern pack.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// Creates a location.
    public init(file: String, line: Int) { self.file = file; self.line = line }
    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}

/// The anchor a rule's regex runs around.
public struct Prefilter: Sendable, Hashable {
    /// Anchor kinds (see Patterns/README.md).
    public enum Anchor: String, Sendable, Hashable, CaseIterable {
        case at, colon, dotDigits = "dot_digits", digits, upperDigit = "upper_digit"
        case hexPair = "hex_pair", literal, none
    }
    /// The anchor kind.
    public var anchor: Anchor
    /// Digit count range for `digits` anchors.
    public var digits: ClosedRange<Int>
    /// Bytes before the anchor a match may begin.
    public var back: Int
    /// Literals for `literal` anchors (matched ASCII case-insensitively).
    public var literals: [String]
    /// What must stand just before a number cluster (`digits` anchors).
    public var lead: Lead
    /// Digits one of the cluster's digit groups must start with (`digits` anchors).
    public var firstDigits: Set<Int>
    /// Capital-letter prefixes one of which must stand right before the cluster (`digits`).
    public var prefixes: [String]
    /// Length range of the `[A-Z0-9]` token around an `upper_digit` anchor.
    public var token: ClosedRange<Int>

    /// Requirements on the bytes before a number cluster.
    public enum Lead: String, Sendable, Hashable {
        /// Nothing required.
        case any
        /// A `+` within `back` bytes before the cluster, or the cluster starts with `00`.
        case plus
    }

    /// Creates a prefilter.
    public init(anchor: Anchor, digits: ClosedRange<Int> = 1...63, back: Int = 0, literals: [String] = [],
                lead: Lead = .any, firstDigits: Set<Int> = Set(0...9), prefixes: [String] = [], token: ClosedRange<Int> = 1...63) {
        self.anchor = anchor
        self.digits = digits
        self.back = back
        self.literals = literals
        self.lead = lead
        self.firstDigits = firstDigits
        self.prefixes = prefixes
        self.token = token
    }
}

/// Context words and how much they add.
public struct ContextWords: Sendable, Hashable {
    /// Confidence added when a word is near.
    public var boost: Double
    /// Bytes before the match that are searched.
    public var window: Int
    /// Words by language code.
    public var words: [String: [String]]

    /// Creates a context description.
    public init(boost: Double = 0.35, window: Int = 64, words: [String: [String]] = [:]) {
        self.boost = boost
        self.window = window
        self.words = words
    }

    /// Every word, all languages together.
    public var allWords: [String] { words.keys.sorted().flatMap { words[$0]! } }
}
