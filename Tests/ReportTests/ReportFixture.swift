import DataMap
import Foundation
import GRDB
import Inventory
import TestSupport

/// A small inventory with fixed contents and times, written row by row (masked previews and
/// made-up fingerprints only), and the report options the golden files were made with.
enum ReportFixture {
    static let asOfNs: Int64 = 1_780_272_000 * 1_000_000_000  // 2026-06-01T00:00:00Z
    static func ns(_ s: Int64) -> Int64 { s * 1_000_000_000 }

    static func labels() throws -> [CategoryInfo] { try CategoryInfo.load(path: RepoPaths.patterns + "/categories.yml") }

    /// Creates the inventory at `path` (schema by the real writer, then rows inserted).
    static func make(_ path: String) throws {
        do { _ = try InventoryStore.openWriter(path: path) }  // creates and migrates; the lock is released at once
        let q = try DatabaseQueue(path: path)
        try q.write { db in
            for (id, start, status) in [(1, ns(1_767_225_600), "complete"), (2, ns(1_769_904_000), "complete")] {
                try db.execute(sql: "INSERT INTO runs(id, started_ns, finished_ns, status, pid, tool_version, rules_digest, limits_digest, roots) VALUES (?, ?, ?, ?, 1, 'test', 'r', 'l', '[]')",
                               arguments: [id, start, start + ns(60), status])
            }
            let objects: [(Int, String, String, Int64?, String, String?)] = [
                (1, "/srv/share/hr/cv-1.docx", "/srv/share", ns(1_583_020_800), "complete", nil),
                (2, "/srv/share/hr/old/payroll.xlsx", "/srv/share", ns(1_673_740_800), "complete", nil),
                (3, "/srv/share/logs/access.log", "/srv/share", ns(1_777_593_600), "complete", nil),
                (4, "/srv/share/mail/archive.mbox", "/srv/share", ns(1_740_787_200), "partial", "member_limit"),
                (5, "/srv/share/scans/img.tiff", "/srv/share", ns(1_764_547_200), "skipped", "binary"),
                (6, "/home/ana/contacts.csv", "/home/ana", nil, "complete", nil),
                (7, "/home/ana/locked.pdf", "/home/ana", ns(1_764_547_200), "error", "permission_denied"),
                (8, "/srv/share/gone.txt", "/srv/share", ns(1_764_547_200), "deleted", nil),
            ]
            for o in objects {
                try db.execute(sql: "INSERT INTO objects(id, location, root, size, mtime_ns, status, reason, last_scanned_run) VALUES (?, ?, ?, 100, ?, ?, ?, 2)",
                               arguments: [o.0, o.1, o.2, o.3, o.4, o.5])
            }
            // (object, member suffix, kind, category, masked, fingerprint, count, first run, removed run)
            let findings: [(Int, String, String, String, String, String, Int, Int, Int?)] = [
                (1, "", "person_name", "identity.name", "A** B****", "fp-n1", 1, 1, nil),
                (1, "", "email", "contact.email", "a***@example.org", "fp-e1", 1, 1, nil),
                (1, "", "phone", "contact.phone", "+351 9** *** **1", "fp-p1", 1, 1, nil),
                (1, "", "document.cv", "recruitment.cv", "CV", "fp-cv1", 1, 1, nil),
                (2, "", "iban", "financial.bank_account", "PT50 **** 0001", "fp-b1", 2, 1, nil),
                (2, "", "iban", "financial.bank_account", "PT50 **** 0002", "fp-b2", 1, 1, nil),
                (2, "", "person_name", "identity.name", "A** B****", "fp-n1", 1, 1, nil),
                (3, "", "ipv4", "online.ip_address", "10.*.*.1", "fp-i1", 5, 1, nil),
                (3, "", "ipv4", "online.ip_address", "10.*.*.2", "fp-i2", 1, 1, nil),
                (3, "", "ipv4", "online.ip_address", "10.*.*.3", "fp-i3", 1, 2, nil),
                (3, "", "ipv4", "online.ip_address", "10.*.*.9", "fp-i9", 1, 1, 2),
                (4, "!/1", "document.correspondence", "communications.correspondence", "message", "fp-c1", 1, 1, nil),
                (4, "!/2", "document.correspondence", "communications.correspondence", "message", "fp-c2", 1, 1, nil),
                (4, "!/1", "email", "contact.email", "a***@example.org", "fp-e1", 3, 1, nil),
                (4, "!/2", "email", "contact.email", "b***@example.org", "fp-e2", 1, 1, nil),
                (6, "", "email", "contact.email", "c***@example.net", "fp-e3", 1, 1, nil),
                (8, "", "email", "contact.email", "d***@example.com", "fp-e4", 1, 1, 2),  // deleted in run 2
            ]
            for f in findings {
                let loc = objects[f.0 - 1].1 + f.1
                try db.execute(sql: """
                    INSERT INTO findings(object_id, location, kind, detector, category, confidence, line, masked, fingerprint, count, first_run, removed_run)
                    VALUES (?, ?, ?, ?, ?, 0.9, 1, ?, ?, ?, ?, ?)
                    """, arguments: [f.0, loc, f.2, f.2, f.3, f.4, f.5, f.6, f.7, f.8])
            }
        }
    }

    /// The YAML declaration the golden files are checked against.
    static let policyYAML = """
        categories: [identity.name, contact.email, recruitment.cv, contact.postal_address]
        retention: {recruitment.cv: 730}
        allowed_locations: {contact.email: ['/srv/share/mail/*']}
        """
}
