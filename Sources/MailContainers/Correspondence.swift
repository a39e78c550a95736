import Mail
import ScanCore

/// The `document.correspondence` finding each message yields.
///
/// `masked` says what the object is without personal data (`message: 2 recipients,
/// 1 attachment`); `value` (shown only with `--reveal`, fingerprinted always) is the
/// Message-ID, so the same message found in an mbox and in a PST links by fingerprint;
/// a message without one uses a hash of its decoded header lines.
enum Correspondence {
    static let kind = "document.correspondence"
    static let category = "communications.correspondence"

    /// Reports the finding for `message` on `context`; `label` names the item type.
    static func report(_ message: MailMessage, label: String, detector: String, on context: ObjectContextLike) {
        let recipients = max(0, message.addresses.count - 1)
        var masked = "\(label): \(recipients) recipient\(recipients == 1 ? "" : "s")"
        let n = message.attachments.count
        if n > 0 { masked += ", \(n) attachment\(n == 1 ? "" : "s")" }
        let value = message.messageID.flatMap { $0.isEmpty ? nil : $0 } ?? "fnv1a64:" + fnv1a64(message.headerText + message.bodies.map(\.text).joined())
        context.reportDocument(kind: kind, category: category, detector: detector, masked: masked, value: value)
    }

    /// FNV-1a over UTF-8, as 16 hex digits: a stable identity, not a secret (the finding's
    /// fingerprint is the keyed HMAC of it).
    static func fnv1a64(_ s: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The part of `ObjectContext` the finding needs (a seam for tests).
protocol ObjectContextLike {
    func reportDocument(kind: String, category: String, detector: String, masked: String, value: String)
}
