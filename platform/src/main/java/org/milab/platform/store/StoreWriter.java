package org.milab.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/** Writes one indexed run into the store's tables (inside the caller's transaction), replacing its old rows. */
final class StoreWriter {

    private StoreWriter() {
    }

    /** Deletes every row of run {@code id}. */
    static void delete(Connection c, String id) throws SQLException {
        for (String table : Schema.RUN_TABLES) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE "
                    + (table.equals("runs") ? "id" : "run_id") + " = ?")) {
                p.setString(1, id);
                p.executeUpdate();
            }
        }
    }

    /** Replaces the rows of {@code run}. */
    static void replace(Connection c, RunFolderReader.IndexedRun run) throws SQLException {
        RunDetails d = run.details();
        String id = d.run().id();
        delete(c, id);
        insertRun(c, d.run());
        insertPoints(c, id, d.points());
        insertFiles(c, run);
    }

    /** The batched inserts of a run's points, their sweep values, nodes, parameters and estimates. */
    private record PointInserts(PreparedStatement points, PreparedStatement sweep, PreparedStatement nodes,
            PreparedStatement params, PreparedStatement estimates) {
        void executeBatches() throws SQLException {
            for (PreparedStatement p : new PreparedStatement[] {points, sweep, nodes, params, estimates}) {
                p.executeBatch();
            }
        }
    }

    private static void insertPoints(Connection c, String id, List<RunDetails.Point> points) throws SQLException {
        try (PreparedStatement pts = c.prepareStatement("INSERT INTO points VALUES (?,?,?,?)");
             PreparedStatement sweep = c.prepareStatement("INSERT INTO sweep_values VALUES (?,?,?,?)");
             PreparedStatement nodes = c.prepareStatement("INSERT INTO nodes VALUES (?,?,?,?,?,?,?,?)");
             PreparedStatement params = c.prepareStatement("INSERT INTO parameters VALUES (?,?,?,?,?)");
             PreparedStatement estimates = c.prepareStatement("INSERT INTO estimates VALUES (?,?,?,?,?,?,?)")) {
            PointInserts inserts = new PointInserts(pts, sweep, nodes, params, estimates);
            for (RunDetails.Point p : points) {
                insertPoint(inserts, id, p);
            }
            inserts.executeBatches();
        }
    }

    private static void insertPoint(PointInserts inserts, String id, RunDetails.Point p) throws SQLException {
        row(inserts.points(), id, p.index(), p.status(), p.error().orElse(null));
        for (var s : p.sweep().entrySet()) {
            row(inserts.sweep(), id, p.index(), s.getKey(), s.getValue());
        }
        int ord = 0;
        for (RunDetails.Node n : p.nodes()) {
            insertNode(inserts, id, p.index(), ord++, n);
        }
    }

    private static void insertNode(PointInserts inserts, String id, int point, int ord, RunDetails.Node n)
            throws SQLException {
        row(inserts.nodes(), id, point, n.id(), ord, n.extension(), n.seed(), n.seconds(), n.cached() ? 1 : 0);
        for (var e : n.parameters().entrySet()) {
            row(inserts.params(), id, point, n.id(), e.getKey(), e.getValue());
        }
        if (n.estimate().isPresent()) {
            RunDetails.Estimate e = n.estimate().get();
            row(inserts.estimates(), id, point, n.id(), e.nats(), e.stderr(), e.truth(), e.n());
        }
    }

    private static void insertRun(Connection c, StoredRun r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO runs VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            bind(p, r.id(), r.experiment(), r.folder().toString(), r.status(), r.seed(), r.started(), r.ended(),
                    r.milab(), r.error().orElse(null), r.points(), r.failedPoints(), Instant.now().toString());
            p.executeUpdate();
        }
    }

    private static void insertFiles(Connection c, RunFolderReader.IndexedRun run) throws SQLException {
        String id = run.details().run().id();
        try (PreparedStatement metrics = c.prepareStatement("INSERT INTO metrics VALUES (?,?,?,?,?,?)");
             PreparedStatement artifacts = c.prepareStatement("INSERT INTO artifacts VALUES (?,?,?)");
             PreparedStatement plugins = c.prepareStatement("INSERT OR REPLACE INTO plugins VALUES (?,?,?,?)")) {
            for (RunDetails.Metric m : run.metrics()) {
                row(metrics, id, m.point(), m.node(), m.metric(), m.step(), m.value());
            }
            addArtifactsAndPlugins(artifacts, plugins, id, run.details());
            metrics.executeBatch();
            artifacts.executeBatch();
            plugins.executeBatch();
        }
    }

    private static void addArtifactsAndPlugins(PreparedStatement artifacts, PreparedStatement plugins, String id,
            RunDetails d) throws SQLException {
        for (RunDetails.Artifact a : d.artifacts()) {
            row(artifacts, id, a.path(), a.bytes());
        }
        for (RunDetails.Plugin p : d.plugins()) {
            row(plugins, id, p.id(), p.version(), p.sha256());
        }
    }

    private static void row(PreparedStatement p, Object... values) throws SQLException {
        bind(p, values);
        p.addBatch();
    }

    private static void bind(PreparedStatement p, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof OptionalDouble o) {
                v = o.isPresent() ? o.getAsDouble() : null;
            }
            if (v == null) {
                p.setNull(i + 1, Types.NULL);
            } else {
                p.setObject(i + 1, v);
            }
        }
    }
}
