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
    /// The inventory to record into and refresh from (nil: none).
    public var inventory: InventoryOptions? = nil

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
        try runWithInventory(request).0
    }

    /// Scans and returns the totals and, with an inventory, what it did; throws `SetupError`,
    /// `InventoryError` or an output error.
    public static func runWithInventory(_ request: ScanRequest) throws -> (ScanSummary, InventoryOutcome?) {
        let makeDetector = { @Sendable () throws -> Detector in
            let catalog = try loadCatalog(extra: request.patternDirs)
            do { return try Detector(catalog: catalog, minConfidence: request.minConfidence, only: request.kinds) } catch let e as CatalogError {
                throw SetupError(e.description)
            }
        }
        for root in request.roots where !FileManager.default.fileExists(atPath: root) {
            var isLink = false
            if let attrs = try? FileManager.default.attributesOfItem(atPath: root), attrs[.type] as? FileAttributeType == .typeSymbolicLink { isLink = true }
            if !isLink && request.roots.count == 1 {
                throw SetupError("scan root \(root) does not exist")
            }
        }
        let options = ScanOptions(roots: request.roots, jobs: request.jobs, walk: request.walk, containerLimits: request.containerLimits)
        let prepared = try request.inventory.map { try InventoryScan.prepare(request: request, options: $0, chunkSize: options.chunkSize) }
        // Rule packs whose digest a complete run recorded have loaded before: they are loaded
        // when the first file must be read, so a refresh of an unchanged tree skips them.
        // New or changed packs are loaded now, and stop the scan before it starts if broken.
        let detector: Detector? = prepared?.rulesLoadedBefore == true ? nil : try makeDetector()
        let keyPath = request.keyFile ?? KeyStore.defaultPath()
        let key: [UInt8]
        do { key = try KeyStore.loadOrCreate(path: keyPath) } catch { throw SetupError("\(error)") }
        let out: ReportOutput
        do { out = try request.outputPath.map { try ReportOutput(creating: $0) } ?? .standardOutput() } catch { throw SetupError("\(error)") }
        let sink = request.format.makeWriter(out, reveal: request.reveal, color: request.color && request.outputPath == nil)
        let fingerprinter = Fingerprinter(key: key)
        let engine = detector.map { ScanEngine(detector: $0, fingerprinter: fingerprinter, options: options) }
            ?? ScanEngine(makeDetector: makeDetector, fingerprinter: fingerprinter, options: options)
        if let prepared, let inventory = request.inventory {
            let (summary, outcome) = try InventoryScan.run(prepared, engine: engine, sink: sink, request: request, options: inventory)
            return (summary, outcome)
        }
        return (try engine.run(sink: sink, showProgress: request.progress), nil)
    }
}
