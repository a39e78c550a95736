import Foundation
import PatternCatalog
import ScanCore

/// Runs every rule's examples through the whole detector (`trawl patterns check`).
public enum PatternChecker {
    /// One example that did not behave as its rule file says.
    public struct Failure: Sendable, CustomStringConvertible {
        /// The rule.
        public let ruleID: String
        /// Where the rule is defined.
        public let source: SourceLocation
        /// What went wrong.
        public let message: String
        /// `file:line: rule id: message`.
        public var description: String { "\(source): rule \(ruleID): \(message)" }
    }

    /// Scans one text as a single chunk and returns its hits with their kinds.
    public static func run(_ text: String, detector: Detector, scratch: DetectorScratch) -> [(kind: String, value: String, confidence: Double)] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            let chunk = TextChunk(bytes: raw, ownedStart: 0, ownedEnd: raw.count, newlinesBefore: 0, streamOffset: 0)
            let hits = detector.scan(chunk, scratch: scratch) + detector.finishDocument(scratch: scratch)
            return hits.map { hit in (detector.ruleList[hit.ruleIndex].kind, hit.value, hit.confidence) }
        }
    }

    /// Checks every example and negative example of every rule; returns the failures and
    /// how many examples ran.
    public static func check(detector: Detector) -> (failures: [Failure], examples: Int) {
        let scratch = DetectorScratch(for: detector)
        var failures: [Failure] = []
        var count = 0
        for rule in detector.ruleList {
            if rule.examples.isEmpty {
                failures.append(Failure(ruleID: rule.id, source: rule.source, message: "has no examples"))
            }
            if rule.negativeExamples.isEmpty {
                failures.append(Failure(ruleID: rule.id, source: rule.source, message: "has no negative examples"))
            }
            for example in rule.examples {
                count += 1
                let found = run(example.text, detector: detector, scratch: scratch).filter { $0.kind == rule.kind }
                if !found.contains(where: { $0.value == example.value }) {
                    let got = found.isEmpty ? "nothing" : found.map { "\($0.value) (\(String(format: "%.2f", $0.confidence)))" }.joined(separator: ", ")
                    failures.append(Failure(ruleID: rule.id, source: rule.source,
                                            message: "example \"\(example.text)\" should give \(rule.kind) \(example.value), got \(got)"))
                }
            }
            for text in rule.negativeExamples {
                count += 1
                let found = run(text, detector: detector, scratch: scratch).filter { $0.kind == rule.kind }
                if !found.isEmpty {
                    failures.append(Failure(ruleID: rule.id, source: rule.source,
                                            message: "negative example \"\(text)\" gave \(rule.kind) \(found.map(\.value).joined(separator: ", "))"))
                }
            }
        }
        return (failures, count)
    }
}
