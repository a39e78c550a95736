import XCTest
import Validators

/// `IPAddress`: dotted quads and RFC 5952 canonical IPv6 text.
final class IPAddressTests: XCTestCase {
    func testIPv4Vectors() throws {
        let cases = try Fixtures.load("ip_vectors.json", as: Fixtures.IPCases.self)
        for text in cases.ipv4.valid {
            XCTAssertEqual(IPAddress.canonicalIPv4(text), text)
        }
        for text in cases.ipv4.invalid {
            XCTAssertNil(IPAddress.canonicalIPv4(text), text)
        }
    }

    func testIPv4Rules() {
        XCTAssertEqual(IPAddress.canonicalIPv4("0.0.0.0"), "0.0.0.0")
        XCTAssertEqual(IPAddress.canonicalIPv4("255.255.255.255"), "255.255.255.255")
        for text in ["192.168.001.1", "010.0.0.1", "00.0.0.0", "256.0.0.1", "1.2.3", "1.2.3.4.5", " 1.2.3.4",
                     "1.2.3.4 ", "0x7f.0.0.1", "1.2.3.-4", "1.2.3.4/24", "１.2.3.4", "", "...", "1234.1.1.1"] {
            XCTAssertNil(IPAddress.canonicalIPv4(text), text)
        }
    }

    func testIPv6Vectors() throws {
        let cases = try Fixtures.load("ip_vectors.json", as: Fixtures.IPCases.self)
        XCTAssertGreaterThanOrEqual(cases.ipv6.valid.count, 40)
        for pair in cases.ipv6.valid {
            XCTAssertEqual(IPAddress.canonicalIPv6(pair[0]), pair[1], pair[0])
        }
        for text in cases.ipv6.invalid {
            XCTAssertNil(IPAddress.canonicalIPv6(text), text)
        }
    }

    func testRFC5952Rules() {
        let cases: [(String, String)] = [
            ("2001:0db8:0000:0000:0000:0000:0002:0001", "2001:db8::2:1"),   // 4.1 leading zeros, 4.2.1 longest run
            ("2001:DB8::1", "2001:db8::1"),                                 // 4.3 lowercase
            ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),               // 4.2.2 a single 0 stays
            ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),                        // 4.2.3 the longest run wins
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),                  // 4.2.3 the first of equal runs
            ("0:0:0:0:0:0:0:0", "::"),
            ("0:0:0:0:0:0:0:1", "::1"),
            ("1:0:0:0:0:0:0:0", "1::"),
            ("1::2:3:4:5:6:7", "1:0:2:3:4:5:6:7"),                           // "::" for one group becomes 0
            ("::ffff:192.0.2.1", "::ffff:192.0.2.1"),                       // 5: IPv4-mapped keeps dotted form
            ("0:0:0:0:0:FFFF:C000:0201", "::ffff:192.0.2.1"),
            ("::192.0.2.1", "::c000:201"),                                  // other embeddings: hexadecimal
            ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
            ("fe80::0202:b3ff:fe1e:8329", "fe80::202:b3ff:fe1e:8329"),
        ]
        for (text, canonical) in cases {
            XCTAssertEqual(IPAddress.canonicalIPv6(text), canonical, text)
        }
    }

    func testIPv6Rejects() {
        for text in ["fe80::1%eth0", "[::1]", "::1/128", "1:2:3:4:5:6:7:8:9", "::ffff:1.2.3", "::ffff:1.2.3.256",
                     "2001:db8:::1", "2001:db8::1::", "02001:db8::1", "2001:db8::g", "2001:db8:1", "1.2.3.4", "",
                     "::ffff:001.2.3.4", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255:1", "१::1"] {
            XCTAssertNil(IPAddress.canonicalIPv6(text), text)
        }
    }
}

extension IPAddressTests {
    func testRandomTextGivesNilOrCanonicalText() {
        var generator = SplitMix64(seed: 5952)
        let alphabet = Array("0123456789abcdefABCDEF:::..%g ")
        var accepted = 0
        for _ in 0..<50_000 {
            let length = Int(generator.next() % 24)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            if let v6 = IPAddress.canonicalIPv6(text) {
                accepted += 1
                XCTAssertEqual(IPAddress.canonicalIPv6(v6), v6, "canonical text is a fixed point: \(text)")
                XCTAssertEqual(v6, v6.lowercased(), text)
                XCTAssertFalse(v6.contains(":::"), text)
            }
            if let v4 = IPAddress.canonicalIPv4(text) {
                XCTAssertEqual(v4, text, "a valid IPv4 text is already canonical")
            }
        }
        XCTAssertGreaterThan(accepted, 0)
    }
}
