/// The handlers a scan knows, in sniffing order (first match wins).
public struct HandlerRegistry: Sendable {
    /// The handlers.
    public let handlers: [any ObjectHandler]

    /// A registry of `handlers`; earlier ones are asked first.
    public init(_ handlers: [any ObjectHandler]) { self.handlers = handlers }

    /// The built-in handlers: archives and compressed streams, office documents, PDF,
    /// RTF, HTML, vCard, iCalendar. Add plugged-in kinds with `adding`.
    public static let builtIn = HandlerRegistry([
        DocumentHandler(), ArchiveHandler(), PDFHandler(),
    ])

    /// This registry with `more` asked before the built-in ones.
    public func adding(_ more: [any ObjectHandler]) -> HandlerRegistry {
        HandlerRegistry(more + handlers)
    }

    /// The handler and format for content, or nil (plain text, or unknown binary).
    public func sniff(prefix: UnsafeRawBufferPointer, name: String) -> (any ObjectHandler, Format)? {
        for h in handlers {
            if let f = h.sniff(prefix: prefix, name: name) { return (h, f) }
        }
        return nil
    }
}
