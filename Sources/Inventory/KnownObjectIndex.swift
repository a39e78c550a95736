import Glibc
import ScanCore

/// The objects an inventory knows under a run's roots, loaded once at the start of the run
/// and looked up once per walked file.
///
/// An unchanged rescan of a large tree does little else, so this keeps no per-object heap
/// object: fixed-size records in one array, the locations' bytes in one arena, and an
/// open-addressing table of record numbers keyed by a hash of the location bytes. Which
/// records the walk met is a byte per record, written by whichever thread handles the file
/// (each location is walked once, so no two threads write the same byte) and read after
/// the walk has ended.
public final class KnownObjectIndex: @unchecked Sendable {
    // @unchecked Sendable: everything is immutable after `finishLoading()` except the seen
    // bytes, whose writes never overlap (see above).

    struct Record {
        var id: Int64
        var device: UInt64, inode: UInt64, size: UInt64
        var mtimeNs: Int64, scannedRun: Int64
        var findingCount: Int32, attempts: Int32
        var locationStart: Int, locationLength: Int32
        /// Index into `reasons`, or -1.
        var reason: Int32
        var status: UInt8, flags: UInt8
        var root: UInt16
        var hash: UInt64
    }

    static let rescanFlag: UInt8 = 1, hasDevice: UInt8 = 2, hasInode: UInt8 = 4, hasSize: UInt8 = 8
    static let hasMtime: UInt8 = 16, hasScannedRun: UInt8 = 32
    static let statusNames = ["complete", "partial", "skipped", "error", "deleted"]

    /// The roots, as given.
    public let roots: [String]
    private var records: [Record] = []
    private var arena: [UInt8] = []
    private var reasons: [String] = []
    private var reasonIndex: [String: Int32] = [:]
    /// Record number + 1 per slot (0: empty); the count is a power of two.
    private var slots: [Int32] = []
    private var mask = 0
    private var seen: UnsafeMutablePointer<UInt8>?

    /// An empty index for `roots`; fill it with `append`, then call `finishLoading()`.
    public init(roots: [String]) {
        self.roots = roots
    }

    deinit { seen?.deallocate() }

    /// Number of objects.
    public var count: Int { records.count }

    /// Makes room for about `count` objects (loading only).
    func reserve(_ count: Int) {
        records.reserveCapacity(count)
        arena.reserveCapacity(count * 64)
    }

    /// Adds one object (loading only). `nulls`: bit 0 device, 1 inode, 2 size, 3 mtime and
    /// 4 scanned run are NULL; `status`: index in `statusNames` (5 or more: unknown).
    func append(id: Int64, location: UnsafeBufferPointer<UInt8>, root: Int, device: Int64, inode: Int64, size: Int64,
                mtimeNs: Int64, scannedRun: Int64, nulls: UInt8, rescan: Bool, status: UInt8,
                findingCount: Int, attempts: Int, reason: String?) {
        var flags: UInt8 = rescan ? KnownObjectIndex.rescanFlag : 0
        if nulls & 1 == 0 { flags |= KnownObjectIndex.hasDevice }
        if nulls & 2 == 0 { flags |= KnownObjectIndex.hasInode }
        if nulls & 4 == 0 { flags |= KnownObjectIndex.hasSize }
        if nulls & 8 == 0 { flags |= KnownObjectIndex.hasMtime }
        if nulls & 16 == 0 { flags |= KnownObjectIndex.hasScannedRun }
        var reasonNumber: Int32 = -1
        if let reason {
            if let n = reasonIndex[reason] { reasonNumber = n } else {
                reasonNumber = Int32(reasons.count)
                reasonIndex[reason] = reasonNumber
                reasons.append(reason)
            }
        }
        records.append(Record(id: id, device: UInt64(bitPattern: device), inode: UInt64(bitPattern: inode),
                              size: UInt64(bitPattern: size), mtimeNs: mtimeNs, scannedRun: scannedRun,
                              findingCount: Int32(clamping: findingCount), attempts: Int32(clamping: attempts),
                              locationStart: arena.count, locationLength: Int32(location.count), reason: reasonNumber,
                              status: min(status, UInt8(KnownObjectIndex.statusNames.count)), flags: flags, root: UInt16(root),
                              hash: KnownObjectIndex.hash(location)))
        arena.append(contentsOf: location)
    }

