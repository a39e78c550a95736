import Detection
import Foundation
import Inputs
import PatternCatalog
import ScanCore

/// The pipeline: walk the roots, read each file in bounded chunks, detect, and hand
/// findings and object statuses to a sink. One object's failure never stops the scan.
public final class ScanEngine: @unchecked Sendable {
    // @unchecked Sendable: shared mutable state (summary, sink) is only touched under `lock`.
    let detector: Detector
    let fingerprinter: Fingerprinter
    let options: ScanOptions
    private let lock = NSLock()
    private var summary = ScanSummary()
    private var sinkError: Error?
    /// Inventory hooks (nil: scan everything, record nothing).
    public var observer: ScanObserver?

    /// Creates an engine.
    public init(detector: Detector, fingerprinter: Fingerprinter, options: ScanOptions) {
        self.detector = detector
        self.fingerprinter = fingerprinter
        self.options = options
    }

    /// Runs the scan to the end and returns its totals. Throws only when the sink fails
    /// (output cannot be written), which stops the run.
    public func run(sink: FindingSink, showProgress: Bool = false) throws -> ScanSummary {
        let started = Date()
        let queue = BlockingQueue<WalkedFile>(capacity: 4096)
        let progress = ProgressMeter(enabled: showProgress)
        progress.startTicking()
        let group = DispatchGroup()
        for _ in 0..<options.jobs {
            group.enter()
            let box = SinkBox(sink)
            let t = Thread { [self] in
                self.work(queue: queue, sink: box.sink, progress: progress)
                group.leave()
            }
            t.stackSize = 8 << 20
            t.start()
        }
        let walker = FileWalker(roots: options.roots, options: options.walk)
        var walkStopped = false
        while let event = walker.next() {
            observer?.walked(event)
            if observer?.stopRequested == true { walkStopped = true; break }
            switch event {
            case .file(let file):
                progress.walked(bytes: file.size)
                if let observer {
                    switch observer.decide(file) {
                    case .read: break
                    case .drop: continue
                    case .replay(let result, let stored):
                        progress.scanned(bytes: 0)
                        deliver(result, findings: stored, sink: sink)
                        continue
                    }
                }
                queue.push(file)
            case .status(let path, let status):
                deliver(ObjectResult(location: path, status: status), findings: [], sink: sink)
            }
        }
        progress.walkFinished()
        if !walkStopped { observer?.walkFinished() }
        queue.close()
        group.wait()
        progress.stop()
        lock.lock()
        summary.seconds = Date().timeIntervalSince(started)
        let result = summary
        let error = sinkError
        lock.unlock()
        if let error { throw error }
        try sink.finish(result)
        return result
    }

    private func work(queue: BlockingQueue<WalkedFile>, sink: FindingSink, progress: ProgressMeter) {
        let scratch = DetectorScratch(for: detector)
        var fingerprints = FingerprintCache()
        let rules = detector.ruleList
        let limits = ReadLimits(chunkSize: options.chunkSize, lookBehind: max(256, detector.maxBack), lookAhead: max(1024, detector.maxAhead))
        while let file = queue.pop() {
            if let observer {
                switch observer.willRead(file) {
                case .read: break
                case .drop: continue
                case .replay(let result, let stored):
                    progress.scanned(bytes: 0)
                    deliver(result, findings: stored, sink: sink)
                    continue
                }
            }
            var digest = observer.map { _ in ContentDigest() }
            var recorded: [Finding] = []
            var findings: [Finding] = []
            var delivered = 0
            var regexLimit = false
            let status: ObjectStatus
            var bytes: UInt64 = 0
            do {
                func add(_ hits: [Hit]) {
                    for hit in hits {
                        let rule = rules[hit.ruleIndex]
                        findings.append(Finding(location: file.path, kind: rule.kind, detector: rule.id, category: rule.category,
                                                confidence: hit.confidence, line: hit.line,
                                                masked: Masker.mask(hit.value, kind: rule.kind),
                                                fingerprint: fingerprints.fingerprint(hit.value, with: fingerprinter), value: hit.value))
                    }
                }
                let result = try ChunkedReader.read(path: file.path, expected: file, limits: limits) { chunk in
                    digest?.update(chunk)
                    add(detector.scan(chunk, scratch: scratch))
                    if scratch.regexLimitHit { regexLimit = true }
                    if findings.count >= 4096 {
                        if observer != nil { recorded += findings }
                        deliver(nil, findings: findings, sink: sink)
                        delivered += findings.count
                        findings.removeAll(keepingCapacity: true)
                    }
                }
                add(detector.finishDocument(scratch: scratch))
                bytes = result.bytesRead
                status = (regexLimit && result.status == .complete) ? .partial("regex_limit") : result.status
            } catch {
                status = .error(ScanEngine.reason(for: error))
            }
            progress.scanned(bytes: bytes)
            let objectResult = ObjectResult(location: file.path, status: status, bytes: bytes, findingCount: delivered + findings.count)
            deliver(objectResult, findings: findings, sink: sink)
            observer?.didRead(file, result: objectResult, findings: recorded + findings, digest: status == .complete ? digest?.finish() : nil)
        }
    }

    /// Short reason for a per-object error (`permission`, `not_found`, `io: ...`).
    static func reason(for error: Error) -> String {
        if let e = error as? ReadError { return e.reason }
        return "\(error)"
    }

    private func deliver(_ result: ObjectResult?, findings: [Finding], sink: FindingSink) {
        lock.lock()
        defer { lock.unlock() }
        guard sinkError == nil else { return }
        do {
            for f in findings {
                summary.findingsByKind[f.kind, default: 0] += 1
                try sink.write(f)
            }
            if let result {
                summary.add(result)
                try sink.objectDone(result)
            }
        } catch {
            sinkError = error
        }
    }
}

/// Carries the sink into worker threads.
///
/// `@unchecked Sendable`: workers never call the sink directly; every call goes through
/// `ScanEngine.deliver`, which holds the engine's lock.
private final class SinkBox: @unchecked Sendable {
    let sink: FindingSink
    init(_ sink: FindingSink) { self.sink = sink }
}
