internal import CPFF

/// An open Outlook PST or OST store (libpff), read-only.
///
/// Owns the `libpff_file_t` (and, for an in-memory store, its `libbfio` memory range);
/// `deinit` closes and frees them. One instance is used by one thread at a time:
/// libpff keeps per-file caches without locking, so it is not `Sendable`.
public final class PSTFile {
    private var file: UnsafeMutablePointer<libpff_file_t>?
    private var io: UnsafeMutablePointer<libbfio_handle_t>?
    /// Caps applied while reading.
    public var limits: PSTLimits

    /// Opens the store at `path`.
    public init(path: String, limits: PSTLimits = PSTLimits()) throws(PSTError) {
        self.limits = limits
        try pffCall("creating the file handle") { libpff_file_initialize(&file, $0) }
        do throws(PSTError) {
            try pffCall("opening the file") { libpff_file_open(file, path, CPFF_OPEN_READ(), $0) }
        } catch {
            var e: PFFErrorPointer = nil
            libpff_file_free(&file, &e)
            if e != nil { libpff_error_free(&e) }
            throw error
        }
    }

    /// Opens a store held in memory; `bytes` must stay valid while this object lives.
    public init(bytes: UnsafeRawBufferPointer, limits: PSTLimits = PSTLimits()) throws(PSTError) {
        self.limits = limits
        var bioError: UnsafeMutablePointer<libbfio_error_t>?
        if libbfio_memory_range_initialize(&io, &bioError) != 1
            || libbfio_memory_range_set(io, UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)), bytes.count, &bioError) != 1 {
            if bioError != nil { libbfio_error_free(&bioError) }
            if io != nil { libbfio_handle_free(&io, nil) }
            throw PSTError(operation: "creating a memory range", message: "")
        }
        do throws(PSTError) {
            try pffCall("creating the file handle") { libpff_file_initialize(&file, $0) }
            try pffCall("opening the file") { libpff_file_open_file_io_handle(file, io, CPFF_OPEN_READ(), $0) }
        } catch {
            if file != nil { var e: PFFErrorPointer = nil; libpff_file_free(&file, &e); if e != nil { libpff_error_free(&e) } }
            libbfio_handle_free(&io, nil)
            throw error
        }
    }

    deinit {
        var e: PFFErrorPointer = nil
        if file != nil {
            libpff_file_close(file, &e)
            if e != nil { libpff_error_free(&e) }
            libpff_file_free(&file, &e)
            if e != nil { libpff_error_free(&e) }
        }
        if io != nil { libbfio_handle_free(&io, nil) }
    }

    /// Whether `prefix` starts with the PST/OST signature `!BDN`.
    public static func sniff(_ prefix: UnsafeRawBufferPointer) -> Bool {
        prefix.count >= 4 && prefix[0] == 0x21 && prefix[1] == 0x42 && prefix[2] == 0x44 && prefix[3] == 0x4E
    }

    /// `pst`, `ost` or `pab`.
    public var contentType: String {
        var t: UInt8 = 0
        guard (try? pffCall("reading the content type") { libpff_file_get_content_type(file, &t, $0) }) == 1 else { return "pst" }
        switch Int32(t) {
        case Int32(LIBPFF_FILE_CONTENT_TYPE_OST.rawValue): return "ost"
        case Int32(LIBPFF_FILE_CONTENT_TYPE_PAB.rawValue): return "pab"
        default: return "pst"
        }
    }

    /// Whether libpff found the store's structures damaged while opening it.
    public var isCorrupted: Bool {
        var e: PFFErrorPointer = nil
        let rc = libpff_file_is_corrupted(file, &e)
        if e != nil { libpff_error_free(&e) }
        return rc == 1
    }

    /// Whether the store carries a password (PidTagPstPassword is set). PST passwords
    /// only gate Outlook's user interface; the content is readable without them.
    public var isPasswordProtected: Bool {
        var store: UnsafeMutablePointer<libpff_item_t>?
        guard (try? pffCall("reading the message store") { libpff_file_get_message_store(file, &store, $0) }) == 1, store != nil else { return false }
        defer { var e: PFFErrorPointer = nil; libpff_item_free(&store, &e); if e != nil { libpff_error_free(&e) } }
        return PSTItemReader.uint32(store!, entry: CPFF_ENTRY_TYPE_PST_PASSWORD()).map { $0 != 0 } ?? false
    }

    /// Walks every folder from the root, depth first, and calls `visit` with each item
    /// (messages, contacts, appointments ...). `visit` returns false to stop. A folder or
    /// item libpff cannot read is recorded in the returned problems and skipped; only a
    /// store without a readable root folder throws.
    @discardableResult
    public func walk(_ visit: (PSTItem) -> Bool) throws(PSTError) -> PSTWalkResult {
        try walk(shouldContinue: { true }, visit)
    }

    /// Walks like `walk(_:)`, asking `shouldContinue` before each folder (a time limit).
    @discardableResult
    public func walk(shouldContinue: () -> Bool, _ visit: (PSTItem) -> Bool) throws(PSTError) -> PSTWalkResult {
        var root: UnsafeMutablePointer<libpff_item_t>?
        let found = try pffCall("reading the root folder") { libpff_file_get_root_folder(file, &root, $0) }
        guard found == 1, root != nil else { throw PSTError(operation: "reading the root folder", message: "no root folder") }
        defer { PSTItemReader.free(&root) }
        var result = PSTWalkResult()
        var reader = PSTItemReader(limits: limits)
        _ = walkFolder(root!, path: [], depth: 0, reader: &reader, result: &result, shouldContinue: shouldContinue, visit: visit)
        return result
    }

    /// Returns false when the walk must stop.
    private func walkFolder(_ folder: UnsafeMutablePointer<libpff_item_t>, path: [String], depth: Int,
                            reader: inout PSTItemReader, result: inout PSTWalkResult,
                            shouldContinue: () -> Bool, visit: (PSTItem) -> Bool) -> Bool {
        if depth > limits.maxFolderDepth {
            result.problems.append("folder depth over \(limits.maxFolderDepth) at level \(depth)")
            result.limitHit = "max_depth"
            return true
        }
        // A folder met again is a cycle in a damaged store: skip it, once.
        var identifier: UInt32 = 0
        if (try? pffCall("reading a folder identifier") { libpff_item_get_identifier(folder, &identifier, $0) }) == 1 {
            if !result.visitedFolders.insert(identifier).inserted {
                result.problems.append("folder cycle at level \(depth)")
                result.unreadableItems += 1
                return true
            }
        }
        if !shouldContinue() { return false }
        result.folders += 1
        var messages: Int32 = 0
        if (try? pffCall("counting messages") { libpff_folder_get_number_of_sub_messages(folder, &messages, $0) }) == nil {
            result.problems.append("folder \(result.folders): messages unreadable")
        }
        for i in 0..<max(0, messages) {
            if result.items >= limits.maxItems { result.limitHit = "max_entries"; return false }
            var item: UnsafeMutablePointer<libpff_item_t>?
            do throws(PSTError) {
                try pffCall("reading message \(i + 1) of folder \(result.folders)") { libpff_folder_get_sub_message(folder, i, &item, $0) }
            } catch {
                result.problems.append(error.description)
                result.unreadableItems += 1
                continue
            }
            guard item != nil else { continue }
            let parsed = reader.read(item!, folderPath: path, index: Int(i) + 1, depth: 0)
            PSTItemReader.free(&item)
            result.items += 1
            if !visit(parsed) { return false }
        }
        var subFolders: Int32 = 0
        if (try? pffCall("counting folders") { libpff_folder_get_number_of_sub_folders(folder, &subFolders, $0) }) == nil {
            result.problems.append("folder \(result.folders): sub-folders unreadable")
        }
        for i in 0..<max(0, subFolders) {
            var sub: UnsafeMutablePointer<libpff_item_t>?
            do throws(PSTError) {
                try pffCall("reading sub-folder \(i + 1)") { libpff_folder_get_sub_folder(folder, i, &sub, $0) }
            } catch {
                result.problems.append(error.description)
                result.unreadableItems += 1
                continue
            }
            guard sub != nil else { continue }
            let name = PSTItemReader.folderName(sub!) ?? "folder-\(i + 1)"
            let go = walkFolder(sub!, path: path + [name], depth: depth + 1, reader: &reader, result: &result,
                                shouldContinue: shouldContinue, visit: visit)
            PSTItemReader.free(&sub)
            if !go { return false }
        }
        return true
    }
}
