import Inputs
import ScanCore

/// Finds personal data in text: the detector, as seen by the container framework.
public protocol TextMatcher: AnyObject {
    /// Appends the findings owned by `chunk`, located at `location`; returns whether a
    /// regex resource limit was hit while matching it.
    func match(_ chunk: TextChunk, location: String, into findings: inout [Finding]) -> Bool
    /// The object's text is over: appends findings that need the whole text (a CV's name).
    func finishDocument(location: String, into findings: inout [Finding])
    /// A finding about a whole object (`document.correspondence` for a mail message),
    /// fingerprinted like any finding; nil when the scan does not report `kind` (`--kind`).
    func documentFinding(kind: String, category: String, detector: String, location: String,
                         masked: String, value: String) -> Finding?
}

extension TextMatcher {
    /// Matchers without whole-document findings (test fakes) add none.
    public func finishDocument(location: String, into findings: inout [Finding]) {}
    /// Matchers that do not report document kinds (test fakes) report none.
    public func documentFinding(kind: String, category: String, detector: String, location: String,
                                masked: String, value: String) -> Finding? { nil }
}

/// Receives object results and findings (the engine serialises them to the sink).
public protocol ResultReporter: AnyObject {
    /// Findings of an object still being scanned (`result` nil), or its final result.
    func deliver(_ result: ObjectResult?, findings: [Finding])
}

/// Scans one top-level file and, recursively, what is inside it; one per worker thread.
///
/// The file's first 64 KiB are read once and sniffed. Plain text streams through
/// `ChunkedReader` exactly as before (the fast path); a recognised format goes to its
/// handler, whose children come back through `ObjectContext.scanChild`.
public final class ObjectScanner {
    /// The known formats.
    public let registry: HandlerRegistry
    /// Container limits.
    public let limits: ContainerLimits
    /// Chunk sizes and overlap for text.
    public let readLimits: ReadLimits
    let matcher: TextMatcher
    let reporter: ResultReporter
    /// Sees every chunk of a top-level object's own text (depth 0) before it is matched:
    /// for a plain file, its whole decoded text (the inventory's content digest); for a
    /// container, only its own text (member names). Nil by default.
    public var topLevelTextTap: ((TextChunk) -> Void)?
    private var prefix = [UInt8](repeating: 0, count: TextSniffer.sampleSize)

    /// Creates a scanner for one worker.
    public init(registry: HandlerRegistry, limits: ContainerLimits, readLimits: ReadLimits,
                matcher: TextMatcher, reporter: ResultReporter) {
        self.registry = registry
        self.limits = limits
        self.readLimits = readLimits
        self.matcher = matcher
        self.reporter = reporter
    }

    /// Scans a walked file and everything in it; delivers every object's result and
    /// returns the top-level one.
    @discardableResult
    public func scan(file: WalkedFile) -> ObjectResult {
        let file0: ReadOnlyFile
        let size: UInt64
        do {
            switch try OpenedFile.open(file) {
            case .skipped(let reason): return deliver(ObjectResult(location: file.path, status: .skipped(reason)))
            case .file(let f, let s): file0 = f; size = s
            }
        } catch {
            return deliver(ObjectResult(location: file.path, status: .error(ObjectScanner.reason(for: error))))
        }
        var filled = 0
        var atEnd = false
        do {
            while filled < prefix.count {
                let at = filled
                let n = try prefix.withUnsafeMutableBytes { try file0.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[at...])) }
                if n == 0 { atEnd = true; break }
                filled += n
            }
        } catch {
            if filled == 0 { return deliver(ObjectResult(location: file.path, status: .error(ObjectScanner.reason(for: error)))) }
        }
        let name = ObjectScanner.lastComponent(file.path)
        let sniffed = prefix.withUnsafeBytes { registry.sniff(prefix: UnsafeRawBufferPointer(rebasing: $0[0..<filled]), name: name) }
        if let (handler, format) = sniffed {
            let context = ObjectContext(scanner: self, location: file.path, name: name, depth: 0,
                                        budget: ScanBudget(limits: limits), inputSize: size)
            let status = handler.scan(.file(file0, size: size), format: format, context: context)
            return context.finish(status, bytes: size)
        }
        // Plain text (or unknown binary): stream it, as the reader always did.
        let context = ObjectContext(scanner: self, location: file.path, name: name, depth: 0,
                                    budget: nil, inputSize: size)
        return prefix.withUnsafeBytes { p in
            let source = PrefixedSource(prefix: UnsafeRawBufferPointer(rebasing: p[0..<filled]), base: file0, baseAtEnd: atEnd)
            do {
                let result = try context.scanEncodedText(source)
                return context.finish(result.status, bytes: result.bytesRead)
            } catch {
                return context.finish(.error(ObjectScanner.reason(for: error)), bytes: 0)
            }
        }
    }

    @discardableResult
    func deliver(_ result: ObjectResult, findings: [Finding] = []) -> ObjectResult {
        reporter.deliver(result, findings: findings)
        return result
    }

    /// Short reason for a per-object error (`permission`, `not_found`, `corrupt` ...).
    public static func reason(for error: Error) -> String {
        if let e = error as? ReadError { return e.reason }
        return "io: \(error)"
    }

    /// The part of a path or member name after its last `/`.
    public static func lastComponent(_ path: String) -> String {
        var p = Substring(path)
        while p.hasSuffix("/") { p = p.dropLast() }
        if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
        return String(p)
    }
}
