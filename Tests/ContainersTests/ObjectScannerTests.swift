import Containers
import Foundation
import Inputs
import ScanCore
import TestSupport
import XCTest

/// Finds `word@word.word` tokens owned by a chunk (a stand-in for the detector).
final class AtMatcher: TextMatcher {
    func match(_ chunk: TextChunk, location: String, into findings: inout [Finding]) -> Bool {
        let b = chunk.bytes
        func isWord(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E || c == 0x5F || c == 0x2D
        }
        var i = chunk.ownedStart
        while i < chunk.ownedEnd {
            if isWord(b[i]) && (i == 0 || !isWord(b[i - 1])) {
                var j = i
                while j < b.count, isWord(b[j]) { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "@") {
                    var k = j + 1
                    while k < b.count, isWord(b[k]) { k += 1 }
                    if k > j + 1 {
                        var line = chunk.newlinesBefore + 1
                        for p in 0..<i where b[p] == 0x0A { line += 1 }
                        let value = String(decoding: UnsafeRawBufferPointer(rebasing: b[i..<k]), as: UTF8.self)
                        findings.append(Finding(location: location, kind: "email", detector: "t", category: "c", confidence: 1,
                                                line: line, masked: "*", fingerprint: "", value: value))
                        i = k
                        continue
                    }
                }
                i = j
                continue
            }
            i += 1
        }
        return false
    }
}

/// Keeps results and findings.
final class Recorder: ResultReporter {
    var results: [ObjectResult] = []
    var findings: [Finding] = []
    func deliver(_ result: ObjectResult?, findings: [Finding]) {
        self.findings += findings
        if let result { results.append(result) }
    }
    func status(_ location: String) -> String? { results.first { $0.location == location }?.status.description }
}

final class ObjectScannerTests: XCTestCase {
    var dir: TempDir!
    override func setUpWithError() throws { dir = try TempDir() }
    override func tearDown() { dir.remove() }

