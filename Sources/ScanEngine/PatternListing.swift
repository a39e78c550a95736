import PatternCatalog

/// The table `trawl patterns list` prints.
public enum PatternListing {
    /// One line per rule: id, kind, category, anchor, source.
    public static func lines(_ catalog: Catalog) -> [String] {
        catalog.rules.map { r in
            [r.id.padded(22), r.kind.padded(34), r.category.padded(26), r.prefilter.anchor.rawValue.padded(12), r.source.description].joined(separator: " ")
        }
    }
}

extension String {
    func padded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
