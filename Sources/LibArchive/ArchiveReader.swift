internal import CArchive
import Glibc

/// Reads the members of an archive (or one compressed stream) without writing anything
/// to disk: headers with `next()`, the current member's bytes with `read(into:)`.
///
/// Owns one `struct archive *`. libarchive handles are not thread-safe, but distinct
/// handles may be used on distinct threads; a reader is used by one thread at a time.
public final class ArchiveReader {
    /// Which libarchive format handlers to enable.
    public enum Mode: Sendable {
        /// Archive formats (zip, tar, 7z, rar, cpio, iso9660, ar, cab, lha, xar) and every filter.
        case archive
        /// One compressed stream (gz, bz2, xz, zst ...) read as a single member named `data`.
        case rawStream
        /// Zip read front to back from its local headers, ignoring the central directory
        /// (to recover members of a zip whose central directory is damaged).
        case zipLocalHeaders
    }

    private let handle: OpaquePointer
    /// Keeps the memory of `init(memory:)` alive while libarchive reads it.
    private let owner: AnyObject?
    /// Shown in errors (`reading HR/2023.zip`).
    public let displayName: String
    private var finished = false

    /// Opens an archive held in memory. `owner` must keep `memory` valid while the reader lives.
    public init(memory: UnsafeRawBufferPointer, owner: AnyObject?, mode: Mode, displayName: String) throws {
        self.displayName = displayName
        self.owner = owner
        handle = try ArchiveReader.makeHandle(mode: mode, displayName: displayName)
        let rc = archive_read_open_memory(handle, memory.baseAddress ?? UnsafeRawPointer(bitPattern: 1), memory.count)
        if rc != ARCHIVE_OK {
            // deinit frees the handle: every stored property is set by now.
            throw ArchiveReader.error(handle, rc, "opening \(displayName)")
        }
    }

    /// Opens an archive on a file descriptor, read from offset 0 (seeks when needed; the
    /// descriptor stays open and owned by the caller).
    public init(fd: Int32, mode: Mode, displayName: String) throws {
        self.displayName = displayName
        self.owner = nil
        handle = try ArchiveReader.makeHandle(mode: mode, displayName: displayName)
        _ = lseek(fd, 0, SEEK_SET)
        let rc = archive_read_open_fd(handle, fd, 64 * 1024)
        if rc != ARCHIVE_OK {
            // deinit frees the handle: every stored property is set by now.
            throw ArchiveReader.error(handle, rc, "opening \(displayName)")
        }
    }

    /// Opens an archive file by path (read-only; seeks when the format needs it).
    public init(path: String, mode: Mode, displayName: String? = nil) throws {
        self.displayName = displayName ?? path
        self.owner = nil
        handle = try ArchiveReader.makeHandle(mode: mode, displayName: self.displayName)
        let rc = archive_read_open_filename(handle, path, 64 * 1024)
        if rc != ARCHIVE_OK {
            // deinit frees the handle: every stored property is set by now.
            throw ArchiveReader.error(handle, rc, "opening \(self.displayName)")
        }
    }

    deinit { archive_read_free(handle) }

    private static func makeHandle(mode: Mode, displayName: String) throws -> OpaquePointer {
        guard let a = archive_read_new() else {
            throw ArchiveError(code: ARCHIVE_FATAL, message: "out of memory", context: "opening \(displayName)")
        }
        archive_read_support_filter_all(a)
        switch mode {
        case .archive:
            // Every archive format except mtree and warc, whose bidders accept plain text
            // lines (a compressed text file would be read as a list of names).
            archive_read_support_format_7zip(a)
            archive_read_support_format_ar(a)
            archive_read_support_format_cab(a)
            archive_read_support_format_cpio(a)
            archive_read_support_format_empty(a)
            archive_read_support_format_iso9660(a)
            archive_read_support_format_lha(a)
            archive_read_support_format_rar(a)
            archive_read_support_format_rar5(a)
            archive_read_support_format_tar(a)
            archive_read_support_format_xar(a)
            archive_read_support_format_zip(a)
        case .rawStream:
            archive_read_support_format_raw(a)
        case .zipLocalHeaders:
            archive_read_support_format_zip_streamable(a)
        }
        return a
    }

    /// The next member header, or nil at the end. Warnings are tolerated; fatal errors throw.
    public func next() throws -> ArchiveEntry? {
        guard !finished else { return nil }
        var e: OpaquePointer?
        let rc = archive_read_next_header(handle, &e)
        if rc == ARCHIVE_EOF { finished = true; return nil }
        if rc < ARCHIVE_WARN || e == nil {
            finished = true
            throw ArchiveReader.error(handle, rc, "reading the member list of \(displayName)")
        }
        let entry = e!
        let path: String
        if let p = archive_entry_pathname_utf8(entry) {
            path = String(cString: p)
        } else if let p = archive_entry_pathname(entry) {
            path = String(decoding: UnsafeRawBufferPointer(start: p, count: strlen(p)), as: UTF8.self)
        } else {
            path = ""
        }
        let type = UInt32(archive_entry_filetype(entry)) & CArchive_AE_IFMT()
        let size: Int64? = archive_entry_size_is_set(entry) != 0 ? archive_entry_size(entry) : nil
        return ArchiveEntry(path: path, size: size,
                            isRegularFile: type == CArchive_AE_IFREG(),
                            isDirectory: type == CArchive_AE_IFDIR(),
                            isEncrypted: archive_entry_is_encrypted(entry) != 0)
    }

    /// Reads the current member's data: bytes written, 0 at its end. Throws on corrupt data.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = archive_read_data(handle, base, buffer.count)
            if n >= 0 { return n }
            if Int32(n) == ARCHIVE_RETRY { continue }
            if Int32(n) == ARCHIVE_WARN { return 0 }
            throw ArchiveReader.error(handle, Int32(n), "reading a member of \(displayName)")
        }
    }

    /// Skips the rest of the current member's data.
    public func skipData() throws {
        let rc = archive_read_data_skip(handle)
        if rc < ARCHIVE_WARN { throw ArchiveReader.error(handle, rc, "skipping a member of \(displayName)") }
    }

    /// The format libarchive settled on (`ZIP 2.0 (deflation)`, `GNU tar format`, `raw`).
    public var formatName: String {
        guard let p = archive_format_name(handle) else { return "" }
        return String(cString: p)
    }

    /// Compressed bytes consumed so far (the position in the outermost input).
    public var compressedBytesRead: Int64 { archive_filter_bytes(handle, -1) }

    /// Whether libarchive has seen encrypted entries (1), none (0), or cannot tell (< 0).
    public var hasEncryptedEntries: Int32 { archive_read_has_encrypted_entries(handle) }

    private static func error(_ a: OpaquePointer, _ rc: Int32, _ context: String) -> ArchiveError {
        let message = archive_error_string(a).map { String(cString: $0) } ?? "status \(rc)"
        return ArchiveError(code: rc, errno: archive_errno(a), message: message, context: context)
    }
}
