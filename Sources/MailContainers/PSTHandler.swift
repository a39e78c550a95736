import Containers
import PST
import ScanCore

/// An Outlook PST or OST store (libpff): every item of every folder is a child named by
/// its folder path and position, `Top of Personal Folders/Inbox/message-3`, handed to
/// `MessageHandler` as a message (`PSTMessage`) so its attachments recurse like mail.
///
/// A store libpff cannot open ends `error(corrupt)`; items it cannot read make the store
/// `partial(corrupt)`. A password-protected store is read in full (PST passwords only
/// gate Outlook's interface, the content is not encrypted with them) and reported
/// `partial(password_protected)`, so the report shows the protection.
public struct PSTHandler: ObjectHandler {
    /// The format name.
    public static let format = Format("pst")

    /// Creates the handler.
    public init() {}

    /// `pst` for the `!BDN` signature (PST and OST).
    public func sniff(prefix: UnsafeRawBufferPointer, name: String) -> Format? {
        PSTFile.sniff(prefix) ? Self.format : nil
    }

    /// Opens the store with libpff and scans every item of every folder as a child message.
    public func scan(_ data: ObjectData, format: Format, context: ObjectContext) -> ObjectStatus {
        var limits = PSTLimits()
        limits.maxAttachmentBytes = context.limits.maxMemberBytes
        limits.maxBodyBytes = context.limits.maxMemberBytes
        let store: PSTFile
        do {
            switch data {
            case .file(let f, _):
                // libpff opens by name; the walker's descriptor is reachable through /proc.
                store = try PSTFile(path: "/proc/self/fd/\(f.fd)", limits: limits)
            case .memory(let b):
                store = try PSTFile(bytes: b.buffer, limits: limits) // `data` keeps `b` alive for this call
            }
        } catch {
            return .error(error.reason)
        }
        defer { withExtendedLifetime(data) {} }
        let result: PSTWalkResult
        do {
            result = try store.walk(shouldContinue: {
                if let r = context.stopReason { context.markPartial(r); return false }
                return true
            }) { item in
                if let r = context.stopReason { context.markPartial(r); return false }
                let name = (item.folderPath + ["message-\(item.index)"]).joined(separator: "/")
                context.scanChild(name: name, data: OwnedBytes(PSTMessage.bytes(for: item)))
                if !item.problems.isEmpty { context.markPartial("corrupt") }
                return true
            }
        } catch {
            return .error(error.reason)
        }
        if let hit = result.limitHit { context.markPartial(hit) }
        if result.unreadableItems > 0 { context.markPartial("corrupt") }
        if store.isPasswordProtected { context.markPartial("password_protected") }
        return .complete
    }
}
