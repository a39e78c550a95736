import Containers
import Detection
import Foundation
import Inputs
import PatternCatalog
import Reporting
import ScanCore

/// What `trawl scan` was asked to do, as plain values.
public struct ScanRequest: Sendable {
    public var roots: [String]
    public var format: OutputFormat = .table
    public var outputPath: String? = nil
    public var reveal = false
    public var minConfidence = 0.5
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var walk = WalkOptions()
    public var patternDirs: [String] = []
    public var keyFile: String? = nil
    public var color = false
    public var progress = false
    public var kinds: Set<String>? = nil
    public var containerLimits = ContainerLimits()

    /// Creates a request for the given roots.
    public init(roots: [String]) { self.roots = roots }
}

/// A scan could not start (bad patterns, unusable key or output, no such root).
public struct SetupError: Error, CustomStringConvertible {
    /// What failed and what to do.
    public let description: String
    /// Creates one.
    public init(_ description: String) { self.description = description }
}

/// Runs a whole scan from a request: the one library call behind `trawl scan`.
public enum Scan {
    /// Loads the built-in packs plus `extra` directories.
    public static func loadCatalog(extra: [String]) throws -> Catalog {
        guard let builtIn = PatternLocator.builtIn() else {
            throw SetupError("cannot find the built-in Patterns/ directory; set TRAWL_PATTERNS to its path")
        }
        do { return try Catalog.load(directories: [builtIn] + extra) } catch let e as CatalogError {
            throw SetupError(e.description)
        }
    }

    /// Scans and returns the totals; throws `SetupError` or an output error.
    public static func run(_ request: ScanRequest) throws -> ScanSummary {
        let catalog = try loadCatalog(extra: request.patternDirs)
        let detector: Detector
        do { detector = try Detector(catalog: catalog, minConfidence: request.minConfidence, only: request.kinds) } catch let e as CatalogError {
            throw SetupError(e.description)
        }
        let keyPath = request.keyFile ?? KeyStore.defaultPath()
        let key: [UInt8]
        do { key = try KeyStore.loadOrCreate(path: keyPath) } catch { throw SetupError("\(error)") }
        for root in request.roots where !FileManager.default.fileExists(atPath: root) {
            var isLink = false
            if let attrs = try? FileManager.default.attributesOfItem(atPath: root), attrs[.type] as? FileAttributeType == .typeSymbolicLink { isLink = true }
            if !isLink && request.roots.count == 1 {
                throw SetupError("scan root \(root) does not exist")
            }
        }
        let out: ReportOutput
        do { out = try request.outputPath.map { try ReportOutput(creating: $0) } ?? .standardOutput() } catch { throw SetupError("\(error)") }
        let sink = request.format.makeWriter(out, reveal: request.reveal, color: request.color && request.outputPath == nil)
        let engine = ScanEngine(detector: detector, fingerprinter: Fingerprinter(key: key),
                                options: ScanOptions(roots: request.roots, jobs: request.jobs, walk: request.walk,
                                                     containerLimits: request.containerLimits))
        return try engine.run(sink: sink, showProgress: request.progress)
    }
}
