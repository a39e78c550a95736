import PatternCatalog

/// The table `trawl patterns list` prints.
public enum PatternListing {
    /// One line per rule: id, kind, category, anchor, source.
    /// The name and CV rules of the name model show `words` / `document` as their anchor.
    public static func lines(_ catalog: Catalog) -> [String] {
        let regex = catalog.rules.map { r in
            [r.id.padded(22), r.kind.padded(34), r.category.padded(26), r.prefilter.anchor.rawValue.padded(12), r.source.description].joined(separator: " ")
        }
        let model = (catalog.names?.rules ?? []).enumerated().map { k, r in
            [r.id.padded(22), r.kind.padded(34), r.category.padded(26), (k == 0 ? "words" : "document").padded(12), r.source.description].joined(separator: " ")
        }
        return regex + model
    }
}

extension String {
    func padded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
