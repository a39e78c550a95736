import Foundation
import Glibc

/// PDF text through poppler's `pdftotext` run as a child process (reading order, not
/// `-layout`: paragraphs stay together, which keeps labels next to their values).
/// The child gets the PDF on stdin and returns UTF-8 on stdout; pages end with a form
/// feed (U+000C). It is killed when it runs past its time limit or its output cap.
public enum PDFText {
    /// What a run came to.
    public enum Outcome: Sendable, Equatable {
        /// The text; `truncated` when the output cap cut it.
        case text(String, truncated: Bool)
        /// The time limit killed it; the text produced until then.
        case timedOut(String)
        /// The document needs a password.
        case encrypted
        /// pdftotext failed (malformed PDF); a short reason.
        case failed(String)
        /// No pdftotext on this system.
        case unavailable
    }

    /// Where the input comes from.
    public enum Input {
        /// A file descriptor read from offset 0 (dup'ed as the child's stdin).
        case fd(Int32)
        /// Bytes in memory, written to the child's stdin by a helper thread.
        case memory(UnsafeRawBufferPointer)
    }

    /// The pdftotext executable: `$TRAWL_PDFTOTEXT` when set (tests), else the first on `$PATH`.
    public static let executable: String? = {
        let env = ProcessInfo.processInfo.environment
        if let p = env["TRAWL_PDFTOTEXT"] { return access(p, X_OK) == 0 ? p : nil }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = String(dir) + "/pdftotext"
            if access(p, X_OK) == 0 { return p }
        }
        return nil
    }()

    /// Runs pdftotext on `input`. `encryptedHint` is consulted when pdftotext fails: a
    /// document whose trailer names `/Encrypt` is reported `encrypted`.
    public static func run(_ input: Input, timeout: Double, maxOutput: Int, encryptedHint: Bool) -> Outcome {
        guard let exe = executable else { return .unavailable }
        signal(SIGPIPE, SIG_IGN)  // a child that exits early must not kill us through the stdin pipe
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = ["-q", "-enc", "UTF-8", "-eol", "unix", "-", "-"]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        var stdinPipe: Pipe?
        switch input {
        case .fd(let fd):
            _ = lseek(fd, 0, SEEK_SET)
            process.standardInput = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        case .memory:
            stdinPipe = Pipe()
            process.standardInput = stdinPipe
        }
        do { try process.run() } catch { return .failed("spawn") }
        let pid = process.processIdentifier
        let killed = KillFlag()
        let timer = DispatchWorkItem {
            if killed.set(.timeout) { kill(pid, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0.1, timeout), execute: timer)
        var writerDone: DispatchSemaphore?
        if case .memory(let bytes) = input, let pipe = stdinPipe {
            let wfd = pipe.fileHandleForWriting.fileDescriptor
            let box = BytesBox(bytes)
            let done = DispatchSemaphore(value: 0)
            let t = Thread {
                var off = 0
                while off < box.bytes.count {
                    let n = write(wfd, box.bytes.baseAddress! + off, box.bytes.count - off)
                    if n < 0 { if errno == EINTR { continue }; break }
                    off += n
                }
                try? pipe.fileHandleForWriting.close()
                done.signal()
            }
            t.start()
            writerDone = done
        }
        // Drain stderr on its own so a chatty child never blocks on a full pipe.
        let errBox = OutputBox()
        let errDone = DispatchSemaphore(value: 0)
        let errFD = stderr.fileHandleForReading.fileDescriptor
        Thread {
            var buf = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buf.withUnsafeMutableBytes { read(errFD, $0.baseAddress!, 4096) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                if errBox.bytes.count < 4096 { errBox.bytes += buf[0..<n] }
            }
            errDone.signal()
        }.start()
        var out: [UInt8] = []
        var truncated = false
        let outFD = stdout.fileHandleForReading.fileDescriptor
        var buf = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buf.withUnsafeMutableBytes { read(outFD, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            let room = maxOutput - out.count
            out += buf[0..<min(n, room)]
            if n > room {
                truncated = true
                if killed.set(.cap) { kill(pid, SIGKILL) }
                break
            }
        }
        process.waitUntilExit()
        timer.cancel()
        errDone.wait()
        writerDone?.wait()  // the input bytes must outlive the writer
        let text = String(decoding: out, as: UTF8.self)
        switch killed.reason {
        case .timeout: return .timedOut(text)
        case .cap: return .text(text, truncated: true)
        case nil: break
        }
        if process.terminationStatus == 0 { return .text(text, truncated: truncated) }
        let message = String(decoding: errBox.bytes, as: UTF8.self).lowercased()
        if encryptedHint || message.contains("password") || message.contains("encrypt") { return .encrypted }
        return .failed("pdftotext exit \(process.terminationStatus)")
    }

    /// Whether the last 4 KiB (the trailer) of a PDF name an `/Encrypt` dictionary.
    public static func trailerNamesEncrypt(_ tail: UnsafeRawBufferPointer) -> Bool {
        let needle = Array("/Encrypt".utf8)
        guard tail.count >= needle.count else { return false }
        for i in 0...(tail.count - needle.count) {
            var ok = true
            for k in 0..<needle.count where tail[i + k] != needle[k] { ok = false; break }
            if ok { return true }
        }
        return false
    }
}

/// Why the child was killed; set once, from the timer or the reading thread.
private final class KillFlag: @unchecked Sendable {
    // @unchecked Sendable: `reason` is only touched under `lock`.
    enum Reason { case timeout, cap }
    private let lock = NSLock()
    private var value: Reason?
    /// Sets the reason if none is set; true when this call set it.
    func set(_ r: Reason) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard value == nil else { return false }
        value = r
        return true
    }
    var reason: Reason? { lock.lock(); defer { lock.unlock() }; return value }
}

/// Carries the input bytes to the writer thread; the caller keeps them alive until
/// `waitUntilExit` returns (the child has then closed its stdin).
private final class BytesBox: @unchecked Sendable {
    // @unchecked Sendable: read-only after init; the writer thread is the only reader.
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}

/// Collects the child's stderr on the drain thread (read after the thread is done).
private final class OutputBox: @unchecked Sendable {
    // @unchecked Sendable: written by the drain thread only, read after it signalled.
    var bytes: [UInt8] = []
}
