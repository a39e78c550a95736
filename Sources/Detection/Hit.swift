/// A validated match inside one chunk, before it becomes a `Finding`.
public struct Hit: Sendable, Hashable {
    /// Index of the rule in the detector's rule list.
    public var ruleIndex: Int
    /// Byte range of the whole match in the chunk's buffer.
    public var range: Range<Int>
    /// The normalised value.
    public var value: String
    /// Confidence after context.
    public var confidence: Double
    /// Whether a context word was found near the match.
    public var hadContext: Bool
    /// 1-based line of the match start (set after sorting).
    public var line: Int
}
