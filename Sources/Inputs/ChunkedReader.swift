import Glibc
import ScanCore

/// Reads a file (or any `ByteSource`) in bounded chunks, decodes it to UTF-8 and hands
/// overlapping `TextChunk`s to a body.
///
/// The first 64 KiB decide the encoding (`TextSniffer`); binary content delivers nothing.
/// Memory is bounded by `limits.maxChunkBytes` plus fixed buffers, whatever the file size
/// or line length. A read error after the start ends the read with `partial(io: ...)` once
/// the data already read has been delivered.
public enum ChunkedReader {
    /// Opens `path` and reads it. When `expected` is the walked file for `path`, its exact
    /// path bytes are opened and its device+inode must match (else `ReadError` `replaced`).
    /// Throws a `ReadError` when the file cannot be opened, or what `body` throws.
    public static func read(path: String, expected: WalkedFile?, limits: ReadLimits = ReadLimits(),
                            body: (TextChunk) throws -> Void) throws -> ReadResult {
        let walked = expected.flatMap { $0.path == path ? $0 : nil }
        let pathBytes = walked?.pathBytes ?? Array(path.utf8)
        let context = "opening \(path)"
        if expected == nil, let reason = try skipReasonBeforeOpening(pathBytes, context: context) {
            return ReadResult(status: .skipped(reason))
        }
        let file = try ReadOnlyFile(pathBytes: pathBytes, displayPath: path, followSymlink: walked?.viaSymlink ?? false)
        let st = try file.status()
        if let expected, st.device != expected.device || st.inode != expected.inode {
            throw ReadError(reason: StatusReason.replaced, operation: "fstat",
                            message: "not the file that was listed (device/inode changed)", context: context)
        }
        if st.kind != .regular {
            return ReadResult(status: .skipped(st.skipReason ?? StatusReason.directory))
        }
        return try read(from: file, limits: limits, body: body)
    }

    /// Reads a walked file: opens its exact path bytes and checks its device+inode.
    public static func read(file: WalkedFile, limits: ReadLimits = ReadLimits(),
                            body: (TextChunk) throws -> Void) throws -> ReadResult {
        try read(path: file.path, expected: file, limits: limits, body: body)
    }

    /// Sniffs, decodes and chunks any byte source. Source errors end the read with
    /// `partial(reason)` (or are thrown when nothing could be read); body errors are rethrown.
    public static func read(from source: some ByteSource, limits: ReadLimits = ReadLimits(),
                            body: (TextChunk) throws -> Void) throws -> ReadResult {
        var source = source
        var result = ReadResult()
        var raw = [UInt8](repeating: 0, count: TextSniffer.sampleSize)
        let (sampleCount, sampleEnded, sampleFailure) = try readSample(from: &source, into: &raw)
        var failure = sampleFailure
        var atEnd = sampleEnded
        result.bytesRead = UInt64(sampleCount)
        let verdict = raw.withUnsafeBytes {
            TextSniffer.sniff(UnsafeRawBufferPointer(rebasing: $0[0..<sampleCount]), isWholeStream: atEnd || failure != nil)
        }
        guard case .text(let encoding, let bomLength) = verdict else {
            result.status = .skipped(StatusReason.binary)
            return result
        }
        result.encoding = encoding
        var decoder = TextDecoder(encoding)
        var assembler = ChunkAssembler(limits: limits)
        var staging = [UInt8](repeating: 0, count: decoder.isPassthrough ? 0 : decoder.maxOutputCount(forInputCount: raw.count) + 8)

        /// Decodes `count` bytes of `raw` from `start` and appends them.
        func feed(_ start: Int, _ count: Int) throws {
            guard count > start else { return }
            if decoder.isPassthrough {
                try raw.withUnsafeBytes { try assembler.append(UnsafeRawBufferPointer(rebasing: $0[start..<count]), body: body) }
                return
            }
            let produced = raw.withUnsafeBytes { input in
                staging.withUnsafeMutableBytes { decoder.decode(UnsafeRawBufferPointer(rebasing: input[start..<count]), into: $0) }
            }
            try staging.withUnsafeBytes { try assembler.append(UnsafeRawBufferPointer(rebasing: $0[0..<produced]), body: body) }
        }

        try feed(min(bomLength, sampleCount), sampleCount)
        while !atEnd && failure == nil {
            var n = 0
            if decoder.isPassthrough {
                n = try assembler.fill({ tail in
                    do { return try source.read(into: tail) } catch { failure = error; return 0 }
                }, body: body)
            } else {
                do {
                    n = try raw.withUnsafeMutableBytes { try source.read(into: $0) }
                } catch {
                    failure = error
                }
                try feed(0, n)
            }
            if n == 0 && failure == nil { atEnd = true }
            result.bytesRead += UInt64(n)
        }
        if failure == nil {
            let produced = staging.withUnsafeMutableBytes { decoder.finish(into: $0) }
            try staging.withUnsafeBytes { try assembler.append(UnsafeRawBufferPointer(rebasing: $0[0..<produced]), body: body) }
        }
        try assembler.finish(body: body)
        result.chunks = assembler.chunks
        result.decodedBytes = assembler.streamLength
        if let failure { result.status = .partial(reason(for: failure)) }
        return result
    }

    /// Fills `raw` from the start of the source: (bytes, reached the end, error after some bytes).
    /// An error before the first byte is thrown.
    private static func readSample(from source: inout some ByteSource,
                                   into raw: inout [UInt8]) throws -> (Int, Bool, Error?) {
        var count = 0
        while count < raw.count {
            let n: Int
            do {
                let at = count
                n = try raw.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[at...])) }
            } catch {
                if count == 0 { throw error }
                return (count, false, error)
            }
            if n == 0 { return (count, true, nil) }
            count += n
        }
        return (count, false, nil)
    }

    /// The status reason for a source failure.
    static func reason(for error: Error) -> String {
        (error as? ReadError)?.reason ?? "io: \(error)"
    }

    /// Why a path given without a walked file must not be opened (FIFO, device, ...), if so.
    private static func skipReasonBeforeOpening(_ pathBytes: [UInt8], context: String) throws -> String? {
        try PathResolver.withParent(of: pathBytes, context: context) { dirfd, name in
            guard case .success(let st) = FileStat.at(dirfd, name, follow: false) else { return nil }
            switch st.kind {
            case .regular, .symlink: return nil // a link fails on open with O_NOFOLLOW
            case .directory: return StatusReason.directory
            default: return st.skipReason
            }
        }
    }
}
