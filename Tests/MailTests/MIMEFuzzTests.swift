@testable import Mail
import Foundation
import TestSupport
import XCTest

/// Mutated copies of the corpus messages: the parser must return for every one (a trap
/// on a bad index would crash the test process), within bounded time.
final class MIMEFuzzTests: XCTestCase {
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    }

    static let tokens: [[UInt8]] = ["--", "\n", "\r\n", "=", "=?", "?=", "=?utf-8?B?", "=?x?Q?=FF", ";", "\"", "*0*=",
                                    "boundary=", "Content-Type: multipart/mixed; boundary=", "\n\n", "%", "'", "\\", "From "].map { Array($0.utf8) }

    func mutate(_ input: [UInt8], _ rng: inout RNG) -> [UInt8] {
        var b = input
        for _ in 0..<(1 + rng.below(8)) {
            switch rng.below(5) {
            case 0 where !b.isEmpty: b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next())
            case 1 where !b.isEmpty: b.removeSubrange(rng.below(b.count)...)
            case 2: b.insert(contentsOf: Self.tokens[rng.below(Self.tokens.count)], at: rng.below(b.count + 1))
            case 3 where b.count > 10:
                let s = rng.below(b.count - 1), e = min(b.count, s + rng.below(200))
                b.removeSubrange(s..<e)
            default:
                let s = rng.below(b.count + 1)
                b.insert(contentsOf: b[s..<min(b.count, s + rng.below(300))], at: rng.below(b.count + 1))
            }
        }
        return b
    }

    func testMutatedMessagesNeverTrap() throws {
        var samples: [[UInt8]] = []
        let eml = RepoPaths.root + "/Corpus/mail/eml"
        for name in try FileManager.default.contentsOfDirectory(atPath: eml).sorted() {
            samples.append(try [UInt8](Data(contentsOf: URL(fileURLWithPath: eml + "/" + name))))
        }
        let mbox = try [UInt8](Data(contentsOf: URL(fileURLWithPath: RepoPaths.root + "/Corpus/mail/hr-2024.mbox")))
        samples.append(Array(mbox.prefix(20_000)))
        var rng = RNG(state: 7)
        let started = Date()
        var parsed = 0
        for sample in samples {
            for _ in 0..<1000 {
                let m = mutate(sample, &rng)
                let message = MIMEParser(limits: MailLimits(maxParts: 64, maxDepth: 8)).parse(m)
                _ = message.text { $0 }
                for a in message.attachments { _ = MIMEParser().parse(a.data) }
                var pos = 0
                let reader = MboxReader(maxMessageBytes: 4096) { buf, n in
                    let k = min(n, m.count - pos)
                    if k > 0 { m.withUnsafeBytes { buf.copyMemory(from: $0.baseAddress! + pos, byteCount: k) } }
                    pos += k
                    return k
                }
                while let x = try reader.next() { XCTAssertLessThanOrEqual(x.bytes.count, 4096) }
                parsed += 1
            }
        }
        XCTAssertEqual(parsed, samples.count * 1000)
        XCTAssertLessThan(Date().timeIntervalSince(started), 120)
    }
}
