import Inputs
import ScanCore

/// One object being scanned (a file, an archive member, a message part): where it is, how
/// deep, what it may still spend, and the two ways to hand on content — its text
/// (`appendText`, `scanEncodedText`) and its children (`scanChild`).
///
/// Findings in the text carry `location`; `line` counts newlines in the text handed in.
/// Created by the framework for each object; used by one thread.
public final class ObjectContext {
    /// The root path as given, then `!/member` per container level.
    public let location: String
    /// The object's own name (last path component of a file, member path of a member).
    public let name: String
    /// 0 for a top-level file, parent + 1 for a child.
    public let depth: Int
    /// Size of the object's own bytes (the base of its expansion ratio).
    public let inputSize: UInt64
    let scanner: ObjectScanner
    private let sharedBudget: ScanBudget?
    private var chunker: TextChunker?
    private var findings: [Finding] = []
    private var delivered = 0
    private var regexLimit = false
    private var partialReason: String?
    private var expanded: UInt64 = 0
    private var ratioTripped = false
    private var children = 0
    private var entriesTripped = false
    /// First line of each page (page 1 starts at line 1), for paged documents.
    private var pageStarts: [Int] = []

    init(scanner: ObjectScanner, location: String, name: String, depth: Int, budget: ScanBudget?, inputSize: UInt64) {
        self.scanner = scanner
        self.location = location
        self.name = name
        self.depth = depth
        self.sharedBudget = budget
        self.inputSize = inputSize
    }

    /// The limits of this scan.
    public var limits: ContainerLimits { scanner.limits }

    /// The top-level object's budget (decompressed bytes, time), shared by all levels.
    public var budget: ScanBudget { sharedBudget! }

    /// Why this object should stop expanding now (`max_total_size`, `timeout`, `ratio`,
    /// `max_entries`), or nil. Handlers check it before each child.
    public var stopReason: String? {
        if let r = sharedBudget?.check() { return r }
        if ratioTripped { return "ratio" }
        if entriesTripped { return "max_entries" }
        return nil
    }

    /// Records that the object was not read completely; the first reason wins and turns a
    /// `.complete` from the handler into `.partial(reason)`.
    public func markPartial(_ reason: String) {
        if partialReason == nil { partialReason = reason }
    }

    // MARK: Text

    /// Scans UTF-8 text of this object (extracted paragraphs, cells, member names ...).
    /// Call as often as needed; pieces are joined as given, so end items with `\n` or `\t`.
    public func appendText(_ text: String) {
        if chunker == nil { chunker = TextChunker(limits: scanner.readLimits) }
        try? chunker!.append(text) { match($0) }
    }

    /// Scans UTF-8 bytes of this object (see `appendText(_:)`).
    public func appendText(_ bytes: UnsafeRawBufferPointer) {
        if chunker == nil { chunker = TextChunker(limits: scanner.readLimits) }
        try? chunker!.append(bytes) { match($0) }
    }

    /// Declares the object paged: `starts[k]` is the first line of page k + 1. Findings of
    /// the text appended afterwards carry the page their line falls on.
    public func setPageStarts(_ starts: [Int]) {
        pageStarts = starts
    }

    /// Sets the page of `findings[from...]` from their lines.
    private func assignPages(from: Int) {
        guard !pageStarts.isEmpty, from < findings.count else { return }
        for k in from..<findings.count {
            var lo = 0, hi = pageStarts.count    // the number of page starts at or before the line
            while lo < hi {
                let mid = (lo + hi) / 2
                if pageStarts[mid] <= findings[k].line { lo = mid + 1 } else { hi = mid }
            }
            findings[k].page = max(1, lo)
        }
    }

    /// Scans raw bytes whose encoding is unknown (sniffed: UTF-8, UTF-16, Windows-1252;
    /// binary gives `skipped(binary)`), streamed in bounded chunks. Use it instead of,
    /// not together with, `appendText`. Throws when the source fails before its first byte.
    public func scanEncodedText(_ source: some ByteSource) throws -> ReadResult {
        try ChunkedReader.read(from: source, limits: scanner.readLimits) { match($0) }
    }

    /// Reports that this object as a whole is a document of `kind` (a mail message:
    /// `document.correspondence`). `masked` must not reveal personal data; `value` (shown
    /// only with `--reveal`) is what the fingerprint is computed over.
    public func reportDocument(kind: String, category: String, detector: String, masked: String, value: String) {
        if let f = scanner.matcher.documentFinding(kind: kind, category: category, detector: detector,
                                                   location: location, masked: masked, value: value) {
            findings.append(f)
        }
    }

