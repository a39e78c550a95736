import Foundation
import PatternCatalog
import ScanCore
import TestSupport
import XCTest
@testable import Detection

/// Person names and CV recognition with the built-in model (Patterns/names/).
final class NameScannerTests: XCTestCase {
    static let catalog = Result { try Catalog.load(directories: [RepoPaths.patterns]) }
    var detector: Detector!

    override func setUpWithError() throws {
        detector = try Detector(catalog: try Self.catalog.get())
    }

    /// Scans `text` in chunks of `size` bytes, as the reader would, then ends the document.
    func hits(_ text: String, size: Int = 1 << 20, detector: Detector? = nil) -> [(kind: String, value: String, confidence: Double, line: Int)] {
        let d = detector ?? self.detector!
        let scratch = DetectorScratch(for: d)
        var out: [(String, String, Double, Int)] = []
        Chunking.forEachChunk(Array(text.utf8), size: size, lookBehind: 256, lookAhead: 1024) { chunk in
            for h in d.scan(chunk, scratch: scratch) { out.append((d.ruleList[h.ruleIndex].kind, h.value, h.confidence, h.line)) }
        }
        for h in d.finishDocument(scratch: scratch) { out.append((d.ruleList[h.ruleIndex].kind, h.value, h.confidence, h.line)) }
        return out
    }

    func names(_ text: String) -> [String] { hits(text).filter { $0.kind == "person_name" }.map(\.value) }

    func testFindsNamesInEachLanguage() {
        XCTAssertEqual(names("Colaborador: João Pedro Gonçalves | NIF"), ["João Pedro Gonçalves"])
        XCTAssertEqual(names("Empleada: María del Carmen Ruiz"), ["María del Carmen Ruiz"])
        XCTAssertEqual(names("Anställd: Sven-Erik Nyström"), ["Sven-Erik Nyström"])
        XCTAssertEqual(names("Mitarbeiterin: Anna-Lena von Bülow"), ["Anna-Lena von Bülow"])
        XCTAssertEqual(names("Salariée : Marie-Claire Dubois"), ["Marie-Claire Dubois"])
        XCTAssertEqual(names("Dipendente: Gianluca De Luca"), ["Gianluca De Luca"])
        XCTAssertEqual(names("Medewerker: Pieter van den Broek"), ["Pieter van den Broek"])
        XCTAssertEqual(names("Customer: James O'Connor"), ["James O'Connor"])
    }

    func testSurnameFirstInCapitals() {
        XCTAssertEqual(names("Attendees: PEREIRA, Ana Sofia; COSTA, Rui"), ["PEREIRA, Ana Sofia", "COSTA, Rui"])
        XCTAssertEqual(names("NOTE, Privacy Policy applies"), [])
        // An unknown word in capitals is no surname.
        XCTAssertEqual(names("WARNING, Margarida"), ["Margarida"])
    }

    func testConfidenceFollowsTheEvidence() throws {
        let both = try XCTUnwrap(hits("We met Laura Bianchi today.").first { $0.kind == "person_name" })
        let labelled = try XCTUnwrap(hits("Name: Wojciech Zielinski").first { $0.kind == "person_name" })
        let alone = try XCTUnwrap(hits("Later Laura sent the file.").first { $0.kind == "person_name" })
        let greeted = try XCTUnwrap(hits("Dear Laura,").first { $0.kind == "person_name" })
        XCTAssertEqual(both.value, "Laura Bianchi")
        XCTAssertEqual(labelled.value, "Wojciech Zielinski")
        XCTAssertGreaterThan(both.confidence, labelled.confidence)
        XCTAssertGreaterThan(greeted.confidence, alone.confidence)
        XCTAssertEqual(alone.value, "Laura")
    }

    func testNamesNoListHoldsNeedEvidence() {
        // Neither word is in any list: only a label, a salutation or a matching address tells.
        XCTAssertEqual(names("Chidi Okafor-Eze went home."), [])
        XCTAssertEqual(names("Kontaktperson: Chidi Okafor-Eze"), ["Chidi Okafor-Eze"])
        XCTAssertEqual(names("Chidi Okafor-Eze <chidi.okafor@example.ng>"), ["Chidi Okafor-Eze"])
        XCTAssertEqual(names("Chidi Okafor-Eze <someone.else@example.ng>"), [])
        XCTAssertEqual(names("Σελήνη Ορφανίδου, selini.orfanidou@example.gr"), ["Σελήνη Ορφανίδου"])
    }

