import Extraction
import Glibc
import Inputs
import LibArchive
import ScanCore

/// Office documents (docx, xlsx, pptx, odt, ods, odp), RTF, HTML/XHTML, vCard and
/// iCalendar: their text is extracted and scanned as the document's own text (findings
/// carry the document's location, no `!/part`). Embedded files of office documents
/// (`word/embeddings/...`) are children.
public struct DocumentHandler: ObjectHandler {
    /// Creates the handler.
    public init() {}

    public func sniff(prefix p: UnsafeRawBufferPointer, name: String) -> Format? {
        if p.count >= 4 && p[0] == 0x50 && p[1] == 0x4B && p[2] == 0x03 && p[3] == 0x04 {
            return DocumentHandler.officeFormat(p, name: name)
        }
        if p.count >= 8 && p[0] == 0xD0 && p[1] == 0xCF && p[2] == 0x11 && p[3] == 0xE0,
           contains(p, Array("EncryptedPackage".utf8).flatMap { [$0, UInt8(0)] }) {
            return DocumentHandler.encryptedOffice
        }
        let head = DocumentHandler.textStart(p)
        if has(head, "{\\rtf") { return .rtf }
        if hasCaseless(head, "begin:vcard") { return .vcf }
        if hasCaseless(head, "begin:vcalendar") { return .ics }
        if hasCaseless(head, "<!doctype html") || hasCaseless(head, "<html") { return .html }
        if hasCaseless(head, "<?xml") || hasCaseless(head, "<!--") {
            let window = UnsafeRawBufferPointer(rebasing: head[0..<min(head.count, 2048)])
            if containsCaseless(window, "<html") { return .html }
        }
        let lower = name.lowercased()
        if (lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml")) && head.first == UInt8(ascii: "<")
            && !p.contains(0) {
            return .html
        }
        return nil
    }

    /// A password-protected OOXML file (an OLE2 file holding `EncryptedPackage`).
    static let encryptedOffice = Format("office-encrypted")

    public func scan(_ data: ObjectData, format: Format, context: ObjectContext) -> ObjectStatus {
        switch format {
        case .docx, .xlsx, .pptx, .odt, .ods, .odp:
            return OfficeReader.scan(data, format: format, context: context)
        case DocumentHandler.encryptedOffice:
            return .skipped("encrypted")
        default:
            break
        }
        let whole: OwnedBytes?
        do { whole = try data.loadAll(limit: context.limits.maxMemberBytes) } catch {
            return .error(ObjectScanner.reason(for: error))
        }
        guard let whole else {
            // Too large to parse whole: scan the raw text (markup included) instead.
            guard case .file(let f, _) = data else { return .skipped("max_member_size") }
            _ = lseek(f.fd, 0, SEEK_SET)
            do {
                let r = try context.scanEncodedText(f)
                if r.status == .complete { context.markPartial("max_member_size") }
                return r.status
            } catch {
                return .error(ObjectScanner.reason(for: error))
            }
        }
        let text: String
        switch format {
        case .rtf: text = RTFText.extract(whole.buffer)
        case .html: text = HTMLText.extract(whole.buffer)
        case .vcf: text = ContentLines.vcard(whole.buffer)
        case .ics: text = ContentLines.icalendar(whole.buffer)
        default: return .skipped("unknown_format")
        }
        context.appendText(text)
        return .complete
    }

    /// docx/xlsx/pptx from the part names in the first local headers, odt/ods/odp from the
    /// `mimetype` member; nil for any other zip.
    static func officeFormat(_ p: UnsafeRawBufferPointer, name: String) -> Format? {
        let odf = Array("mimetypeapplication/vnd.oasis.opendocument.".utf8)
        if let at = index(p, odf) {
            let rest = UnsafeRawBufferPointer(rebasing: p[(at + odf.count)..<min(p.count, at + odf.count + 16)])
            if has(rest, "text") { return .odt }
            if has(rest, "spreadsheet") { return .ods }
            if has(rest, "presentation") { return .odp }
            return nil
        }
        let ooxml = contains(p, Array("[Content_Types].xml".utf8)) || contains(p, Array("_rels/.rels".utf8))
        guard ooxml else { return nil }
        if contains(p, Array("word/".utf8)) { return .docx }
        if contains(p, Array("xl/".utf8)) { return .xlsx }
        if contains(p, Array("ppt/".utf8)) { return .pptx }
        let lower = name.lowercased()
        if lower.hasSuffix(".docx") || lower.hasSuffix(".docm") { return .docx }
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return .xlsx }
        if lower.hasSuffix(".pptx") || lower.hasSuffix(".pptm") { return .pptx }
        return nil
    }

    /// The sample after a BOM and leading whitespace.
    static func textStart(_ p: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var i = 0
        if p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
        while i < p.count, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
        return UnsafeRawBufferPointer(rebasing: p[i...])
    }
}
