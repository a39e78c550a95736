import Crypto
import Foundation
import ScanCore

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
/// across files, and a table probe costs far less than two SHA-256 runs. Bounded: it
/// starts afresh when full.
///
/// An open-addressing table keyed by a 64-bit hash of the value's bytes (multiply-mix, 8
/// bytes at a time), compared in full on a hash match: per finding it is cheaper than a
/// `Dictionary` keyed by `String`, whose SipHash dominated the lookups.
public struct FingerprintCache {
    private var hashes: [UInt64]
    private var keys: [String]
    private var values: [String]
    private var used = 0
    private let capacity: Int
    private let mask: Int

    /// Creates an empty cache holding at most `capacity` values (about 150 bytes each: the
    /// person names of a large share run to tens of thousands).
    public init(capacity: Int = 65536) {
        self.capacity = capacity
        var slots = 16
        while slots < capacity * 2 { slots <<= 1 }
        mask = slots - 1
        hashes = [UInt64](repeating: 0, count: slots)
        keys = [String](repeating: "", count: slots)
        values = [String](repeating: "", count: slots)
    }

    /// The fingerprint of `value` under `fingerprinter`.
    public mutating func fingerprint(_ value: String, with fingerprinter: Fingerprinter) -> String {
        var v = value
        // 0 marks an empty slot.
        let h = v.withUTF8 { ByteHash.hash64($0) } | 1
        var i = Int(truncatingIfNeeded: h) & mask
        while hashes[i] != 0 {
            if hashes[i] == h && keys[i] == value { return values[i] }
            i = (i + 1) & mask
        }
        let f = fingerprinter.fingerprint(value)
        if used >= capacity {
            for k in 0..<hashes.count { hashes[k] = 0 }
            keys = [String](repeating: "", count: hashes.count)
            values = [String](repeating: "", count: hashes.count)
            used = 0
            i = Int(truncatingIfNeeded: h) & mask
        }
        hashes[i] = h
        keys[i] = value
        values[i] = f
        used += 1
        return f
    }

}
