/// One piece of personal data found in one object.
///
/// `value` holds the raw (normalised) value in memory only; writers print it only when
/// the user asked for `--reveal`. Everything else is safe to store and log.
public struct Finding: Sendable, Hashable {
    /// Where: the root path as given, then `!/inner` per container level.
    public var location: String
    /// What, from the fixed vocabulary (`email`, `vat_id.pt`, `national_id.es_dni` ...).
    public var kind: String
    /// The id of the rule that matched (`email.1`).
    public var detector: String
    /// The data category the kind maps to (`contact.email`).
    public var category: String
    /// 0...1, from the rule's base score and the evidence around the match.
    public var confidence: Double
    /// 1-based line of the start of the match in the decoded text.
    public var line: Int
    /// 1-based page, for paged documents (PDF); nil elsewhere.
    public var page: Int?
    /// A preview that does not reveal the value.
    public var masked: String
    /// `hmac-sha256:<hex>` of the normalised value under the installation key.
    public var fingerprint: String
    /// The normalised value; printed only with `--reveal`, never logged.
    public var value: String

    /// Creates a finding.
    public init(location: String, kind: String, detector: String, category: String,
                confidence: Double, line: Int, masked: String, fingerprint: String, value: String, page: Int? = nil) {
        self.location = location
        self.kind = kind
        self.detector = detector
        self.category = category
        self.confidence = confidence
        self.line = line
        self.page = page
        self.masked = masked
        self.fingerprint = fingerprint
        self.value = value
    }
}