    private func match(_ chunk: TextChunk) {
        if depth == 0, let tap = scanner.topLevelTextTap { tap(chunk) }
        let before = findings.count
        if scanner.matcher.match(chunk, location: location, into: &findings) { regexLimit = true }
        assignPages(from: before)
        if findings.count >= 4096 {
            scanner.reporter.deliver(nil, findings: findings)
            delivered += findings.count
            findings.removeAll(keepingCapacity: true)
        }
    }

    // MARK: Children

    /// The location a child named `name` gets: `location!/name`, control characters shown
    /// as U+FFFD. The name is only displayed, never used to open anything.
    public func childLocation(_ name: String) -> String {
        var shown = Substring(name)
        while shown.hasPrefix("./") { shown = shown.dropFirst(2) }
        var safe = ""
        safe.unicodeScalars.reserveCapacity(shown.unicodeScalars.count)
        for s in shown.unicodeScalars {
            safe.unicodeScalars.append(s.value < 0x20 || s.value == 0x7F ? "\u{FFFD}" : s)
        }
        return location + "!/" + safe
    }

    /// Scans a child whose bytes are streamed (an archive member): its first 64 KiB are
    /// sniffed; text is streamed and scanned, any other format is read whole (up to the
    /// member cap) and handed to its handler. Enforces depth, entry count, member size,
    /// total size, ratio and time. Delivers the child's result and returns its status.
    @discardableResult
    public func scanChild(name: String, stream: some ByteSource) -> ObjectStatus {
        guard let childDepth = admitChild(name: name) else { return entriesTripped ? .skipped("max_entries") : .skipped("max_depth") }
        let location = childLocation(name)
        let limited = LimitedSource(stream, budget: budget, parent: self, maxBytes: limits.maxMemberBytes)
        var prefix = [UInt8](repeating: 0, count: TextSniffer.sampleSize)
        var filled = 0
        do {
            while filled < prefix.count {
                let at = filled
                let n = try prefix.withUnsafeMutableBytes { try limited.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[at...])) }
                if n == 0 { break }
                filled += n
            }
        } catch {
            return report(location, .error(ObjectScanner.reason(for: error)), bytes: UInt64(limited.count))
        }
        let childName = ObjectScanner.lastComponent(name)
        let sniffed = prefix.withUnsafeBytes { scanner.registry.sniff(prefix: UnsafeRawBufferPointer(rebasing: $0[0..<filled]), name: childName) }
        if let (handler, format) = sniffed {
            let whole: OwnedBytes?
            do {
                whole = try prefix.withUnsafeBytes { p in
                    var source = PrefixedSource(prefix: UnsafeRawBufferPointer(rebasing: p[0..<filled]), base: limited, baseAtEnd: false)
                    return try OwnedBytes.read(from: &source, limit: limits.maxMemberBytes, sizeHint: filled)
                }
            } catch {
                return report(location, .error(ObjectScanner.reason(for: error)), bytes: UInt64(limited.count))
            }
            if let reason = limited.limitReason {
                return report(location, .skipped(reason), bytes: UInt64(limited.count))
            }
            guard let whole else { return report(location, .skipped("max_member_size"), bytes: UInt64(limited.count)) }
            return run(handler, format, .memory(whole), name: childName, location: location, depth: childDepth)
        }
        let child = ObjectContext(scanner: scanner, location: location, name: childName, depth: childDepth,
                                  budget: sharedBudget, inputSize: 0)
        return prefix.withUnsafeBytes { p in
            let source = PrefixedSource(prefix: UnsafeRawBufferPointer(rebasing: p[0..<filled]), base: limited, baseAtEnd: filled < prefix.count)
            var status: ObjectStatus
            do {
                status = try child.scanEncodedText(source).status
            } catch {
                status = .error(ObjectScanner.reason(for: error))
            }
            if let reason = limited.limitReason, status == .complete {
                status = .partial(reason)
            }
            return propagate(child.finish(status, bytes: UInt64(limited.count)).status)
        }
    }

    /// Scans a child already in memory (a decoded attachment, a nested document).
    /// Sniffed like any object; plain text is scanned with encoding sniffing.
    @discardableResult
    public func scanChild(name: String, data: OwnedBytes) -> ObjectStatus {
        let childName = ObjectScanner.lastComponent(name)
        let prefix = UnsafeRawBufferPointer(rebasing: data.buffer[0..<min(data.count, TextSniffer.sampleSize)])
        if let (handler, format) = scanner.registry.sniff(prefix: prefix, name: childName) {
            guard let childDepth = admitChild(name: name) else { return entriesTripped ? .skipped("max_entries") : .skipped("max_depth") }
            if let reason = budget.consume(data.count) ?? noteExpanded(data.count) {
                markPartial(reason)
                return report(childLocation(name), .skipped(reason), bytes: 0)
            }
            return run(handler, format, .memory(data), name: childName, location: childLocation(name), depth: childDepth)
        }
        return scanChild(name: name, stream: MemorySource(data.buffer))
    }

    /// Reads a stream that is part of this object (a document's XML part) whole, counting
    /// it against the member cap, the budget and this object's ratio. Returns the bytes, or
    /// nil with the limit that stopped it (`max_member_size`, `ratio` ...). Throws source errors.
    public func readPart(_ stream: some ByteSource) throws -> (OwnedBytes?, String?) {
        let limited = LimitedSource(stream, budget: budget, parent: self, maxBytes: limits.maxMemberBytes)
        var source = limited
        let bytes = try OwnedBytes.read(from: &source, limit: limits.maxMemberBytes)
        if let reason = limited.limitReason { return (nil, reason) }
        return (bytes, bytes == nil ? "max_member_size" : nil)
    }

    /// Reports a child that is not scanned (an encrypted member: `.skipped("encrypted")`).
    public func reportChild(name: String, status: ObjectStatus, bytes: UInt64 = 0) {
        children += 1
        _ = report(childLocation(name), status, bytes: bytes)  // passes `encrypted` etc. up
    }

    /// Counts a child and checks the entry and depth limits; nil when refused (beyond the
    /// entry limit: not reported; too deep: reported `skipped(max_depth)`).
    private func admitChild(name: String) -> Int? {
        children += 1
        if children > limits.maxEntries {
            // Beyond the limit: not read and not reported; the container says why.
            entriesTripped = true
            markPartial("max_entries")
            return nil
        }
        if depth + 1 > limits.maxDepth {
            _ = report(childLocation(name), .skipped("max_depth"), bytes: 0)
            return nil
        }
        return depth + 1
    }

    private func run(_ handler: any ObjectHandler, _ format: Format, _ data: ObjectData,
                     name: String, location: String, depth: Int) -> ObjectStatus {
        let child = ObjectContext(scanner: scanner, location: location, name: name, depth: depth,
                                  budget: sharedBudget, inputSize: data.size)
        let status = handler.scan(data, format: format, context: child)
        if let r = sharedBudget?.exhausted { markPartial(r) }
        return propagate(child.finish(status, bytes: data.size).status)
    }

    private func report(_ location: String, _ status: ObjectStatus, bytes: UInt64) -> ObjectStatus {
        scanner.reporter.deliver(ObjectResult(location: location, status: status, bytes: bytes), findings: [])
        return propagate(status)
    }

    /// Limit reasons a child passes up: a container is only complete when everything in it
    /// was read, so a limit hit anywhere inside makes every ancestor `partial(reason)`.
    static let inheritedReasons: Set<String> = ["max_depth", "max_total_size", "ratio", "max_entries", "timeout",
                                                "encrypted", "max_member_size", "max_extracted_size"]

    private func propagate(_ status: ObjectStatus) -> ObjectStatus {
        if status.name != "complete", status.name != "error", let r = status.reason, ObjectContext.inheritedReasons.contains(r) {
            markPartial(r)
        }
        return status
    }

    /// Counts bytes expanded out of this object; returns `ratio` once it exceeds the limit.
    func noteExpanded(_ n: Int) -> String? {
        expanded += UInt64(n)
        if !ratioTripped && expanded > limits.ratioGrace && expanded > limits.maxRatio * max(inputSize, 1) {
            ratioTripped = true
            markPartial("ratio")
        }
        return ratioTripped ? "ratio" : nil
    }

    /// Flushes the text, settles the status and delivers the result.
    func finish(_ handlerStatus: ObjectStatus, bytes: UInt64) -> ObjectResult {
        if chunker != nil { try? chunker!.finish { match($0) } }
        // Per-document detector state lives in the worker's scratch; a parent's text is
        // matched when it finishes (pieces are buffered up to a chunk), after its children,
        // so documents do not interleave unless a container's own text passes 1 MiB.
        let before = findings.count
        scanner.matcher.finishDocument(location: location, into: &findings)
        assignPages(from: before)
        var status = handlerStatus
        if status == .complete {
            if let r = partialReason ?? stopReason { status = .partial(r) } else if regexLimit { status = .partial("regex_limit") }
        }
        let result = ObjectResult(location: location, status: status, bytes: bytes, findingCount: delivered + findings.count)
        scanner.reporter.deliver(result, findings: findings)
        findings.removeAll()
        return result
    }
}
