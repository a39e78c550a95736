#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits an mbox file into messages, streaming, in bounded memory.
///
/// A message starts at a `From ` line at the start of the file, or after a blank line
/// when the next line looks like a header field (so a body line "From here on..." after a
/// paragraph break stays in the body, as in mboxo files that did not quote it). mboxrd
/// quoting is undone: a line `>From `, `>>From ` ... loses one `>`. CRLF files work. Memory
/// is one read buffer plus the current message, which is cut at `maxMessageBytes`
/// (the cut message reports `too_large` and reading resumes at the next message).
public final class MboxReader {
    /// One message.
    public struct Message: Sendable {
        /// 1-based position in the file (`message-N`).
        public var index: Int
        /// The message bytes without the `From ` line, quoting undone.
        public var bytes: [UInt8]
        /// True when the message was longer than the cap and was cut.
        public var truncated: Bool
        /// Offset of its `From ` line in the file.
        public var offset: UInt64
    }

    /// Reads up to `count` bytes into the buffer; returns 0 at end of input.
    public typealias ReadFunction = (UnsafeMutableRawPointer, Int) throws -> Int

    private let read: ReadFunction
    private let maxMessageBytes: Int
    private var buffer: [UInt8] = []
    private var readChunk = [UInt8](repeating: 0, count: MboxReader.chunk)
    private var bufferPos = 0
    private var eof = false
    private var fileOffset: UInt64 = 0 // offset of buffer[bufferPos] in the file
    private var current: [UInt8]?
    private var currentOffset: UInt64 = 0
    private var currentTruncated = false
    private var pendingFrom: (bytes: [UInt8], offset: UInt64)?
    private var prevBlank = true
    private var atLineStart = true
    private var count = 0
    private var fd: Int32 = -1
    private static let chunk = 256 << 10
    private static let maxFragment = 1 << 20

    /// Reads from a function (for tests or nested sources).
    public init(maxMessageBytes: Int = MailLimits().maxMessageBytes, read: @escaping ReadFunction) {
        self.read = read
        self.maxMessageBytes = maxMessageBytes
    }

    /// Opens a file. Throws `MailError.open` with the errno.
    public convenience init(path: String, maxMessageBytes: Int = MailLimits().maxMessageBytes) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw MailError.open(errno: errno) }
        self.init(maxMessageBytes: maxMessageBytes) { buf, n in
            while true {
                let r = Glibc.read(fd, buf, n)
                if r >= 0 { return r }
                if errno == EINTR { continue }
                throw MailError.read(errno: errno)
            }
        }
        self.fd = fd
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Bytes consumed from the input so far.
    public var bytesRead: UInt64 { fileOffset }

    /// The next message, or nil at the end.
    public func next() throws -> Message? {
        while true {
            guard let (line, offset, complete) = try nextLine() else {
                // End of input.
                if let p = pendingFrom {
                    // A `From ` line as the last line, with no header after it: body text.
                    pendingFrom = nil
                    if current == nil { _ = start(offset: p.offset) } else { appendRaw(p.bytes) }
                }
                return finish(dropTrailingBlank: false)
            }
            let startsLine = atLineStart
            atLineStart = complete
            if startsLine, let p = pendingFrom {
                pendingFrom = nil
                if Self.looksLikeHeader(line) || current == nil {
                    let done = finish(dropTrailingBlank: true)
                    _ = start(offset: p.offset)
                    append(line, startsLine: true)
                    prevBlank = complete && Self.isBlank(line)
                    if let done { return done }
                    continue
                }
                appendRaw(p.bytes)
            }
            if startsLine && complete && prevBlank && Self.isFromLine(line) {
                if current == nil && count == 0 && offset == 0 {
                    _ = start(offset: offset)
                    prevBlank = false
                    continue
                }
                pendingFrom = (line, offset)
                prevBlank = false
                continue
            }
            if current == nil { _ = start(offset: offset) } // text before any From line
            append(line, startsLine: startsLine)
            if startsLine { prevBlank = complete && Self.isBlank(line) } else if !complete { prevBlank = false }
        }
    }

    private func start(offset: UInt64) -> Message? {
        current = []
        currentOffset = offset
        currentTruncated = false
        return nil
    }

    private func finish(dropTrailingBlank: Bool) -> Message? {
        guard var bytes = current else { return nil }
        current = nil
        if dropTrailingBlank {
            // The blank line before the next `From ` belongs to the separator.
            if bytes.last == 0x0A { bytes.removeLast(); if bytes.last == 0x0D { bytes.removeLast() } }
        }
        count += 1
        return Message(index: count, bytes: bytes, truncated: currentTruncated, offset: currentOffset)
    }

    private func append(_ line: [UInt8], startsLine: Bool) {
        if startsLine, line.first == UInt8(ascii: ">") {
            var k = 0
            while k < line.count && line[k] == UInt8(ascii: ">") { k += 1 }
            if line.count >= k + 5, line[k..<(k + 5)].elementsEqual("From ".utf8) {
                appendRaw(Array(line[1...]))
                return
            }
        }
        appendRaw(line)
    }

    private func appendRaw(_ bytes: [UInt8]) {
        guard current != nil else { return }
        let room = maxMessageBytes - current!.count
        if bytes.count > room {
            if room > 0 { current!.append(contentsOf: bytes[0..<room]) }
            currentTruncated = true
            return
        }
        current!.append(contentsOf: bytes)
    }

    /// The next line (with its `\n`), or a fragment of at most 1 MiB of a longer line
    /// (`complete` false), and its file offset.
    private func nextLine() throws -> ([UInt8], UInt64, Bool)? {
        while true {
            if let nl = buffer[bufferPos...].firstIndex(of: 0x0A) {
                let line = Array(buffer[bufferPos...nl])
                let off = fileOffset
                fileOffset += UInt64(line.count)
                bufferPos = nl + 1
                return (line, off, true)
            }
            let pending = buffer.count - bufferPos
            if pending >= Self.maxFragment || (eof && pending > 0) {
                let line = Array(buffer[bufferPos...])
                let off = fileOffset
                fileOffset += UInt64(line.count)
                bufferPos = buffer.count
                return (line, off, eof && pending > 0 && pending < Self.maxFragment)
            }
            if eof { return nil }
            if bufferPos > 0 {
                buffer.removeSubrange(0..<bufferPos)
                bufferPos = 0
            }
            let n = try readChunk.withUnsafeMutableBytes { try read($0.baseAddress!, $0.count) }
            if n == 0 { eof = true } else { buffer.append(contentsOf: readChunk[0..<n]) }
        }
    }

    static func isBlank(_ line: [UInt8]) -> Bool {
        line == [0x0A] || line == [0x0D, 0x0A]
    }

    static func isFromLine(_ line: [UInt8]) -> Bool {
        line.count >= 5 && line[0..<5].elementsEqual("From ".utf8)
    }

    /// A header field line (`Name:` with a printable-ASCII name), or an mbox `From ` line.
    static func looksLikeHeader(_ line: [UInt8]) -> Bool {
        MessageHeader.fieldColon(line, 0, min(line.count, 200)) != nil
    }

    /// Whether `prefix` (the first bytes of a file) starts like an mbox: `From ` at
    /// offset 0 and a header field on the next line.
    public static func sniff(_ prefix: [UInt8]) -> Bool {
        guard isFromLine(prefix), let nl = prefix.firstIndex(of: 0x0A) else { return false }
        let rest = Array(prefix[(nl + 1)...])
        return looksLikeHeader(rest)
    }
}
