import Extraction
import Foundation
import Glibc
import ScanCore

/// PDF documents, through `pdftotext` (see `PDFText`). Findings carry the PDF's location
/// and their `page`; `line` counts lines of the extracted text over the whole document
/// (pdftotext ends each page with a form feed, which does not start a new line).
public struct PDFHandler: ObjectHandler {
    /// Creates the handler.
    public init() {}

    public func sniff(prefix p: UnsafeRawBufferPointer, name: String) -> Format? {
        let window = UnsafeRawBufferPointer(rebasing: p[0..<min(p.count, 1024)])
        return index(window, Array("%PDF-".utf8)) != nil ? .pdf : nil
    }

    public func scan(_ data: ObjectData, format: Format, context: ObjectContext) -> ObjectStatus {
        guard PDFText.executable != nil else {
            PDFHandler.warnOnce()
            return .skipped("no_pdf_extractor")
        }
        let timeout = min(context.budget.secondsLeft, context.limits.timeoutSeconds)
        let outcome: PDFText.Outcome
        switch data {
        case .file(let f, let size):
            var tail = [UInt8](repeating: 0, count: 4096)
            let n = tail.withUnsafeMutableBytes { pread(f.fd, $0.baseAddress, 4096, off_t(max(0, Int64(size) - 4096))) }
            let hint = tail.withUnsafeBytes { PDFText.trailerNamesEncrypt(UnsafeRawBufferPointer(rebasing: $0[0..<max(0, n)])) }
            outcome = PDFText.run(.fd(f.fd), timeout: timeout, maxOutput: context.limits.maxExtractedBytes, encryptedHint: hint)
        case .memory(let b):
            let tail = UnsafeRawBufferPointer(rebasing: b.buffer[max(0, b.count - 4096)...])
            outcome = withExtendedLifetime(b) {
                PDFText.run(.memory(b.buffer), timeout: timeout, maxOutput: context.limits.maxExtractedBytes,
                            encryptedHint: PDFText.trailerNamesEncrypt(tail))
            }
        }
        switch outcome {
        case .text(let text, let truncated):
            context.setPageStarts(PDFHandler.pageStarts(text))
            context.appendText(text)
            if truncated { context.markPartial("max_extracted_size") }
            return .complete
        case .timedOut(let text):
            context.setPageStarts(PDFHandler.pageStarts(text))
            context.appendText(text)
            return .partial("timeout")
        case .encrypted:
            return .skipped("encrypted")
        case .failed:
            return .error("corrupt")
        case .unavailable:
            PDFHandler.warnOnce()
            return .skipped("no_pdf_extractor")
        }
    }

    /// The first line of each page of pdftotext's output: page 1 at line 1, and each later
    /// page on the line of the form feed that ends the page before it.
    static func pageStarts(_ text: String) -> [Int] {
        var starts = [1]
        var line = 1
        for b in text.utf8 {
            if b == 10 { line += 1 } else if b == 12 { starts.append(line) }
        }
        return starts
    }

    private static let warned = WarnOnce()

    static func warnOnce() {
        if warned.first() {
            FileHandle.standardError.write(Data("trawl: warning: pdftotext not found (install poppler-utils); PDF files are skipped as no_pdf_extractor\n".utf8))
        }
    }
}

/// True exactly once per process.
final class WarnOnce: @unchecked Sendable {
    // @unchecked Sendable: `done` is only touched under `lock`.
    private let lock = NSLock()
    private var done = false
    func first() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if done { return false }
        done = true
        return true
    }
}
