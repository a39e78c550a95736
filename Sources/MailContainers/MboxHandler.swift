import Containers
import Glibc
import Mail
import ScanCore

/// An mbox file (mboxo or mboxrd, LF or CRLF): split while streaming, each message a
/// child `message-N` (1-based) scanned by `MessageHandler`. Memory stays at one read
/// buffer plus one message (cut at the member cap: the mbox then ends
/// `partial(max_member_size)`).
public struct MboxHandler: ObjectHandler {
    /// The format name.
    public static let format = Format("mbox")

    /// Creates the handler.
    public init() {}

    /// `mbox` when the file starts with a `From ` line followed by a header field.
    public func sniff(prefix: UnsafeRawBufferPointer, name: String) -> Format? {
        MboxReader.sniff(Array(prefix.prefix(16 << 10))) ? Self.format : nil
    }

    /// Splits the mbox and scans each message as a child `message-N`.
    public func scan(_ data: ObjectData, format: Format, context: ObjectContext) -> ObjectStatus {
        let cap = context.limits.maxMemberBytes
        let reader: MboxReader
        switch data {
        case .file(let f, _):
            _ = lseek(f.fd, 0, SEEK_SET)
            reader = MboxReader(maxMessageBytes: cap) { buf, n in
                try f.read(into: UnsafeMutableRawBufferPointer(start: buf, count: n))
            }
        case .memory(let b):
            var pos = 0
            reader = MboxReader(maxMessageBytes: cap) { buf, n in
                let k = min(n, b.count - pos)
                if k > 0 { buf.copyMemory(from: b.buffer.baseAddress! + pos, byteCount: k) }
                pos += k
                return k
            }
        }
        var count = 0
        do {
            while let message = try reader.next() {
                if let r = context.stopReason { context.markPartial(r); break }
                count += 1
                context.scanChild(name: "message-\(message.index)", data: OwnedBytes(message.bytes))
                if message.truncated { context.markPartial("max_member_size") }
            }
        } catch {
            if count == 0 { return .error(ObjectScanner.reason(for: error)) }
            context.markPartial("io")
        }
        return .complete
    }
}
