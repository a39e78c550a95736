import Containers
import Inputs

/// Everything a scan needs besides the detector: roots, parallelism, limits.
public struct ScanOptions: Sendable {
    /// Paths as given on the command line.
    public var roots: [String]
    /// Worker threads (default: cores).
    public var jobs: Int
    /// Walk options (symlinks, excludes, size cap).
    public var walk: WalkOptions
    /// Chunk size and overlap for reading.
    public var chunkSize: Int
    /// Container limits (depth, sizes, ratio, entries, time).
    public var containerLimits: ContainerLimits
    /// The formats the scan opens (archives, documents, and plugged-in kinds).
    public var handlers: HandlerRegistry

    /// Default chunk size: 1 MiB keeps memory per worker small and syscalls few.
    public static let defaultChunkSize = 1 << 20

    /// Creates options.
    public init(roots: [String], jobs: Int, walk: WalkOptions, chunkSize: Int = ScanOptions.defaultChunkSize,
                containerLimits: ContainerLimits = ContainerLimits(), handlers: HandlerRegistry = .standard) {
        self.containerLimits = containerLimits
        self.handlers = handlers
        self.roots = roots
        self.jobs = max(1, jobs)
        self.walk = walk
        self.chunkSize = chunkSize
    }
}
