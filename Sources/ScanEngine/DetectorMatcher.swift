import Containers
import Detection
import PatternCatalog
import ScanCore

/// The detector behind the container framework's `TextMatcher`: one per worker thread,
/// owning that worker's scratch.
final class DetectorMatcher: TextMatcher {
    private let detector: Detector
    private let fingerprinter: Fingerprinter
    private let scratch: DetectorScratch
    /// Kind, id and category of each rule (copying a whole `Rule` per finding retained every
    /// one of its fields).
    private let kinds: [String], ids: [String], categories: [String]
    private var fingerprints = FingerprintCache()

    init(detector: Detector, fingerprinter: Fingerprinter) {
        self.detector = detector
        self.fingerprinter = fingerprinter
        scratch = DetectorScratch(for: detector)
        kinds = detector.ruleList.map(\.kind)
        ids = detector.ruleList.map(\.id)
        categories = detector.ruleList.map(\.category)
    }

    func match(_ chunk: TextChunk, location: String, into findings: inout [Finding]) -> Bool {
        for hit in detector.scan(chunk, scratch: scratch) {
            findings.append(finding(hit, location: location))
        }
        return scratch.regexLimitHit
    }

    func finishDocument(location: String, into findings: inout [Finding]) {
        for hit in detector.finishDocument(scratch: scratch) {
            findings.append(finding(hit, location: location))
        }
    }

    private func finding(_ hit: Hit, location: String) -> Finding {
        let fingerprint = fingerprints.fingerprint(hit.value, with: fingerprinter)
        let r = hit.ruleIndex
        return Finding(location: location, kind: kinds[r], detector: ids[r], category: categories[r],
                       confidence: hit.confidence, line: hit.line,
                       masked: Masker.mask(hit.value, kind: kinds[r]),
                       fingerprint: fingerprint, value: hit.value)
    }

    func documentFinding(kind: String, category: String, detector id: String, location: String,
                         masked: String, value: String) -> Finding? {
        guard detector.onlyKinds?.contains(kind) ?? true else { return nil }
        return Finding(location: location, kind: kind, detector: id, category: category, confidence: 1, line: 1,
                       masked: masked, fingerprint: fingerprinter.fingerprint(value), value: value)
    }
}
