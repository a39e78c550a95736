import Extraction
import LibArchive
import ScanCore

/// Reads the text parts of an OOXML or OpenDocument zip and scans their text in reading
/// order: body first, then headers/footers/notes/comments, then metadata (author names).
enum OfficeReader {
    static func scan(_ data: ObjectData, format: Format, context: ObjectContext) -> ObjectStatus {
        let reader: ArchiveReader
        do { reader = try ArchiveHandler.open(data, mode: .archive, context: context) } catch let e as ArchiveError {
            return ArchiveHandler.failure(e, membersRead: 0, context: context)
        } catch {
            return .error("corrupt")
        }
        var parts: [String: OwnedBytes] = [:]
        var read = 0
        while true {
            if let r = context.stopReason { context.markPartial(r); break }
            let entry: ArchiveEntry
            do {
                guard let e = try reader.next() else { break }
                entry = e
            } catch let e as ArchiveError {
                if read == 0 { return ArchiveHandler.failure(e, membersRead: 0, context: context) }
                context.markPartial(e.isEncryption ? "encrypted" : "corrupt")
                break
            } catch {
                return .error("corrupt")
            }
            guard entry.isRegularFile else { continue }
            read += 1
            if entry.isEncrypted { context.markPartial("encrypted"); continue }
            let path = entry.path
            if isEmbedded(path) {
                context.scanChild(name: path, stream: ArchiveStream(reader: reader))
                continue
            }
            guard wanted(path, format: format) else { continue }
            do {
                let (bytes, limit) = try context.readPart(ArchiveStream(reader: reader))
                if let limit { context.markPartial(limit); continue }
                parts[path] = bytes
            } catch {
                context.markPartial("corrupt")
            }
        }
        for path in order(parts.keys, format: format) {
            guard let bytes = parts[path] else { continue }
            context.appendText(text(of: path, bytes, format: format, parts: parts))
            context.appendText("\n")
        }
        if read == 0 { return .error("corrupt") }
        return .complete
    }

    static func isEmbedded(_ path: String) -> Bool {
        path.hasPrefix("word/embeddings/") || path.hasPrefix("xl/embeddings/") || path.hasPrefix("ppt/embeddings/")
            || (path.hasPrefix("Object ") && !path.hasSuffix(".xml"))
    }

    static func wanted(_ path: String, format: Format) -> Bool {
        switch format {
        case .docx:
            return path == "word/document.xml" || path == "docProps/core.xml"
                || (path.hasPrefix("word/") && path.hasSuffix(".xml") && ["header", "footer", "footnotes", "endnotes", "comments"].contains { path.dropFirst(5).hasPrefix($0) })
        case .xlsx:
            return path == "xl/sharedStrings.xml" || path == "docProps/core.xml" || path.hasPrefix("xl/comments")
                || (path.hasPrefix("xl/worksheets/") && path.hasSuffix(".xml") && !path.contains("_rels"))
        case .pptx:
            return path == "docProps/core.xml" || ((path.hasPrefix("ppt/slides/slide") || path.hasPrefix("ppt/notesSlides/") || path.hasPrefix("ppt/comments/")) && path.hasSuffix(".xml"))
        default:
            return path == "content.xml" || path == "styles.xml" || path == "meta.xml"
        }
    }

    /// Body parts first (slides and sheets by number), metadata last.
    static func order(_ names: Dictionary<String, OwnedBytes>.Keys, format: Format) -> [String] {
        func rank(_ p: String) -> Int {
            if p == "word/document.xml" || p == "content.xml" || p.hasPrefix("ppt/slides/") || p.hasPrefix("xl/worksheets/") { return 0 }
            if p == "docProps/core.xml" || p == "meta.xml" { return 2 }
            if p == "xl/sharedStrings.xml" { return 3 }  // resolved into sheets, not scanned alone
            return 1
        }
        func number(_ p: String) -> Int {
            let digits = p.reversed().drop { !$0.isNumber }.prefix { $0.isNumber }
            return Int(String(digits.reversed())) ?? 0
        }
        return names.filter { rank($0) < 3 }.sorted {
            (rank($0), number($0), $0) < (rank($1), number($1), $1)
        }
    }

    static func text(of path: String, _ bytes: OwnedBytes, format: Format, parts: [String: OwnedBytes]) -> String {
        if path == "docProps/core.xml" || path == "meta.xml" { return XMLText.extract(bytes.buffer, rules: .metadata) }
        switch format {
        case .docx: return XMLText.extract(bytes.buffer, rules: .word)
        case .pptx: return XMLText.extract(bytes.buffer, rules: .slide)
        case .xlsx:
            if path.hasPrefix("xl/comments") { return XMLText.extract(bytes.buffer, rules: .word) }
            let shared = parts["xl/sharedStrings.xml"].map { SpreadsheetText.sharedStrings($0.buffer) } ?? []
            return SpreadsheetText.sheet(bytes.buffer, shared: shared)
        default:
            if path == "styles.xml" {
                // Only header/footer text lives there; skip the style definitions' noise.
                return XMLText.extract(bytes.buffer, rules: .odf)
            }
            return XMLText.extract(bytes.buffer, rules: .odf)
        }
    }
}
