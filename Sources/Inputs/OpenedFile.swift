/// A walked file opened for reading, or the reason it must not be read.
public enum OpenedFile {
    /// A regular file, identity checked; `size` from `fstat`.
    case file(ReadOnlyFile, size: UInt64)
    /// Not a regular file after all (replaced by a FIFO, a directory ...).
    case skipped(String)

    /// Opens the walked file's exact path bytes and checks its device+inode, as
    /// `ChunkedReader.read(file:)` does. Throws a `ReadError` (`replaced`, `permission` ...).
    public static func open(_ walked: WalkedFile) throws -> OpenedFile {
        let context = "opening \(walked.path)"
        let file = try ReadOnlyFile(pathBytes: walked.pathBytes, displayPath: walked.path, followSymlink: walked.viaSymlink)
        let st = try file.status()
        if st.device != walked.device || st.inode != walked.inode {
            throw ReadError(reason: StatusReason.replaced, operation: "fstat",
                            message: "not the file that was listed (device/inode changed)", context: context)
        }
        if st.kind != .regular { return .skipped(st.skipReason ?? StatusReason.directory) }
        return .file(file, size: st.size)
    }
}
