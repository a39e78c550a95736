import Foundation

/// Live progress on a terminal: objects, bytes, rate and (once the walk is done) ETA.
/// Silent when stderr is not a terminal (cron, pipes).
final class ProgressMeter: @unchecked Sendable {
    // @unchecked Sendable: all mutable state is guarded by `lock`.
    private let lock = NSLock()
    private var objects = 0
    private var bytes: UInt64 = 0
    private var walkedFiles = 0
    private var walkedBytes: UInt64 = 0
    private var walkDone = false
    private var stopped = false
    private let start = Date()
    private let enabled: Bool
    private var thread: Thread?

    init(enabled: Bool) { self.enabled = enabled }

    // The counters only feed the display: without one, the walker and workers skip the lock.

    func walked(bytes: UInt64) {
        guard enabled else { return }
        lock.lock(); walkedFiles += 1; walkedBytes += bytes; lock.unlock()
    }

    func walkFinished() { lock.lock(); walkDone = true; lock.unlock() }

    func scanned(bytes: UInt64) {
        guard enabled else { return }
        lock.lock(); objects += 1; self.bytes += bytes; lock.unlock()
    }

    func startTicking() {
        guard enabled else { return }
        let t = Thread { [weak self] in
            while let self, !self.isStopped {
                Thread.sleep(forTimeInterval: 0.25)
                self.draw()
            }
        }
        thread = t
        t.start()
    }

    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    func stop() {
        lock.lock(); stopped = true; lock.unlock()
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func draw() {
        lock.lock()
        let (o, b, wf, wb, done) = (objects, bytes, walkedFiles, walkedBytes, walkDone)
        let isStopped = stopped
        lock.unlock()
        guard !isStopped else { return }
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(b) / elapsed
        var line = "\r\u{1B}[K\(o)/\(wf)\(done ? "" : "+") objects  \(ProgressMeter.human(Double(b)))  \(ProgressMeter.human(rate))/s"
        if done && rate > 0 && wb > b {
            line += "  ETA \(Int(Double(wb - b) / rate))s"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func human(_ n: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var v = n
        var u = 0
        while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
        return u == 0 ? "\(Int(v)) B" : String(format: "%.1f %@", v, units[u])
    }
}
