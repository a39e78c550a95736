/// One directory on the walker's stack: its descriptor, identity and sorted names.
///
/// A class: the walker reads the top frame once per entry, and copying a struct of several
/// arrays would retain and release each of them every time.
final class DirectoryFrame {
    /// Open descriptor, or -1 while closed to stay under the open-directory cap.
    var fd: Int32
    /// Device and inode, checked whenever the directory is re-opened.
    let id: FileID
    /// Name in the parent directory, NUL-terminated (empty for a root).
    let name: [CChar]
    /// Entered through a symbolic link (re-opened without O_NOFOLLOW).
    let followed: Bool
    /// Length of this directory's path in the walker's path buffer.
    let pathLength: Int
    /// Sorted entry names.
    let listing: DirectoryListing
    /// Index of the next name to visit.
    var next = 0
    /// `lstat` results of names `prefetchStart..<prefetchStart + prefetched.count`, taken
    /// ahead of the visit by several threads (see `FileWalker.statThreads`).
    var prefetched: [Result<FileStat, StatErrno>] = []
    var prefetchStart = 0
    /// Listing indices of the subdirectories among the prefetched names, how many of them
    /// were handed to the look-ahead, and how many the visit has reached.
    var subdirectories: [Int] = []
    var subdirectoriesScheduled = 0
    var subdirectoriesPassed = 0
    /// A duplicate of `fd` the look-ahead opens subdirectories through (it outlives the
    /// frame's own descriptor while jobs still need it).
    var sharedFD: DirectoryLookAhead.SharedDescriptor?
    /// The frame's position in the depth-first walk: the root's number, then the listing
    /// index of each directory on the way down (orders the look-ahead's jobs).
    var key: [Int32] = []

    /// Whether every name was visited.
    var isExhausted: Bool { next >= listing.count }

    init(fd: Int32, id: FileID, name: [CChar], followed: Bool, pathLength: Int, listing: DirectoryListing) {
        self.fd = fd
        self.id = id
        self.name = name
        self.followed = followed
        self.pathLength = pathLength
        self.listing = listing
    }
}