    /// Builds the lookup table (after the last `append`).
    func finishLoading() {
        var capacity = 16
        while capacity < records.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = [Int32](repeating: 0, count: capacity)
        for (n, r) in records.enumerated() {
            var i = Int(truncatingIfNeeded: r.hash) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(n + 1)
        }
        seen = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, records.count))
        seen!.initialize(repeating: 0, count: max(1, records.count))
    }

    /// The record number of `location`, or nil when it is not known.
    public func find(_ location: String) -> Int? {
        var location = location
        return location.withUTF8 { find(bytes: $0) }
    }

    /// The record number of the location with these UTF-8 bytes, or nil.
    public func find(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !slots.isEmpty else { return nil }
        let h = KnownObjectIndex.hash(bytes)
        return records.withUnsafeBufferPointer { recs in
            arena.withUnsafeBufferPointer { text in
                slots.withUnsafeBufferPointer { table in
                    var i = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let s = Int(table[i])
                        if s == 0 { return nil }
                        let r = recs[s - 1]
                        if r.hash == h && Int(r.locationLength) == bytes.count
                            && (bytes.isEmpty || memcmp(text.baseAddress! + r.locationStart, bytes.baseAddress!, bytes.count) == 0) {
                            return s - 1
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// The record numbers of several locations (nil: not known).
    ///
    /// Each lookup's first memory accesses (its slot, then its record) miss the caches on a
    /// large index; they are made for the whole batch first, as independent loads the
    /// processor overlaps, before the lookups proper.
    public func find(_ locations: [String]) -> [Int?] {
        guard !slots.isEmpty else { return locations.map { _ in nil } }
        var hashes = [UInt64](repeating: 0, count: locations.count)
        for (i, l) in locations.enumerated() {
            var l = l
            hashes[i] = l.withUTF8 { KnownObjectIndex.hash($0) }
        }
        var touched: UInt64 = 0
        slots.withUnsafeBufferPointer { table in
            records.withUnsafeBufferPointer { recs in
                var first = [Int32](repeating: 0, count: hashes.count)
                for (i, h) in hashes.enumerated() { first[i] = table[Int(truncatingIfNeeded: h) & mask] }
                for s in first where s > 0 { touched ^= recs[Int(s) - 1].hash }
            }
        }
        KnownObjectIndex.keep(touched)
        return locations.map { find($0) }
    }

    /// Keeps the warming loads of `find(_: [String])` from being optimised away.
    @inline(never) @_optimize(none) static func keep(_ value: UInt64) {}

    /// The object under `location`, or nil.
    public subscript(location: String) -> KnownObject? {
        find(location).map(object(at:))
    }

    /// Record `n` as a `KnownObject`.
    public func object(at n: Int) -> KnownObject {
        let r = records[n]
        let f = r.flags
        return KnownObject(
            id: r.id, root: roots[Int(r.root)],
            device: f & KnownObjectIndex.hasDevice != 0 ? r.device : nil,
            inode: f & KnownObjectIndex.hasInode != 0 ? r.inode : nil,
            size: f & KnownObjectIndex.hasSize != 0 ? r.size : nil,
            mtimeNs: f & KnownObjectIndex.hasMtime != 0 ? r.mtimeNs : nil,
            status: Int(r.status) < KnownObjectIndex.statusNames.count ? KnownObjectIndex.statusNames[Int(r.status)] : "unknown",
            reason: r.reason >= 0 ? reasons[Int(r.reason)] : nil,
            scannedRun: f & KnownObjectIndex.hasScannedRun != 0 ? r.scannedRun : nil,
            findingCount: Int(r.findingCount), rescan: f & KnownObjectIndex.rescanFlag != 0, attempts: Int(r.attempts))
    }

    /// What a refresh needs to know about a known object to replay it, read from its record
    /// without building a `KnownObject` (the decision is taken once per walked file).
    public struct ReplayFacts {
        public let id: Int64
        /// Device, inode, size and mtime are stored and equal the walked file's, and the
        /// object is not marked for a rescan.
        public let sameFile: Bool
        /// Index in `statusNames`; `statusNames.count` for an unknown status.
        public let status: UInt8
        public let reason: String?
        public let scannedRun: Int64?
        public let findingCount: Int

        /// The status as an `ObjectStatus`.
        public var objectStatus: ObjectStatus { KnownObjectIndex.objectStatus(status, reason: reason) }
    }

    /// The `ObjectStatus` of a status number (`deleted` and unknown read as complete;
    /// callers filter them out).
    public static func objectStatus(_ status: UInt8, reason: String?) -> ObjectStatus {
        switch status {
        case partial: return .partial(reason ?? "")
        case skipped: return .skipped(reason ?? "")
        case error: return .error(reason ?? "")
        default: return .complete
        }
    }

    /// Indices in `statusNames`.
    public static let complete: UInt8 = 0, partial: UInt8 = 1, skipped: UInt8 = 2, error: UInt8 = 3, deleted: UInt8 = 4

    /// The replay facts of record `n` against a walked file's identity.
    public func replayFacts(at n: Int, device: UInt64, inode: UInt64, size: UInt64, mtimeNs: Int64) -> ReplayFacts {
        records.withUnsafeBufferPointer { recs in
            let r = recs[n]
            let identity = KnownObjectIndex.hasDevice | KnownObjectIndex.hasInode | KnownObjectIndex.hasSize | KnownObjectIndex.hasMtime
            let same = r.flags & (identity | KnownObjectIndex.rescanFlag) == identity
                && r.device == device && r.inode == inode && r.size == size && r.mtimeNs == mtimeNs
            return ReplayFacts(id: r.id, sameFile: same, status: r.status, reason: r.reason >= 0 ? reasons[Int(r.reason)] : nil,
                               scannedRun: r.flags & KnownObjectIndex.hasScannedRun != 0 ? r.scannedRun : nil,
                               findingCount: Int(r.findingCount))
        }
    }

    /// The location of record `n`.
    public func location(at n: Int) -> String {
        let r = records[n]
        return arena.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[r.locationStart..<(r.locationStart + Int(r.locationLength))]), as: UTF8.self)
        }
    }

    /// The row id of record `n`.
    public func id(at n: Int) -> Int64 { records[n].id }

    /// The index into `roots` of record `n`'s root.
    public func rootIndex(at n: Int) -> Int { Int(records[n].root) }

    /// Notes that the walk met record `n` (see the type's note on threads).
    public func markSeen(_ n: Int) { seen![n] = 1 }

    /// Whether the walk met record `n` (read after the walk).
    public func wasSeen(_ n: Int) -> Bool { seen![n] != 0 }

    /// A 64-bit hash of a location's bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { ByteHash.hash64(bytes) }
}
