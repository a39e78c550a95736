/// One kind of container or document: recognises its formats and scans an object of them.
///
/// To plug in a new kind: implement this protocol (a stateless struct), and add an
/// instance to the list given to `HandlerRegistry` (ScanEngine's `HandlerRegistry.standard`).
/// Handlers are shared by all worker threads: keep per-object state in locals.
public protocol ObjectHandler: Sendable {
    /// Recognises content from its first bytes (up to 64 KiB; fewer when the object is
    /// smaller) and its name (last path component, a hint only). Nil when not one of ours.
    func sniff(prefix: UnsafeRawBufferPointer, name: String) -> Format?

    /// Scans one object of `format`: hands its text to `context.appendText`, its children to
    /// `context.scanChild`, and returns the object's own status. Children report their own
    /// statuses. Return `.complete` when everything was read (the context turns it into
    /// `partial` when a limit or `markPartial` says otherwise); `.error(reason)` for corrupt
    /// input; `.skipped(reason)` when nothing could be read. Never throws: a handler maps its
    /// own failures to a status.
    func scan(_ data: ObjectData, format: Format, context: ObjectContext) -> ObjectStatus
}

import ScanCore
