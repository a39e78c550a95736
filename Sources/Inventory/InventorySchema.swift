import GRDB

/// The schema and its migrations, guarded by `PRAGMA user_version`: migration N runs once,
/// in the same transaction that sets `user_version = N`.
enum InventorySchema {
    /// One migration per schema version, in order (index 0 is version 1).
    static let migrations: [String] = [
        """
        CREATE TABLE runs(
          id INTEGER PRIMARY KEY,
          started_ns INTEGER NOT NULL,
          finished_ns INTEGER,
          status TEXT NOT NULL CHECK (status IN ('running','complete','aborted','failed')),
          pid INTEGER NOT NULL,
          tool_version TEXT NOT NULL,
          rules_digest TEXT NOT NULL,
          limits_digest TEXT NOT NULL,
          roots TEXT NOT NULL,
          changed_only INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE run_roots(
          run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          root TEXT NOT NULL,
          device INTEGER,
          inode INTEGER,
          walk_complete INTEGER NOT NULL DEFAULT 0,
          error TEXT,
          deletions INTEGER NOT NULL DEFAULT 0,
          deletions_held INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (run_id, root)
        ) STRICT;
        CREATE TABLE objects(
          id INTEGER PRIMARY KEY,
          location TEXT NOT NULL UNIQUE,
          root TEXT NOT NULL,
          device INTEGER,
          inode INTEGER,
          size INTEGER,
          mtime_ns INTEGER,
          content_digest TEXT,
          status TEXT NOT NULL CHECK (status IN ('complete','partial','skipped','error','deleted')),
          reason TEXT,
          stale INTEGER NOT NULL DEFAULT 0,
          rescan INTEGER NOT NULL DEFAULT 0,
          attempts INTEGER NOT NULL DEFAULT 0,
          finding_count INTEGER NOT NULL DEFAULT 0,
          last_scanned_run INTEGER REFERENCES runs(id)
        ) STRICT;
        -- The last run that saw each object, apart from its row (see version 2).
        CREATE TABLE object_seen(
          object_id INTEGER PRIMARY KEY REFERENCES objects(id) ON DELETE CASCADE,
          last_seen_run INTEGER NOT NULL REFERENCES runs(id)
        ) STRICT;
        CREATE VIEW objects_view AS
          SELECT o.*, s.last_seen_run FROM objects o LEFT JOIN object_seen s ON s.object_id = o.id;
        CREATE INDEX objects_root ON objects(root);
        CREATE INDEX objects_digest ON objects(content_digest);
        CREATE TABLE findings(
          id INTEGER PRIMARY KEY,
          object_id INTEGER NOT NULL REFERENCES objects(id) ON DELETE CASCADE,
          location TEXT NOT NULL,
          kind TEXT NOT NULL,
          detector TEXT NOT NULL,
          category TEXT NOT NULL,
          confidence REAL NOT NULL,
          line INTEGER,
          page INTEGER,
          member_start INTEGER,
          member_end INTEGER,
          masked TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          count INTEGER NOT NULL DEFAULT 1,
          first_run INTEGER NOT NULL REFERENCES runs(id),
          removed_run INTEGER REFERENCES runs(id)
        ) STRICT;
        CREATE INDEX findings_object ON findings(object_id, removed_run);
        CREATE INDEX findings_runs ON findings(first_run, removed_run);
        """,
        // Version 2: an unchanged rescan no longer rewrites a row per object. A complete walk
        // of a root (a `run_roots` row with walk_complete = 1, a "sweep") saw every live
        // object of the root except those it records as missed, so an object's last seen run
        // is the root's latest sweep unless `object_seen` pins it (`missed = 1`: not seen
        // since then; kept for deleted objects) or a read in a later, unfinished run set it.
        """
        ALTER TABLE object_seen ADD COLUMN missed INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX object_seen_missed ON object_seen(object_id) WHERE missed = 1;
        CREATE INDEX run_roots_sweeps ON run_roots(root, run_id) WHERE walk_complete = 1;
        UPDATE object_seen SET missed = 1 WHERE last_seen_run < (
          SELECT max(rr.run_id) FROM run_roots rr JOIN objects o ON o.root = rr.root
          WHERE o.id = object_seen.object_id AND rr.walk_complete = 1);
        DROP VIEW objects_view;
        CREATE VIEW objects_view AS
          SELECT o.*,
                 CASE WHEN s.missed = 1 THEN s.last_seen_run
                      ELSE nullif(max(coalesce(s.last_seen_run, 0), coalesce(w.run, 0)), 0) END AS last_seen_run
          FROM objects o
          LEFT JOIN object_seen s ON s.object_id = o.id
          LEFT JOIN (SELECT root, max(run_id) AS run FROM run_roots WHERE walk_complete = 1 GROUP BY root) w ON w.root = o.root;
        """,
    ]

    /// The version this build writes.
    static var currentVersion: Int { migrations.count }

    /// Brings the database to `currentVersion`; throws `tooNew` for a newer file.
    static func migrate(_ db: Database, path: String) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > currentVersion { throw InventoryError.tooNew(path: path, version: version) }
        for v in version..<currentVersion {
            try db.inTransaction(.exclusive) {
                try db.execute(sql: migrations[v])
                try db.execute(sql: "PRAGMA user_version = \(v + 1)")
                return .commit
            }
        }
    }
}
