import Containers
import MailContainers

extension HandlerRegistry {
    /// Every format `trawl scan` opens: the built-in handlers plus plugged-in kinds
    /// (add new ones here, e.g. `HandlerRegistry.builtIn.adding(Mail.handlers)`).
    public static let standard = HandlerRegistry.builtIn.adding(MailHandlers.all)
}
