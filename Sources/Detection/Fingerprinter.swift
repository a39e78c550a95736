import Crypto
import Foundation

/// Keyed fingerprints (HMAC-SHA256) of normalised values.
///
/// The inner and outer hash states after the padded key are computed once, so each value
/// costs two short hashes and no key processing (the HMAC construction of RFC 2104).
///
/// `@unchecked Sendable`: swift-crypto's `SHA256` is a copy-on-write value over a
/// BoringSSL context; the templates are never mutated in place (each call copies them
/// first, and the copy gets its own context), so sharing them between threads is safe.
public struct Fingerprinter: @unchecked Sendable {
    private let inner: SHA256
    private let outer: SHA256

    /// Creates a fingerprinter for a secret key (any length; 32 random bytes by default).
    public init(key: [UInt8]) {
        var k = key
        if k.count > 64 { k = Array(SHA256.hash(data: k)) }
        k += [UInt8](repeating: 0, count: 64 - k.count)
        var i = SHA256()
        i.update(data: k.map { $0 ^ 0x36 })
        var o = SHA256()
        o.update(data: k.map { $0 ^ 0x5c })
        inner = i
        outer = o
    }

    /// `hmac-sha256:<64 hex>` of the value.
    ///
    /// Hashes the value's UTF-8 in place and writes the text straight into the string's
    /// storage: one allocation per fingerprint (there is one per finding not in the cache).
    public func fingerprint(_ value: String) -> String {
        var i = inner
        var value = value
        value.withUTF8 { i.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        var o = outer
        i.finalize().withUnsafeBytes { o.update(bufferPointer: $0) }
        let digest = o.finalize()
        return digest.withUnsafeBytes { d in
            String(unsafeUninitializedCapacity: Fingerprinter.prefix.count + 2 * d.count) { out in
                for (k, b) in Fingerprinter.prefix.enumerated() { out[k] = b }
                var at = Fingerprinter.prefix.count
                for b in d {
                    out[at] = Fingerprinter.digits[Int(b >> 4)]
                    out[at + 1] = Fingerprinter.digits[Int(b & 15)]
                    at += 2
                }
                return at
            }
        }
    }

    static let prefix = Array("hmac-sha256:".utf8)

    static let digits = Array("0123456789abcdef".utf8)

    static func hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One worker's memory of recent fingerprints: names and addresses repeat within and
/// across files, and a dictionary probe costs far less than two SHA-256 runs. Bounded:
/// it starts afresh when full.
public struct FingerprintCache {
    private var entries: [String: String] = [:]
    private let capacity: Int

    /// Creates an empty cache holding at most `capacity` values (about 150 bytes each: the
    /// person names of a large share run to tens of thousands).
    public init(capacity: Int = 65536) {
        self.capacity = capacity
        entries.reserveCapacity(capacity)
    }

    /// The fingerprint of `value` under `fingerprinter`.
    public mutating func fingerprint(_ value: String, with fingerprinter: Fingerprinter) -> String {
        if let known = entries[value] { return known }
        let f = fingerprinter.fingerprint(value)
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[value] = f
        return f
    }
}
