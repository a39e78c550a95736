import Containers
import Foundation
import Inputs
import MailContainers
import ScanCore
import TestSupport

/// Records the text each object hands to the matcher, and finds e-mail addresses in it
/// with a plain token scan (enough to prove a value reached the detector).
final class TextRecorder: TextMatcher {
    var text: [String: String] = [:]

    func match(_ chunk: TextChunk, location: String, into findings: inout [Finding]) -> Bool {
        let owned = UnsafeRawBufferPointer(rebasing: chunk.bytes[chunk.ownedStart..<chunk.ownedEnd])
        text[location, default: ""] += String(decoding: owned, as: UTF8.self)
        return false
    }

    func documentFinding(kind: String, category: String, detector: String, location: String,
                         masked: String, value: String) -> Finding? {
        Finding(location: location, kind: kind, detector: detector, category: category, confidence: 1, line: 1,
                masked: masked, fingerprint: "test:" + value, value: value)
    }
}

/// Collects results and findings.
final class Collector: ResultReporter {
    var results: [ObjectResult] = []
    var findings: [Finding] = []

    func deliver(_ result: ObjectResult?, findings: [Finding]) {
        self.findings += findings
        if let result { results.append(result) }
    }

    /// Status by location (each location must be reported once).
    var statuses: [String: String] {
        var out: [String: String] = [:]
        for r in results { out[r.location] = r.status.description }
        return out
    }
}

/// Scans `roots` with the standard handlers plus mail, as the engine does.
func scanMail(_ roots: [String], limits: ContainerLimits = ContainerLimits()) -> (TextRecorder, Collector) {
    let recorder = TextRecorder()
    let collector = Collector()
    let scanner = ObjectScanner(registry: HandlerRegistry.builtIn.adding(MailHandlers.all), limits: limits,
                                readLimits: ReadLimits(), matcher: recorder, reporter: collector)
    let walker = FileWalker(roots: roots)
    while let event = walker.next() {
        switch event {
        case .file(let f): scanner.scan(file: f)
        case .status(let path, let status): collector.results.append(ObjectResult(location: path, status: status))
        }
    }
    return (recorder, collector)
}
