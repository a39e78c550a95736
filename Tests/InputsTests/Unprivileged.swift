import Foundation
import Glibc
import XCTest

/// Runs `body` on a fresh thread whose file-system user id is `nobody` (Linux `setfsuid`
/// is per thread and drops the file-system capabilities of root), so permission checks
/// apply even when the tests run as root. Returns nil when that cannot be arranged.
func asUnprivilegedFileSystemUser<R>(_ body: @escaping @Sendable () -> R) -> R? {
    typealias SetFSUID = @convention(c) (UInt32) -> Int32
    guard let symbol = dlsym(nil, "setfsuid") else { return nil }
    let setfsuid = unsafeBitCast(symbol, to: SetFSUID.self)
    let box = ResultBox<R>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        let previous = setfsuid(65534)
        if setfsuid(65534) == 65534 { box.value = body() }
        _ = setfsuid(UInt32(bitPattern: previous))
        done.signal()
    }
    thread.start()
    done.wait()
    return box.value
}

/// Carries a result out of the helper thread (written before the semaphore is signalled).
private final class ResultBox<R>: @unchecked Sendable {
    var value: R?
}
