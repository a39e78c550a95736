/// The decoding step of one stream: pass UTF-8 through, or transcode to UTF-8.
struct TextDecoder {
    private enum Mode {
        case passthrough
        case utf16(UTF16Transcoder)
        case windows1252(Windows1252Transcoder)
    }

    private var mode: Mode

    /// A decoder for `encoding` (UTF-8 with or without BOM passes through).
    init(_ encoding: TextEncoding) {
        switch encoding {
        case .utf8, .utf8BOM: mode = .passthrough
        case .utf16LE: mode = .utf16(UTF16Transcoder(bigEndian: false))
        case .utf16BE: mode = .utf16(UTF16Transcoder(bigEndian: true))
        case .windows1252: mode = .windows1252(Windows1252Transcoder())
        }
    }

    /// Whether bytes go through unchanged (the reader then reads straight into the chunk buffer).
    var isPassthrough: Bool {
        if case .passthrough = mode { return true }
        return false
    }

    /// The most bytes `decode` can write for `count` input bytes (`finish` needs at most 6).
    func maxOutputCount(forInputCount count: Int) -> Int {
        switch mode {
        case .passthrough: return count
        case .utf16: return UTF16Transcoder.maxOutputCount(forInputCount: count)
        case .windows1252: return Windows1252Transcoder.maxOutputCount(forInputCount: count)
        }
    }

    /// Decodes `input` into `output`; returns the bytes written.
    mutating func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        switch mode {
        case .passthrough:
            output.copyMemory(from: input)
            return input.count
        case .utf16(var t):
            let n = t.transcode(input, into: output)
            mode = .utf16(t)
            return n
        case .windows1252(let t):
            return t.transcode(input, into: output)
        }
    }

    /// Ends the stream (flushes a dangling UTF-16 byte or surrogate as U+FFFD).
    mutating func finish(into output: UnsafeMutableRawBufferPointer) -> Int {
        guard case .utf16(var t) = mode else { return 0 }
        let n = t.finish(into: output)
        mode = .utf16(t)
        return n
    }
}