    func scan(_ relative: String, limits: ContainerLimits = ContainerLimits(), chunkSize: Int = 1 << 20,
              tap: ((TextChunk) -> Void)? = nil) throws -> Recorder {
        let path = dir.path + "/" + relative
        var st = stat()
        XCTAssertEqual(stat(path, &st), 0)
        let file = WalkedFile(path: path, size: UInt64(st.st_size), device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
        let rec = Recorder()
        let scanner = ObjectScanner(registry: .builtIn, limits: limits, readLimits: ReadLimits(chunkSize: chunkSize, lookBehind: 16, lookAhead: 64),
                                    matcher: AtMatcher(), reporter: rec)
        scanner.topLevelTextTap = tap
        scanner.scan(file: file)
        // Exactly one result per object.
        XCTAssertEqual(Set(rec.results.map(\.location)).count, rec.results.count, "an object was reported twice")
        return rec
    }

    func rel(_ s: String) -> String { dir.path + "/" + s }

    func testPlainTextKeepsLinesAcrossChunks() throws {
        var text = ""
        for i in 0..<2000 { text += i % 100 == 7 ? "line \(i) user\(i)@example.com\n" : "line \(i) filler filler filler\n" }
        _ = try dir.write("plain.txt", text)
        var tapped = 0
        let rec = try scan("plain.txt", chunkSize: 1000) { chunk in tapped += chunk.ownedEnd - chunk.ownedStart }
        XCTAssertEqual(tapped, text.utf8.count, "the tap sees every byte of a top-level text once")
        XCTAssertEqual(rec.findings.count, 20)
        XCTAssertEqual(rec.findings.first?.line, 8)
        XCTAssertEqual(rec.findings.last?.line, 1908)
        XCTAssertEqual(rec.status(rel("plain.txt")), "complete")
    }

    func testZipFoundByContentWithNestedLocations() throws {
        let inner = try ArchiveFixture.make([("cv.txt", "Name\nMail: anna@example.com\n")], format: "zip")
        // Build an outer zip holding the inner zip's exact bytes.
        let staging = try TempDir()
        defer { staging.remove() }
        _ = try staging.write("applicants/inner.zip", bytes: inner)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["bsdtar", "-c", "--format", "zip", "-f", rel("export.dat"), "-C", staging.path, "applicants/inner.zip"]
        try p.run()
        p.waitUntilExit()
        let rec = try scan("export.dat")
        let f = try XCTUnwrap(rec.findings.first)
        XCTAssertEqual(f.location, rel("export.dat") + "!/applicants/inner.zip!/cv.txt")
        XCTAssertEqual(f.line, 2)
        XCTAssertEqual(rec.status(rel("export.dat")), "complete")
        XCTAssertEqual(rec.status(rel("export.dat") + "!/applicants/inner.zip"), "complete")
        XCTAssertEqual(rec.status(rel("export.dat") + "!/applicants/inner.zip!/cv.txt"), "complete")
        XCTAssertEqual(rec.results.last?.location, rel("export.dat"), "the container is reported after its members")
    }

    func testMemberNamesAreTextOfTheContainer() throws {
        _ = try dir.write("n.tar", bytes: try ArchiveFixture.make([("people/bob@example.org.txt", "x\n")], format: "ustar"))
        let rec = try scan("n.tar")
        XCTAssertEqual(rec.findings.map(\.location), [rel("n.tar")])
        XCTAssertEqual(rec.findings.map(\.value), ["bob@example.org.txt"])
    }

    func testDepthLimit() throws {
        var bytes = try ArchiveFixture.make([("leaf.txt", "a@example.com\n")], format: "zip")
        for level in (1...3).reversed() {
            let t = try TempDir()
            _ = try t.write("l\(level).zip", bytes: bytes)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["bsdtar", "-c", "--format", "zip", "-f", t.path + "/out.zip", "-C", t.path, "l\(level).zip"]
            try p.run()
            p.waitUntilExit()
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: t.path + "/out.zip")))
            t.remove()
        }
        _ = try dir.write("deep.zip", bytes: bytes)  // deep.zip > l1 > l2 > l3 > leaf.txt (depth 4)
        var limits = ContainerLimits()
        limits.maxDepth = 3
        let rec = try scan("deep.zip", limits: limits)
        XCTAssertTrue(rec.findings.isEmpty)
        XCTAssertEqual(rec.status(rel("deep.zip") + "!/l1.zip!/l2.zip!/l3.zip!/leaf.txt"), "skipped(max_depth)")
        XCTAssertEqual(rec.status(rel("deep.zip") + "!/l1.zip!/l2.zip!/l3.zip"), "partial(max_depth)")
        XCTAssertEqual(rec.status(rel("deep.zip")), "partial(max_depth)")
        limits.maxDepth = 4
        let ok = try scan("deep.zip", limits: limits)
        XCTAssertEqual(ok.findings.map(\.value), ["a@example.com"])
        XCTAssertEqual(ok.status(rel("deep.zip")), "complete")
    }

    func testEntryLimit() throws {
        _ = try dir.write("many.zip", bytes: try ArchiveFixture.make((0..<5).map { ("f\($0).txt", "x\($0)@example.com\n") }, format: "zip"))
        var limits = ContainerLimits()
        limits.maxEntries = 3
        let rec = try scan("many.zip", limits: limits)
        XCTAssertEqual(rec.status(rel("many.zip")), "partial(max_entries)")
        XCTAssertEqual(rec.findings.filter { $0.location.contains("!/") }.count, 3)
    }

    func testMemberSizeLimitScansTheStartOfTextMembers() throws {
        let big = String(repeating: "filler line\n", count: 1000) + "late@example.com\n"
        _ = try dir.write("big.zip", bytes: try ArchiveFixture.make([("big.txt", "early@example.com\n" + big)], format: "zip"))
        var limits = ContainerLimits()
        limits.maxMemberBytes = 4096
        let rec = try scan("big.zip", limits: limits)
        XCTAssertEqual(rec.findings.map(\.value), ["early@example.com"])
        XCTAssertEqual(rec.status(rel("big.zip") + "!/big.txt"), "partial(max_member_size)")
        XCTAssertEqual(rec.status(rel("big.zip")), "partial(max_member_size)")
    }

    func testCompressedSingleStreamMemberIsNamedAfterTheFile() throws {
        _ = try dir.write("notes.txt.xz", bytes: try ArchiveFixture.make([("n", "c@example.com\n")], format: "raw", filter: "-J"))
        let rec = try scan("notes.txt.xz")
        XCTAssertEqual(rec.findings.map(\.location), [rel("notes.txt.xz") + "!/notes.txt"])
    }

    func testPDFFindingsCarryTheirPage() throws {
        try XCTSkipIf(ProcessInfo.processInfo.environment["PATH"].map { p in
            !p.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext") } } ?? true,
            "pdftotext not installed")
        _ = try dir.write("report.pdf", bytes: PDFFixture.make(pages: [["first page", "a@example.com"], ["second page"], ["third page", "c@example.com", "d@example.com"]]))
        let rec = try scan("report.pdf")
        XCTAssertEqual(rec.status(rel("report.pdf")), "complete")
        XCTAssertEqual(rec.findings.map(\.value), ["a@example.com", "c@example.com", "d@example.com"])
        XCTAssertEqual(rec.findings.map(\.page), [1, 3, 3])
        // Text files have no pages.
        _ = try dir.write("plain.txt", "x@example.com\n")
        XCTAssertEqual(try scan("plain.txt").findings.map(\.page), [nil])
    }

    /// A RAR 4 archive with stored (uncompressed) members, built by hand from the published
    /// header layout (no free RAR writer exists to make one).
    static func rar(_ members: [(String, String)]) -> [UInt8] {
        func crc32(_ bytes: [UInt8]) -> UInt32 {
            var c: UInt32 = 0xFFFF_FFFF
            for b in bytes {
                c ^= UInt32(b)
                for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
            }
            return ~c
        }
        func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        func header(_ type: UInt8, _ flags: UInt16, _ body: [UInt8]) -> [UInt8] {
            let rest = [type] + le(flags) + le(UInt16(7 + body.count)) + body
            return le(UInt16(truncatingIfNeeded: crc32(rest))) + rest
        }
        var out: [UInt8] = Array("Rar!\u{1A}\u{07}\u{00}".utf8)
        out += header(0x73, 0, [UInt8](repeating: 0, count: 6))
        for (name, text) in members {
            let data = Array(text.utf8), n = Array(name.utf8)
            let body = le(UInt32(data.count)) + le(UInt32(data.count)) + [3] + le(crc32(data)) + le(UInt32(0x5821_0000))
                + [29, 0x30] + le(UInt16(n.count)) + le(UInt32(0o100644)) + n
            out += header(0x74, 0x8000, body) + data
        }
        return out + header(0x7B, 0x4000, [])
    }

    func testISOImagesAreOpenedByContent() throws {
        // An ISO 9660 image (made here: its volume dates make a committed one change every run).
        let iso = try ArchiveFixture.make([("hr/cv.txt", "Name: Anna Berg\ncontact: anna.berg@example.com\n")], format: "iso9660")
        _ = try dir.write("backup.img", bytes: iso)
        let rec = try scan("backup.img")
        XCTAssertEqual(rec.status(rel("backup.img")), "complete")
        XCTAssertEqual(rec.findings.map { "\($0.location)|\($0.value)" }, [rel("backup.img") + "!/hr/cv.txt|anna.berg@example.com"])
    }

    func testRARMembersAreRead() throws {
        _ = try dir.write("old-cvs.rar", bytes: Self.rar([("anna/cv.txt", "Name: Anna Berg\ncontact: anna.berg@example.com\n"),
                                                          ("notes.txt", "nothing here\n")]))
        let rec = try scan("old-cvs.rar")
        XCTAssertEqual(rec.status(rel("old-cvs.rar")), "complete")
        XCTAssertEqual(rec.status(rel("old-cvs.rar") + "!/anna/cv.txt"), "complete")
        XCTAssertEqual(rec.status(rel("old-cvs.rar") + "!/notes.txt"), "complete")
        XCTAssertEqual(rec.findings.map { "\($0.location)|\($0.value)|\($0.line)" },
                       [rel("old-cvs.rar") + "!/anna/cv.txt|anna.berg@example.com|2"])
    }

    func testDocumentsByContentNotExtension() throws {
        _ = try dir.write("page.txt", "<!DOCTYPE html><html><body><p>x@example.com</p><script>y@example.com</script></body></html>")
        _ = try dir.write("card.dat", "BEGIN:VCARD\r\nEMAIL:v@example.com\r\nEND:VCARD\r\n")
        _ = try dir.write("doc.bin", "{\\rtf1\\ansi{\\fonttbl{\\f0 f@example.com;}}r@example.com\\par}")
        XCTAssertEqual(try scan("page.txt").findings.map(\.value), ["x@example.com"])
        XCTAssertEqual(try scan("card.dat").findings.map(\.value), ["v@example.com"])
        XCTAssertEqual(try scan("doc.bin").findings.map(\.value), ["r@example.com"])
    }

    func testDocxTextIsTheDocumentsAndEmbeddedFilesAreChildren() throws {
        let docx = try ArchiveFixture.make([
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Mail</w:t></w:r></w:p><w:p><w:r><w:t>a@example.com</w:t></w:r></w:p></w:body></w:document>"),
            ("docProps/core.xml", "<cp:coreProperties><dc:creator>c@example.com</dc:creator></cp:coreProperties>"),
            ("word/embeddings/notes.bin", "embedded b@example.com\n"),
        ], format: "zip")
        _ = try dir.write("cv.docx", bytes: docx)
        let rec = try scan("cv.docx")
        XCTAssertEqual(rec.findings.filter { $0.location == rel("cv.docx") }.map { "\($0.line):\($0.value)" }, ["2:a@example.com", "4:c@example.com"])
        XCTAssertEqual(rec.findings.filter { $0.location == rel("cv.docx") + "!/word/embeddings/notes.bin" }.map(\.value), ["b@example.com"])
        XCTAssertEqual(rec.status(rel("cv.docx")), "complete")
        XCTAssertNil(rec.status(rel("cv.docx") + "!/word/document.xml"), "parts are not objects")
    }

    func testPasswordProtectedOfficeFileIsSkippedEncrypted() throws {
        // An OLE2 compound file whose directory names an EncryptedPackage stream.
        var ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1016)
        ole += Array("EncryptedPackage".utf8).flatMap { [$0, 0] } + [UInt8](repeating: 0, count: 512)
        _ = try dir.write("salaries.xlsx", bytes: ole)
        XCTAssertEqual(try scan("salaries.xlsx").status(rel("salaries.xlsx")), "skipped(encrypted)")
    }

    func testBinaryAndCorrupt() throws {
        _ = try dir.write("blob.bin", bytes: [0, 1, 2, 3, 0, 0, 9])
        XCTAssertEqual(try scan("blob.bin").status(rel("blob.bin")), "skipped(binary)")
        _ = try dir.write("bad.7z", bytes: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4, 1, 2, 3])
        XCTAssertEqual(try scan("bad.7z").status(rel("bad.7z")), "error(corrupt)")
    }

    func testControlCharactersInNamesAreNotShown() throws {
        let z = try ArchiveFixture.make([("a\u{1B}[31mred.txt", "q@example.com\n")], format: "zip")
        _ = try dir.write("esc.zip", bytes: z)
        let rec = try scan("esc.zip")
        XCTAssertEqual(rec.findings.last?.location, rel("esc.zip") + "!/a\u{FFFD}[31mred.txt")
    }
}
