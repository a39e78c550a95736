/// Totals of one walk.
public struct PSTWalkResult: Sendable {
    /// Folders visited.
    public var folders = 0
    /// Items handed to the visitor.
    public var items = 0
    /// Folders or items libpff could not read.
    public var unreadableItems = 0
    /// `max_entries` or `max_depth` when a cap stopped the walk.
    public var limitHit: String?
    /// Identifiers of the folders visited (a folder met twice is a cycle).
    public var visitedFolders: Set<UInt32> = []
    /// libpff messages for what was skipped (no content of the store).
    public var problems: [String] = []
}
