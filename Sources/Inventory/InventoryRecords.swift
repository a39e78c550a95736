import ScanCore

/// What the inventory knows about one object from earlier runs (loaded at the start of a run).
public struct KnownObject: Sendable, Hashable {
    /// Row id.
    public var id: Int64
    /// The root it was found under.
    public var root: String
    /// Device, inode, size and modification time (ns) when last scanned.
    public var device: UInt64?, inode: UInt64?, size: UInt64?, mtimeNs: Int64?
    /// Stored status name (`complete`, `partial`, `skipped`, `error`, `deleted`) and reason.
    public var status: String
    /// Reason for a non-complete status.
    public var reason: String?
    /// The run that last read it (its rules and limits digests are that run's).
    public var scannedRun: Int64?
    /// Live findings it holds.
    public var findingCount: Int
    /// Its mtime was too close to its run's start: scan it again.
    public var rescan: Bool
    /// Runs it was in flight in when they died.
    public var attempts: Int

    /// The status as an `ObjectStatus` (`deleted` reads as complete; callers filter it out).
    public var objectStatus: ObjectStatus {
        let number = KnownObjectIndex.statusNames.firstIndex(of: status) ?? KnownObjectIndex.statusNames.count
        return KnownObjectIndex.objectStatus(UInt8(number), reason: reason)
    }
}

/// One finding as stored: no raw value, ever.
public struct StoredFinding: Sendable, Hashable {
    /// Location of the finding (the object's location, plus `!/inner` for container members).
    public var location: String
    /// Kind, detector id, category.
    public var kind: String, detector: String, category: String
    /// Confidence 0...1.
    public var confidence: Double
    /// 1-based line, page, and byte span of the member (nil when not applicable).
    public var line: Int?, page: Int?, memberStart: Int64?, memberEnd: Int64?
    /// Masked preview and keyed fingerprint.
    public var masked: String, fingerprint: String
    /// Identical findings (same location, detector, fingerprint, line) folded into this row.
    public var count: Int

    /// Creates one.
    public init(location: String, kind: String, detector: String, category: String, confidence: Double,
                line: Int?, page: Int? = nil, memberStart: Int64? = nil, memberEnd: Int64? = nil,
                masked: String, fingerprint: String, count: Int = 1) {
        self.location = location
        self.kind = kind
        self.detector = detector
        self.category = category
        self.confidence = confidence
        self.line = line
        self.page = page
        self.memberStart = memberStart
        self.memberEnd = memberEnd
        self.masked = masked
        self.fingerprint = fingerprint
        self.count = count
    }

    /// From an engine finding (drops the raw value).
    public init(_ f: Finding) {
        self.init(location: f.location, kind: f.kind, detector: f.detector, category: f.category,
                  confidence: f.confidence, line: f.line, page: f.page, masked: f.masked, fingerprint: f.fingerprint)
    }

    /// The identity used to match findings across scans of one object.
    public var key: String { "\(location)\u{1}\(detector)\u{1}\(fingerprint)\u{1}\(line ?? 0)" }

    /// Back to an engine finding, with an empty value (replayed findings have none).
    public var finding: Finding {
        Finding(location: location, kind: kind, detector: detector, category: category, confidence: confidence,
                line: line ?? 0, masked: masked, fingerprint: fingerprint, value: "", page: page)
    }

    /// Folds findings with the same key into one row with a count, keeping first-seen order.
    public static func fold(_ findings: [Finding]) -> [StoredFinding] {
        var out: [StoredFinding] = []
        var index: [String: Int] = [:]
        for f in findings {
            let s = StoredFinding(f)
            if let i = index[s.key] { out[i].count += 1 } else { index[s.key] = out.count; out.append(s) }
        }
        return out
    }
}

/// What a run writes about one object.
public struct ObjectRecord: Sendable {
    /// Location and the root it was found under.
    public var location: String, root: String
    /// Identity and size when walked (nil for objects the walker did not yield as files).
    public var device: UInt64?, inode: UInt64?, size: UInt64?, mtimeNs: Int64?
    /// Digest of the content as scanned.
    public var contentDigest: String?
    /// Final status.
    public var status: ObjectStatus
    /// Findings found (folded).
    public var findings: [StoredFinding]
    /// Scan it again next time (mtime too close to the run start).
    public var rescan: Bool

    /// Creates one.
    public init(location: String, root: String, device: UInt64? = nil, inode: UInt64? = nil, size: UInt64? = nil,
                mtimeNs: Int64? = nil, contentDigest: String? = nil, status: ObjectStatus, findings: [StoredFinding], rescan: Bool = false) {
        self.location = location
        self.root = root
        self.device = device
        self.inode = inode
        self.size = size
        self.mtimeNs = mtimeNs
        self.contentDigest = contentDigest
        self.status = status
        self.findings = findings
        self.rescan = rescan
    }
}

/// What is known about one root at the end of a run's walk.
public struct RootOutcome: Sendable {
    /// The root as given.
    public var root: String
    /// Its device and inode at the start of the walk (nil when it could not be stat'ed).
    public var device: UInt64?, inode: UInt64?
    /// The walk reached its end with no error on the root itself.
    public var walkComplete: Bool
    /// The root-level error, if any.
    public var error: String?
    /// Paths under it that could not be walked (their contents are not known to be gone).
    public var unwalked: [String]
    /// Objects walked under it this run.
    public var seenCount: Int

    /// Creates one.
    public init(root: String, device: UInt64?, inode: UInt64?, walkComplete: Bool, error: String?, unwalked: [String], seenCount: Int) {
        self.root = root
        self.device = device
        self.inode = inode
        self.walkComplete = walkComplete
        self.error = error
        self.unwalked = unwalked
        self.seenCount = seenCount
    }
}
