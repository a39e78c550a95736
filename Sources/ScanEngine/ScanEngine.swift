import Containers
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
                if let observer, !mustRead(observer.decide(file), progress: progress, sink: sink) { continue }
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

    /// Carries out an inventory decision: a replayed object is delivered from what was
    /// stored; returns whether the file must still be read.
    private func mustRead(_ decision: ReadDecision, progress: ProgressMeter, sink: FindingSink) -> Bool {
        switch decision {
        case .read:
            return true
        case .drop:
            return false
        case .replay(let result, let stored):
            progress.scanned(bytes: 0)
            deliver(result, findings: stored, sink: sink)
            return false
        }
    }

    private func work(queue: BlockingQueue<WalkedFile>, sink: FindingSink, progress: ProgressMeter) {
        let limits = ReadLimits(chunkSize: options.chunkSize, lookBehind: max(256, detector.maxBack), lookAhead: max(1024, detector.maxAhead))
        let reporter = EngineReporter(engine: self, sink: sink)
        let scanner = ObjectScanner(registry: options.handlers, limits: options.containerLimits, readLimits: limits,
                                    matcher: DetectorMatcher(detector: detector, fingerprinter: fingerprinter),
                                    reporter: reporter)
        var digest = ContentDigest()
        if observer != nil { scanner.topLevelTextTap = { digest.update($0) } }
        while let file = queue.pop() {
            if let observer {
                if !mustRead(observer.willRead(file), progress: progress, sink: sink) { continue }
                digest = ContentDigest()
                reporter.startRecording(file.path)
            }
            let result = scanner.scan(file: file)
            progress.scanned(bytes: result.bytes)
            if let observer {
                // Every finding of the file, inner ones included, is recorded under it. The
                // digest covers a plain file's whole text; a container's own text is only its
                // member names, so a container gets none.
                let (findings, isContainer) = reporter.stopRecording()
                observer.didRead(file, result: result, findings: findings,
                                 digest: result.status == .complete && !isContainer ? digest.finish() : nil)
            }
        }
    }

    /// Short reason for a per-object error (`permission`, `not_found`, `io: ...`).
    static func reason(for error: Error) -> String {
        if let e = error as? ReadError { return e.reason }
        return "\(error)"
    }

    func deliver(_ result: ObjectResult?, findings: [Finding], sink: FindingSink) {
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

/// Hands a worker's object results to the engine, which serialises them to the sink.
private final class EngineReporter: ResultReporter {
    let engine: ScanEngine
    let sink: FindingSink
    init(engine: ScanEngine, sink: FindingSink) {
        self.engine = engine
        self.sink = sink
    }
    func deliver(_ result: ObjectResult?, findings: [Finding]) {
        if let top = recordingTop {
            recorded += findings
            if let result, result.location != top { sawInner = true }
        }
        engine.deliver(result, findings: findings, sink: sink)
    }

    // For the inventory: what one top-level object produced.
    private var recordingTop: String?
    private var recorded: [Finding] = []
    private var sawInner = false

    func startRecording(_ location: String) {
        recordingTop = location
        recorded = []
        sawInner = false
    }

    /// The findings delivered since `startRecording`, and whether inner objects were met.
    func stopRecording() -> ([Finding], Bool) {
        defer { recordingTop = nil; recorded = [] }
        return (recorded, sawInner)
    }
}
