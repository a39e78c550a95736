import Inputs
import LibArchive
import ScanCore

/// Archives and compressed streams through libarchive: zip, tar (plain or compressed),
/// 7z, rar, cpio, iso9660, and single gz/bz2/xz/zst streams. Members are streamed, never
/// written anywhere; member names are scanned as the container's own text.
public struct ArchiveHandler: ObjectHandler {
    /// Creates the handler.
    public init() {}

    /// Magic bytes of the formats libarchive reads.
    public func sniff(prefix p: UnsafeRawBufferPointer, name: String) -> Format? {
        func at(_ offset: Int, _ magic: [UInt8]) -> Bool {
            guard p.count >= offset + magic.count else { return false }
            for (i, b) in magic.enumerated() where p[offset + i] != b { return false }
            return true
        }
        if at(0, [0x50, 0x4B, 0x03, 0x04]) || at(0, [0x50, 0x4B, 0x05, 0x06]) || at(0, [0x50, 0x4B, 0x07, 0x08]) { return .zip }
        if at(0, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
        if at(0, Array("Rar!\u{1A}\u{07}".utf8)) { return .rar }
        if at(0, [0x1F, 0x8B]) { return .gzip }
        if at(0, Array("BZh".utf8)) && p.count > 3 && (0x31...0x39).contains(p[3]) { return .bzip2 }
        if at(0, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if at(0, [0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if at(257, Array("ustar".utf8)) { return .tar }
        if at(0, Array("070701".utf8)) || at(0, Array("070702".utf8)) || at(0, Array("070707".utf8)) || at(0, [0xC7, 0x71]) { return .cpio }
        if at(0x8001, Array("CD001".utf8)) { return .iso }
        return nil
    }

    /// Lists and scans the members.
    public func scan(_ data: ObjectData, format: Format, context: ObjectContext) -> ObjectStatus {
        let compressedStream = [Format.gzip, .bzip2, .xz, .zstd].contains(format)
        var reader: ArchiveReader
        var first: ArchiveEntry?
        do {
            reader = try ArchiveHandler.open(data, mode: .archive, context: context)
            first = try reader.next()
        } catch let e as ArchiveError {
            guard compressedStream else { return ArchiveHandler.failure(e, membersRead: 0, context: context) }
            // Not an archive inside the compression: one compressed stream.
            do {
                reader = try ArchiveHandler.open(data, mode: .rawStream, context: context)
                first = try reader.next()
            } catch let e as ArchiveError {
                return ArchiveHandler.failure(e, membersRead: 0, context: context)
            } catch {
                return .error("io: \(error)")
            }
            guard first != nil else { return .complete }
            let member = ArchiveHandler.streamMemberName(context.name)
            let status = context.scanChild(name: member, stream: ArchiveStream(reader: reader))
            if let r = context.stopReason { context.markPartial(r) }
            if status.reason == "corrupt" { return .partial("corrupt") }
            return .complete
        } catch {
            return .error("io: \(error)")
        }
        let (status, read) = members(reader, first: first, context: context)
        if read == 0 && format == .zip && data.size > 22 && status == .complete {
            // Local headers but no usable central directory (libarchive then lists nothing):
            // read the members front to back instead, and say the zip is damaged.
            guard let again = try? ArchiveHandler.open(data, mode: .zipLocalHeaders, context: context),
                  let head = try? again.next() else { return .error("corrupt") }
            let (_, recovered) = members(again, first: head, context: context)
            return recovered == 0 ? .error("corrupt") : .partial("corrupt")
        }
        return status
    }

    /// Scans members from `first` on; returns the status and the number of regular members met.
    func members(_ reader: ArchiveReader, first: ArchiveEntry?, context: ObjectContext) -> (ObjectStatus, Int) {
        var read = 0
        var entry = first
        while let e = entry {
            if let r = context.stopReason { context.markPartial(r); break }
            context.appendText(e.path + "\n")
            if e.isRegularFile {
                read += 1
                if e.isEncrypted {
                    context.reportChild(name: e.path, status: .skipped("encrypted"))
                    context.markPartial("encrypted")
                } else {
                    let status = context.scanChild(name: e.path, stream: ArchiveStream(reader: reader))
                    if status == .skipped("encrypted") || status == .error("encrypted") { context.markPartial("encrypted") }
                }
            }
            do { entry = try reader.next() } catch let error as ArchiveError {
                return (ArchiveHandler.failure(error, membersRead: read, context: context), read)
            } catch {
                return (.partial("io: \(error)"), read)
            }
        }
        return (.complete, read)
    }

    /// `error(corrupt)` when nothing was read, `partial(corrupt)` after some members;
    /// `encrypted` instead of `corrupt` when libarchive says it needs a passphrase.
    static func failure(_ e: ArchiveError, membersRead: Int, context: ObjectContext) -> ObjectStatus {
        let reason = e.isEncryption ? "encrypted" : "corrupt"
        return membersRead == 0 && !e.isEncryption ? .error(reason) : .partial(reason)
    }

    static func open(_ data: ObjectData, mode: ArchiveReader.Mode, context: ObjectContext) throws -> ArchiveReader {
        switch data {
        case .file(let f, _): return try ArchiveReader(fd: f.fd, mode: mode, displayName: context.location)
        case .memory(let b): return try ArchiveReader(memory: b.buffer, owner: b, mode: mode, displayName: context.location)
        }
    }

    /// The member name of a single compressed stream: the container's name without its
    /// compression suffix (`notes.txt.gz` -> `notes.txt`), else `data`.
    static func streamMemberName(_ name: String) -> String {
        for suffix in [".gz", ".tgz", ".bz2", ".xz", ".zst", ".z", ".gzip"] where name.lowercased().hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if !base.isEmpty { return suffix == ".tgz" ? base + ".tar" : base }
        }
        return "data"
    }
}

/// The current member's bytes as a `ByteSource`; libarchive failures become `ReadError`s
/// with reason `corrupt` or `encrypted`.
struct ArchiveStream: ByteSource {
    let reader: ArchiveReader

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        do { return try reader.read(into: buffer) } catch let e as ArchiveError {
            throw ReadError(reason: e.isEncryption ? "encrypted" : "corrupt", errno: e.errno,
                            operation: "archive_read_data", message: e.message, context: e.context)
        }
    }
}
