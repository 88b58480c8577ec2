package org.milab.platform.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The store's schema as an ordered list of migrations. {@code schema_version} holds one row per applied migration;
 * opening a store applies the missing ones in order, inside the caller's transaction, and refuses a store whose
 * version is newer than {@link #LATEST} (written by a newer milab) instead of touching it.
 */
final class Schema {

    /** One migration: the version it brings the store to, what it does, and its statements. */
    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "runs, points, nodes, parameters, estimates, metrics, artifacts, plugins", List.of(
                    "CREATE TABLE runs (id TEXT PRIMARY KEY, experiment TEXT NOT NULL, folder TEXT NOT NULL,"
                            + " status TEXT NOT NULL, seed INTEGER NOT NULL, started TEXT NOT NULL,"
                            + " ended TEXT NOT NULL, milab TEXT NOT NULL, error TEXT, points INTEGER NOT NULL,"
                            + " failed_points INTEGER NOT NULL, indexed TEXT NOT NULL)",
                    "CREATE TABLE points (run_id TEXT NOT NULL, point INTEGER NOT NULL, status TEXT NOT NULL,"
                            + " error TEXT, PRIMARY KEY (run_id, point))",
                    "CREATE TABLE sweep_values (run_id TEXT NOT NULL, point INTEGER NOT NULL, name TEXT NOT NULL,"
                            + " value TEXT NOT NULL, PRIMARY KEY (run_id, point, name))",
                    "CREATE TABLE nodes (run_id TEXT NOT NULL, point INTEGER NOT NULL, node TEXT NOT NULL,"
                            + " ord INTEGER NOT NULL, extension TEXT NOT NULL, seed INTEGER NOT NULL,"
                            + " seconds REAL NOT NULL, cached INTEGER NOT NULL, PRIMARY KEY (run_id, point, node))",
                    "CREATE TABLE parameters (run_id TEXT NOT NULL, point INTEGER NOT NULL, node TEXT NOT NULL,"
                            + " name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, point, node, name))",
                    "CREATE TABLE estimates (run_id TEXT NOT NULL, point INTEGER NOT NULL, node TEXT NOT NULL,"
                            + " mi_nats REAL NOT NULL, stderr_nats REAL, truth_nats REAL, n INTEGER NOT NULL,"
                            + " PRIMARY KEY (run_id, point, node))",
                    "CREATE TABLE metrics (run_id TEXT NOT NULL, point INTEGER NOT NULL, node TEXT NOT NULL,"
                            + " metric TEXT NOT NULL, step INTEGER NOT NULL, value REAL NOT NULL)",
                    "CREATE TABLE artifacts (run_id TEXT NOT NULL, path TEXT NOT NULL, bytes INTEGER NOT NULL,"
                            + " PRIMARY KEY (run_id, path))",
                    "CREATE TABLE plugins (run_id TEXT NOT NULL, plugin TEXT NOT NULL, version TEXT NOT NULL,"
                            + " sha256 TEXT NOT NULL, PRIMARY KEY (run_id, plugin))")),
            new Migration(2, "indexes for --where filters, per-experiment listing and metric series", List.of(
                    "CREATE INDEX parameters_by_value ON parameters (name, value)",
                    "CREATE INDEX sweep_values_by_value ON sweep_values (name, value)",
                    "CREATE INDEX runs_by_experiment ON runs (experiment, started)",
                    "CREATE INDEX metrics_by_run ON metrics (run_id, point, node)")));

    /** The newest schema version this milab knows. */
    static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    /** Tables holding rows of a run, each with a {@code run_id} column. */
    static final List<String> RUN_TABLES = List.of("points", "sweep_values", "nodes", "parameters", "estimates",
            "metrics", "artifacts", "plugins", "runs");

    private Schema() {
    }

    /**
     * Brings the store to {@link #LATEST}; call inside a write transaction.
     *
     * @throws StoreException when the store is newer than this milab
     */
    static int migrate(Connection c, String store) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL, applied TEXT NOT NULL)");
            int current = version(s);
            requireNotNewer(current, store);
            for (Migration m : MIGRATIONS) {
                if (m.version() > current) {
                    apply(c, m);
                }
            }
            return LATEST;
        }
    }

    private static void requireNotNewer(int current, String store) {
        if (current > LATEST) {
            throw new StoreException("the run store " + store + " has schema version " + current
                    + ", newer than this milab's " + LATEST + "; use a newer milab, or point --store at "
                    + "another file (the store was left untouched)");
        }
    }

    /** The applied version (0 for an empty store). */
    static int version(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                s.execute(sql);
            }
        }
        try (var p = c.prepareStatement("INSERT INTO schema_version (version, description, applied) VALUES (?,?,?)")) {
            p.setInt(1, m.version());
            p.setString(2, m.description());
            p.setString(3, Instant.now().toString());
            p.executeUpdate();
        }
    }
}
