import Extraction

/// The text of an RTF body (the framework's RTF extractor).
enum RTFBody {
    static func text(_ rtf: UnsafeRawBufferPointer) -> String { RTFText.extract(rtf) }
}