    /// Capitalised words settled without reading a run (`loneWordEnd`) next to the ones that
    /// need it: an unlisted word before a small word that is no particle is passed over, one
    /// before a real particle still reads the run, with or without a label before it.
    func testLoneWordsAndParticlesAfterThem() {
        XCTAssertEqual(names("Apoio ao Cliente;Recursos Humanos;Caixa de papel A4"), [])
        XCTAssertEqual(names("Nome: Okonkwo da Costa"), ["Okonkwo da Costa"])
        // A particle before a listed given name ends another noun, but not after a label.
        XCTAssertEqual(names("Nome: Okonkwo da Silva-Eze"), ["Okonkwo da Silva-Eze"])
        XCTAssertEqual(names("Kontaktdaten von Hannes"), ["Hannes"])
        XCTAssertEqual(names("Okonkwo da Costa went home."), [])
        XCTAssertEqual(names("Nome: Okonkwo afterwards left"), ["Okonkwo"])
        XCTAssertEqual(names("INFO Okonkwo afterwards left"), [])
        XCTAssertEqual(names("Pieter van den Broek signed."), ["Pieter van den Broek"])
    }

    /// The loop-free end of a short ASCII word agrees with `wordEnd` wherever it answers, on
    /// random texts dense in letters, hyphens, apostrophes, spaces and two-byte letters.
    func testShortWordEndAgreesWithWordEnd() throws {
        let scanner = try XCTUnwrap(detector.names)
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x61], [0x5A], [0x20], [0x2D], [0x27], [0x2E], [0x31], [0xC3, 0xA9], [0xC3, 0x89], [0xE2, 0x80, 0x99], [0x40]]
        var answered = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            while bytes.count < 24 { bytes += pieces.randomElement(using: &rng)! }
            bytes.withUnsafeBufferPointer { buf in
                let p = buf.baseAddress!
                for i in 0..<buf.count {
                    guard let quick = scanner.shortWordEnd(p, i, buf.count) else { continue }
                    answered += 1
                    var hyphen = false
                    XCTAssertEqual(quick, scanner.wordEnd(p, i, buf.count, hyphen: &hyphen), "\(bytes) at \(i)")
                    XCTAssertFalse(hyphen)
                }
            }
        }
        XCTAssertGreaterThan(answered, 1_000)
    }

    func testSignoffAndHeaders() {
        XCTAssertEqual(names("Thanks again.\n\nMed vänliga hälsningar\nIngrid Wästberg\n"), ["Ingrid Wästberg"])
        XCTAssertEqual(names("From: \"Lucía Moreno\" <lucia.moreno@example.es>\nTo: Pedro Alves <p.alves@example.pt>"),
                       ["Lucía Moreno", "Pedro Alves"])
    }

    func testPhrasesThatAreNotPeople() {
        for text in ["Microsoft Teams and Google Drive", "Rua Maria Pia 12", "Via Giuseppe Verdi 4", "Anna Larsson AB",
                     "Martin Schmidt GmbH, Berlin", "Santa Cruz de Tenerife", "Thursday, 3 May", "5 Joanna Hill, Bath",
                     "DATA PROTECTION OFFICER", "Saint-Rémy-de-Provence", "anna.silva@example.pt", "Zahlungsziel 30 Tage"] {
            XCTAssertEqual(names(text), [], text)
        }
    }

    /// The capital search reads sixteen bytes at a time: a name is found wherever it falls
    /// against those blocks (first byte, straddling two, in the last bytes read one by one).
    func testNamesAreFoundAtEveryOffsetAgainstTheSearchBlocks() {
        for pad in 0..<40 {
            let text = String(repeating: "x", count: pad) + " Dear Émilie Dubois, thanks.\nBest regards,\nŁukasz Nowak"
            XCTAssertEqual(names(text), ["Émilie Dubois", "Łukasz Nowak"], "pad \(pad)")
        }
    }

    func testANameAcrossAChunkBoundaryIsFoundOnce() {
        let prefix = String(repeating: "x", count: 95)
        let text = prefix + " Name: Margarida Sousa Tavares\n"
        for size in [96, 100, 104, 110, 4096] {
            XCTAssertEqual(hits(text, size: size).filter { $0.kind == "person_name" }.map(\.value),
                           ["Margarida Sousa Tavares"], "chunk size \(size)")
        }
    }

    static let cv = """
    # Heli Mäkelä

    Curriculum Vitae

    heli.makela@example.fi · +358 40 123 4567

    ## Work experience
    2019–2024 Data engineer, Northwind Oy

    ## Education
    MSc Computer Science, University of Turku

    ## Skills
    SQL, Python
    """

    func testACVIsOneDocumentFindingWithTheNameAtItsTop() throws {
        let found = hits(Self.cv)
        let cv = found.filter { $0.kind == "document.cv" }
        XCTAssertEqual(cv.count, 1)
        XCTAssertEqual(cv.first?.value, "Heli Mäkelä")
        XCTAssertEqual(cv.first?.line, 1)
        // The name is in no list: the top line of a CV is its evidence, reported once.
        XCTAssertEqual(found.filter { $0.kind == "person_name" }.map(\.value), ["Heli Mäkelä"])
        // Small chunks: the same single finding.
        XCTAssertEqual(hits(Self.cv, size: 40).filter { $0.kind == "document.cv" }.map(\.value), ["Heli Mäkelä"])
    }

    func testAContactLineUnderACVsNameIsNoName() {
        let cv = "Karin Lindqvist\nLebenslauf\nMobil · +49 30 3382989\nkarin@example.de\n## Berufserfahrung\nx\n## Ausbildung\ny\n"
        let found = hits(cv)
        XCTAssertEqual(found.filter { $0.kind == "person_name" }.map(\.value), ["Karin Lindqvist"])
        XCTAssertEqual(found.filter { $0.kind == "document.cv" }.map(\.value), ["Karin Lindqvist"])
    }

    func testACoverLetterNamesItsWriter() {
        let letter = """
        Lettre de motivation

        Madame Claire Lambert,
        Je vous adresse ma candidature au poste d'analyste.
        Cordialement,

        Julien Moreau
        julien.moreau@example.fr
        """
        XCTAssertEqual(hits(letter).filter { $0.kind == "document.cv" }.map(\.value), ["Julien Moreau"])
    }

    func testJobAdsAndCVMentionsAreNotCVs() {
        let ad = """
        Vacature: Data-analist bij Noordwind B.V.
        ## Wat wij vragen
        Werkervaring met SQL, een afgeronde opleiding en goede vaardigheden in Excel.
        ## Wat wij bieden
        Een goed salaris.
        Contactpersoon: Sanne de Vries, sanne.devries@example.nl
        """
        XCTAssertEqual(hits(ad).filter { $0.kind == "document.cv" }.count, 0)
        XCTAssertEqual(hits("Please send your CV to jobs@example.com.\nRegards,\nOliver Bennett\n").filter { $0.kind == "document.cv" }.count, 0)
    }

    func testEachDocumentStartsAfresh() {
        let d = detector!
        let scratch = DetectorScratch(for: d)
        Chunking.forEachChunk(Array(Self.cv.utf8), size: 1 << 20, lookBehind: 256, lookAhead: 1024) { _ = d.scan($0, scratch: scratch) }
        XCTAssertEqual(d.finishDocument(scratch: scratch).count, 2)
        // A plain note scanned next with the same scratch is no CV.
        Chunking.forEachChunk(Array("Education matters.\nana@example.pt\n".utf8), size: 1 << 20, lookBehind: 256, lookAhead: 1024) {
            _ = d.scan($0, scratch: scratch)
        }
        XCTAssertEqual(d.finishDocument(scratch: scratch).count, 0)
    }

    func testKindsFilterLeavesNamesOutButStillFindsCVs() throws {
        let cvOnly = try Detector(catalog: try Self.catalog.get(), only: ["document.cv", "email"])
        let found = hits(Self.cv, detector: cvOnly)
        XCTAssertEqual(found.filter { $0.kind == "person_name" }.count, 0)
        XCTAssertEqual(found.filter { $0.kind == "document.cv" }.map(\.value), ["Heli Mäkelä"])
        let none = try Detector(catalog: try Self.catalog.get(), only: ["email"])
        XCTAssertEqual(hits(Self.cv, detector: none).map(\.kind), ["email"])
    }

    func testNamesAreMaskedToInitials() {
        XCTAssertEqual(Masker.mask("Ana da Costa", kind: "person_name"), "A*** d*** C***")
        XCTAssertEqual(Masker.mask("Heli Mäkelä", kind: "document.cv"), "H*** M***")
    }
}
