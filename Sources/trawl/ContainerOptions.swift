import ArgumentParser
import Containers
import ScanEngine

/// The container limits of `trawl scan` (archives, documents, nested files).
struct ContainerOptions: ParsableArguments {
    @Option(help: "Open containers nested at most this deep.")
    var maxDepth = ContainerLimits().maxDepth

    @Option(help: "Decompressed bytes read per top-level file, all levels together.")
    var maxTotalSize = "1G"

    @Option(help: "Stop a container expanding more than this many times its size, after its first 1 MiB.")
    var maxRatio = ContainerLimits().maxRatio

    @Option(help: "Members read per container.")
    var maxEntries = ContainerLimits().maxEntries

    @Option(help: "Bytes read per member; larger text members are scanned up to it.")
    var maxMemberSize = "100M"

    @Option(help: "MIME parts parsed per mail message.")
    var maxMimeParts = ContainerLimits().maxMimeParts

    @Option(help: "Seconds one top-level file may spend in containers and extractors.")
    var objectTimeout = ContainerLimits().timeoutSeconds

    func validate() throws {
        if maxDepth < 0 { throw ValidationError("--max-depth must be at least 0") }
        if maxRatio < 1 { throw ValidationError("--max-ratio must be at least 1") }
        if maxEntries < 1 { throw ValidationError("--max-entries must be at least 1") }
        if maxMimeParts < 1 { throw ValidationError("--max-mime-parts must be at least 1") }
        if objectTimeout <= 0 { throw ValidationError("--object-timeout must be positive") }
        if ByteSize.parse(maxTotalSize) == nil { throw ValidationError("--max-total-size: cannot read '\(maxTotalSize)' (use e.g. 1G)") }
        guard let m = ByteSize.parse(maxMemberSize), m >= 1, m <= UInt64(Int32.max) else {
            throw ValidationError("--max-member-size: cannot read '\(maxMemberSize)' (use e.g. 100M; at most 2G)")
        }
    }

    /// The limits these options describe.
    var limits: ContainerLimits {
        var l = ContainerLimits()
        l.maxDepth = maxDepth
        l.maxTotalBytes = ByteSize.parse(maxTotalSize) ?? l.maxTotalBytes
        l.maxRatio = maxRatio
        l.maxEntries = maxEntries
        l.maxMemberBytes = ByteSize.parse(maxMemberSize).map { Int($0) } ?? l.maxMemberBytes
        l.timeoutSeconds = objectTimeout
        l.maxMimeParts = maxMimeParts
        return l
    }
}
