/// A personal-data category from `Patterns/categories.yml`.
public struct Category: Sendable, Hashable {
    /// Stable id (`contact.email`).
    public var id: String
    /// Human label.
    public var label: String
    /// What it covers.
    public var description: String
    /// The GDPR notion it relates to.
    public var gdpr: String
    /// The kinds that map to it.
    public var kinds: [String]
}
