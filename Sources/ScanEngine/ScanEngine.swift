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
    let detector: DetectorSource
    let fingerprinter: Fingerprinter
    let options: ScanOptions
    private let lock = NSLock()
    private var summary = ScanSummary()
    private var sinkError: Error?
    /// Set when the detector could not be built: the walk stops and `run` throws it.
    private var setupError: Error?
    /// Inventory hooks (nil: scan everything, record nothing).
    public var observer: ScanObserver?

    /// Files handed to a worker at once at most, their total size at most (a large file
    /// goes alone), and the longest the walker holds a file before handing it over.
    static let batchCount = 64
    static let batchBytes: UInt64 = 1 << 20
    static let batchDelayNs: UInt64 = 20_000_000

    /// Creates an engine.
    public init(detector: Detector, fingerprinter: Fingerprinter, options: ScanOptions) {
        self.detector = DetectorSource(detector)
        self.fingerprinter = fingerprinter
        self.options = options
    }

    /// Creates an engine whose detector is built by `makeDetector` when the first file must
    /// be read: an inventory refresh of an unchanged tree never loads the rule packs. If it
    /// throws, the scan stops and `run` throws that error.
    public init(makeDetector: @escaping @Sendable () throws -> Detector, fingerprinter: Fingerprinter, options: ScanOptions) {
        self.detector = DetectorSource(makeDetector)
        self.fingerprinter = fingerprinter
        self.options = options
    }

    private var stopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return setupError != nil
    }

    /// Runs the scan to the end and returns its totals. Throws only when the sink fails
    /// (output cannot be written), which stops the run.
    public func run(sink: FindingSink, showProgress: Bool = false) throws -> ScanSummary {
        let started = Date()
        // Room for the walk to run well ahead of the workers (a walked file is a few hundred
        // bytes): on a refresh the workers start only once the known objects are loaded.
        let queue = BlockingQueue<WalkedFile>(capacity: 32768)
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
        walker.statThreads = options.jobs
        var walkStopped = false
        // Files go to the workers in small batches (one wake-up each), flushed when full or
        // when the oldest has waited `batchDelay` (a slow share still feeds the workers).
        var batch: [WalkedFile] = []
        var batchBytes: UInt64 = 0
        var batchStarted = DispatchTime.now()
        func flush() {
            queue.push(contentsOf: batch)
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
        }
        // Whether the run must stop (inventory failure, no detector) is asked when a batch is
        // handed over and at each status, not per file: both answers take a lock the workers
        // also hold.
        func mustStop() -> Bool { observer?.stopRequested == true || stopped }
        while let event = walker.next() {
            observer?.walked(event)
            switch event {
            case .file(let file):
                progress.walked(bytes: file.size)
                // The inventory's decision (read or replay) is taken by the workers: the walk
                // is the one serial part of a refresh.
                if batch.isEmpty { batchStarted = DispatchTime.now() }
                batch.append(file)
                batchBytes += file.size
                if batch.count >= ScanEngine.batchCount || batchBytes >= ScanEngine.batchBytes
                    || (batch.count & 7 == 0 && DispatchTime.now().uptimeNanoseconds - batchStarted.uptimeNanoseconds >= ScanEngine.batchDelayNs) {
                    if mustStop() { walkStopped = true; break }
                    flush()
                }
            case .status(let path, let status):
                if mustStop() { walkStopped = true; break }
                deliver(ObjectResult(location: path, status: status), findings: [], sink: sink)
            }
            if walkStopped { break }
        }
        if walkStopped { batch.removeAll() } else { flush() }
        progress.walkFinished()
        if !walkStopped { observer?.walkFinished() }
        queue.close()
        group.wait()
        progress.stop()
        lock.lock()
        summary.seconds = Date().timeIntervalSince(started)
        let result = summary
        let error = setupError ?? sinkError
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
        let reporter = EngineReporter(engine: self, sink: sink)
        var scanner: ObjectScanner?
        var digest = ContentDigest()
        while true {
            let files = queue.pop(maxCount: ScanEngine.batchCount, maxWeight: ScanEngine.batchBytes, weight: { $0.size })
            if files.isEmpty { break }
            if stopped { continue }
            var toRead = files
            if let observer {
                // The batch's replays go to the sink together (one lock), before any read.
                toRead = []
                var replays: [(ObjectResult, [Finding])] = []
                for (file, decision) in zip(files, observer.decide(files)) {
                    switch decision {
                    case .read: toRead.append(file)
                    case .drop: break
                    case .replay(let result, let stored): replays.append((result, stored))
                    }
                }
                deliver(replays, sink: sink)
                for _ in replays { progress.scanned(bytes: 0) }
            }
            for file in toRead {
                if stopped { break }
                if scanner == nil {
                    // Built before the file is journaled as in flight: a detector that cannot
                    // be built must not count as an attempt against the file.
                    do {
                        scanner = makeScanner(try detector.get(), reporter: reporter)
                    } catch {
                        lock.lock()
                        if setupError == nil { setupError = error }
                        lock.unlock()
                        break
                    }
                    if observer != nil { scanner!.topLevelTextTap = { digest.update($0) } }
                }
                if let observer {
                    if !mustRead(observer.willRead(file), progress: progress, sink: sink) { continue }
                    digest = ContentDigest()
                    reporter.startRecording(file.path)
                }
                let result = scanner!.scan(file: file)
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
    }

    private func makeScanner(_ detector: Detector, reporter: EngineReporter) -> ObjectScanner {
        let limits = ReadLimits(chunkSize: options.chunkSize, lookBehind: max(256, detector.maxBack), lookAhead: max(1024, detector.maxAhead))
        return ObjectScanner(registry: options.handlers, limits: options.containerLimits, readLimits: limits,
                             matcher: DetectorMatcher(detector: detector, fingerprinter: fingerprinter),
                             reporter: reporter)
    }

    /// Short reason for a per-object error (`permission`, `not_found`, `io: ...`).
    static func reason(for error: Error) -> String {
        if let e = error as? ReadError { return e.reason }
        return "\(error)"
    }

    /// Delivers several stored results at once.
    func deliver(_ results: [(ObjectResult, [Finding])], sink: FindingSink) {
        guard !results.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        guard sinkError == nil else { return }
        do {
            for (result, findings) in results {
                try write(findings, to: sink)
                summary.add(result)
                try sink.objectDone(result)
            }
        } catch {
            sinkError = error
        }
    }

    /// Writes findings and counts them by kind (runs of one kind counted once: a dictionary
    /// update per finding showed in profiles). Called with `lock` held.
    private func write(_ findings: [Finding], to sink: FindingSink) throws {
        var i = 0
        while i < findings.count {
            let kind = findings[i].kind
            var j = i
            while j < findings.count && findings[j].kind == kind {
                try sink.write(findings[j])
                j += 1
            }
            summary.findingsByKind[kind, default: 0] += j - i
            i = j
        }
    }

    func deliver(_ result: ObjectResult?, findings: [Finding], sink: FindingSink) {
        lock.lock()
        defer { lock.unlock() }
        guard sinkError == nil else { return }
        do {
            try write(findings, to: sink)
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

/// The engine's detector: given, or built once on first use (callers wait for it).
final class DetectorSource: @unchecked Sendable {
    // @unchecked Sendable: `result` and `make` are only touched under `lock`.
    private let lock = NSLock()
    private var result: Result<Detector, Error>?
    private var make: (@Sendable () throws -> Detector)?

    init(_ detector: Detector) { result = .success(detector) }
    init(_ make: @escaping @Sendable () throws -> Detector) { self.make = make }

    func get() throws -> Detector {
        lock.lock()
        defer { lock.unlock() }
        if result == nil {
            result = Result(catching: make!)
            make = nil
        }
        return try result!.get()
    }
}
