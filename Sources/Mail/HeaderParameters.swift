/// A structured header value with parameters: `Content-Type` or `Content-Disposition`.
///
/// Parameters follow RFC 2045 (`name=value`, `name="quoted \"value\""`) and RFC 2231
/// (`name*=charset'lang'%XX..`, continuations `name*0=`, `name*1*=` in any order).
/// RFC 2047 encoded words inside a value (a common violation for file names) are decoded.
public struct HeaderParameters: Sendable, Hashable {
    /// The lowercased value before the first `;` (`multipart/mixed`, `attachment`).
    public var value: String
    /// Lowercased parameter names to decoded values.
    public var parameters: [String: String]

    /// Parses the unfolded header value bytes.
    public init(raw: [UInt8]) {
        let text = Charset.unlabelled(raw)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var head = String.UnicodeScalarView()
        while i < scalars.count, scalars[i] != ";" { head.append(scalars[i]); i += 1 }
        value = String(head).trimmingCharacters(in: " \t").lowercased()
        var simple: [String: String] = [:]
        var extended: [String: [Int: (String, Bool)]] = [:] // name -> section -> (text, percent-encoded)
        var extendedCharset: [String: String] = [:]
        while i < scalars.count {
            i += 1 // skip ';'
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            var name = String.UnicodeScalarView()
            while i < scalars.count, scalars[i] != "=", scalars[i] != ";" { name.append(scalars[i]); i += 1 }
            let key = String(name).trimmingCharacters(in: " \t").lowercased()
            guard i < scalars.count, scalars[i] == "=" else { continue }
            i += 1
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            var val = String.UnicodeScalarView()
            if i < scalars.count, scalars[i] == "\"" {
                i += 1
                while i < scalars.count, scalars[i] != "\"" {
                    if scalars[i] == "\\", i + 1 < scalars.count { i += 1 }
                    val.append(scalars[i]); i += 1
                }
                while i < scalars.count, scalars[i] != ";" { i += 1 }
            } else {
                while i < scalars.count, scalars[i] != ";" { val.append(scalars[i]); i += 1 }
            }
            let v = String(val).trimmingCharacters(in: " \t")
            guard !key.isEmpty else { continue }
            // RFC 2231: name*  |  name*N  |  name*N*
            if let star = key.firstIndex(of: "*") {
                let base = String(key[..<star])
                let rest = key[key.index(after: star)...]
                var section = 0
                var encoded = false
                if rest.isEmpty { encoded = true }
                else {
                    let digits = rest.hasSuffix("*") ? rest.dropLast() : rest
                    encoded = rest.hasSuffix("*")
                    guard let n = Int(digits), n >= 0, n < 10_000 else { continue }
                    section = n
                }
                var textPart = v
                if encoded && section == 0 {
                    // charset'language'percent-encoded
                    let pieces = v.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if pieces.count == 3 {
                        extendedCharset[base] = String(pieces[0])
                        textPart = String(pieces[2])
                    }
                }
                extended[base, default: [:]][section] = (textPart, encoded)
            } else {
                simple[key] = EncodedWords.decode(v)
            }
        }
        for (base, sections) in extended {
            var bytes: [UInt8] = []
            for n in sections.keys.sorted() {
                let (t, enc) = sections[n]!
                bytes.append(contentsOf: enc ? Self.percentDecode(t) : Array(t.utf8))
            }
            simple[base] = Charset.decode(bytes, charset: extendedCharset[base] ?? "utf-8").text
        }
        parameters = simple
    }

    /// `%XX` decoding; a bad escape is kept literally.
    static func percentDecode(_ s: String) -> [UInt8] {
        let a = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < a.count {
            if a[i] == UInt8(ascii: "%"), i + 2 < a.count,
               let h = UInt8(String(decoding: a[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(h); i += 3
            } else { out.append(a[i]); i += 1 }
        }
        return out
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s.removeFirst() }
        while let l = s.last, chars.contains(l) { s.removeLast() }
        return String(s)
    }
}
