import PatternCatalog
import PCRE2
import Validators

/// A rule ready to run: compiled pattern, resolved validators and context words.
final class CompiledRule: Sendable {
    let rule: Rule
    let pattern: CompiledPattern
    let checks: [@Sendable (String) -> Bool]
    let context: ContextMatcher
    /// Digit-count bits for `digits` anchors (bit n set when n digits fire the rule).
    let digitMask: UInt64
    /// Allowed first digits of a digit group, as bits.
    let firstDigits: UInt16

    init(rule: Rule, tlds: Set<String>) throws {
        var options: PatternOptions = []
        for name in rule.options {
            guard let o = PatternOptions.named(name) else {
                throw CatalogError(rule.source, "rule \(rule.id): unknown option '\(name)'")
            }
            options.insert(o)
        }
        do {
            pattern = try CompiledPattern(rule.pattern, options: options, context: "compiling rule \(rule.id)")
        } catch {
            throw CatalogError(rule.patternSource, "rule \(rule.id): \(error.message) at offset \(error.offset ?? 0) of the pattern")
        }
        guard pattern.captureCount == 1 else {
            throw CatalogError(rule.patternSource, "rule \(rule.id): the pattern must have exactly one capturing group (it has \(pattern.captureCount)); use (?:...) for the others")
        }
        checks = try rule.validators.map { name -> @Sendable (String) -> Bool in
            if name == "tld" {
                return { value in
                    guard let dot = value.lastIndex(of: ".") else { return false }
                    return tlds.contains(value[value.index(after: dot)...].lowercased())
                }
            }
            guard let v = Validators.named(name) else {
                throw CatalogError(rule.source, "rule \(rule.id): unknown validator '\(name)'")
            }
            return v.check
        }
        context = ContextMatcher(words: rule.context.allWords, window: rule.context.window)
        var mask: UInt64 = 0
        for n in rule.prefilter.anchor == .upperDigit ? rule.prefilter.token : rule.prefilter.digits { mask |= 1 << UInt64(n) }
        digitMask = mask
        firstDigits = rule.prefilter.firstDigits.reduce(UInt16(0)) { $0 | (1 << UInt16($1)) }
        self.rule = rule
    }
}
