/// An errno value as an `Error`, for `Result`.
struct StatErrno: Error, Sendable, Hashable {
    var code: Int32
}
