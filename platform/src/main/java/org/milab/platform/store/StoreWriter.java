package org.milab.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
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
        try (PreparedStatement points = c.prepareStatement("INSERT INTO points VALUES (?,?,?,?)");
             PreparedStatement sweep = c.prepareStatement("INSERT INTO sweep_values VALUES (?,?,?,?)");
             PreparedStatement nodes = c.prepareStatement("INSERT INTO nodes VALUES (?,?,?,?,?,?,?,?)");
             PreparedStatement params = c.prepareStatement("INSERT INTO parameters VALUES (?,?,?,?,?)");
             PreparedStatement estimates = c.prepareStatement("INSERT INTO estimates VALUES (?,?,?,?,?,?,?)")) {
            for (RunDetails.Point p : d.points()) {
                row(points, id, p.index(), p.status(), p.error().orElse(null));
                for (var s : p.sweep().entrySet()) {
                    row(sweep, id, p.index(), s.getKey(), s.getValue());
                }
                int ord = 0;
                for (RunDetails.Node n : p.nodes()) {
                    row(nodes, id, p.index(), n.id(), ord++, n.extension(), n.seed(), n.seconds(), n.cached() ? 1 : 0);
                    for (var e : n.parameters().entrySet()) {
                        row(params, id, p.index(), n.id(), e.getKey(), e.getValue());
                    }
                    if (n.estimate().isPresent()) {
                        RunDetails.Estimate e = n.estimate().get();
                        row(estimates, id, p.index(), n.id(), e.nats(), e.stderr(), e.truth(), e.n());
                    }
                }
            }
            for (PreparedStatement p : new PreparedStatement[] {points, sweep, nodes, params, estimates}) {
                p.executeBatch();
            }
        }
        insertFiles(c, run);
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
            for (RunDetails.Artifact a : run.details().artifacts()) {
                row(artifacts, id, a.path(), a.bytes());
            }
            for (RunDetails.Plugin p : run.details().plugins()) {
                row(plugins, id, p.id(), p.version(), p.sha256());
            }
            metrics.executeBatch();
            artifacts.executeBatch();
            plugins.executeBatch();
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
