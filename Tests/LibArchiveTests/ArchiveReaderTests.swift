import Foundation
import LibArchive
import TestSupport
import XCTest

final class ArchiveReaderTests: XCTestCase {
    func members(_ bytes: [UInt8], mode: ArchiveReader.Mode = .archive) throws -> [(ArchiveEntry, String)] {
        try bytes.withUnsafeBytes { buffer in
            let reader = try ArchiveReader(memory: buffer, owner: nil, mode: mode, displayName: "t")
            var out: [(ArchiveEntry, String)] = []
            while let e = try reader.next() {
                var data: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 7)  // small reads on purpose
                while true {
                    let n = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) }
                    if n == 0 { break }
                    data += chunk[0..<n]
                }
                out.append((e, String(decoding: data, as: UTF8.self)))
            }
            return out
        }
    }

    func testFormatsAndFilters() throws {
        let files = [("a.txt", "alpha\n"), ("dir/b.txt", "beta beta\n")]
        for (format, filter) in [("zip", nil), ("ustar", nil), ("ustar", "-z"), ("ustar", "-j"), ("ustar", "-J"), ("ustar", "--zstd"), ("7zip", nil), ("cpio", nil), ("iso9660", nil)] as [(String, String?)] {
            let bytes = try ArchiveFixture.make(files, format: format, filter: filter)
            let got = try members(bytes).filter { $0.0.isRegularFile }
            XCTAssertEqual(got.map(\.0.path), ["a.txt", "dir/b.txt"], "\(format) \(filter ?? "")")
            XCTAssertEqual(got.map(\.1), ["alpha\n", "beta beta\n"], "\(format) \(filter ?? "")")
            XCTAssertEqual(got.map(\.0.size), [6, 10])
        }
    }

    func testOpensByPathAndByDescriptor() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("t.zip", bytes: try ArchiveFixture.make([("x/y.txt", "why\n")], format: "zip"))
        let byPath = try ArchiveReader(path: path, mode: .archive)
        XCTAssertEqual(try byPath.next()?.path, "x/y.txt")
        XCTAssertTrue(byPath.formatName.hasPrefix("ZIP"))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let byFD = try ArchiveReader(fd: fd, mode: .archive, displayName: "t.zip")
        XCTAssertEqual(try byFD.next()?.path, "x/y.txt")
        XCTAssertThrowsError(try ArchiveReader(path: dir.path + "/missing.zip", mode: .archive)) { error in
            XCTAssertTrue("\(error)".hasPrefix("libarchive: Failed to open"), "\(error)")
        }
    }

    func testRawStreamReadsOneMember() throws {
        let gz = try ArchiveFixture.make([("a.txt", "alpha\n")], format: "raw", filter: "-z")
        let got = try members(gz, mode: .rawStream)
        XCTAssertEqual(got.count, 1)
        XCTAssertEqual(got[0].1, "alpha\n")
    }

    func testNotAnArchiveThrowsWithContext() throws {
        let bytes = Array("just some text, not an archive at all\n".utf8)
        XCTAssertThrowsError(try members(bytes)) { error in
            let e = error as! ArchiveError
            XCTAssertEqual(e.description, "libarchive: Unrecognized archive format - while opening t")
        }
    }

    func testCompressedPlainTextIsNotAnArchive() throws {
        // mtree's bidder would take these lines for member names; it is not enabled.
        let xz = try ArchiveFixture.make([("n", "c@example.com\nsecond line\n")], format: "raw", filter: "-J")
        XCTAssertThrowsError(try members(xz))
        XCTAssertEqual(try members(xz, mode: .rawStream).map(\.1), ["c@example.com\nsecond line\n"])
    }

    func testTruncatedGzipThrowsOnData() throws {
        let tgz = try ArchiveFixture.make([("a.txt", String(repeating: "line of text\n", count: 20000))], format: "ustar", filter: "-z")
        let cut = Array(tgz[0..<(tgz.count / 2)])
        XCTAssertThrowsError(try members(cut)) { error in
            XCTAssertTrue((error as! ArchiveError).description.hasPrefix("libarchive: "))
        }
    }
}
