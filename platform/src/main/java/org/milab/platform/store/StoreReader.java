package org.milab.platform.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads runs back from the store's tables. */
final class StoreReader {

    private static final String RUN_COLUMNS = "id, experiment, folder, status, seed, started, ended, milab, error,"
            + " points, failed_points";

    private StoreReader() {
    }

    static List<StoredRun> list(Connection c, RunFilter filter) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = select(filter, args);
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                p.setObject(i + 1, args.get(i));
            }
            return runs(p);
        }
    }

    private static List<StoredRun> runs(PreparedStatement p) throws SQLException {
        List<StoredRun> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(run(r));
            }
        }
        return out;
    }

    /** The query of the runs that pass {@code filter}, newest first; its arguments are added to {@code args}. */
    private static String select(RunFilter filter, List<Object> args) {
        StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM runs r WHERE 1 = 1");
        filter.experiment().ifPresent(e -> {
            sql.append(" AND experiment = ?");
            args.add(e);
        });
        for (Map.Entry<String, String> w : filter.where().entrySet()) {
            where(sql, args, w.getKey(), w.getValue());
        }
        return sql.append(" ORDER BY started DESC, id DESC").toString();
    }

    private static void where(StringBuilder sql, List<Object> args, String key, String value) {
        String swept = " EXISTS (SELECT 1 FROM sweep_values s WHERE s.run_id = r.id AND s.name = ? AND s.value = ?)";
        int dot = key.indexOf('.');
        if (key.equals("seed")) {
            sql.append(" AND (r.seed = ? OR").append(swept).append(")");
            args.addAll(List.of(value, key, value));
        } else if (dot > 0) {
            sql.append(" AND (EXISTS (SELECT 1 FROM parameters q WHERE q.run_id = r.id AND q.node = ? AND q.name = ?"
                    + " AND q.value = ?) OR").append(swept).append(")");
            args.addAll(List.of(key.substring(0, dot), key.substring(dot + 1), value, key, value));
        } else {
            sql.append(" AND EXISTS (SELECT 1 FROM parameters q WHERE q.run_id = r.id AND q.name = ? AND q.value = ?)");
            args.addAll(List.of(key, value));
        }
    }

    /** The id of the one run whose id is or starts with {@code idOrPrefix}. */
    static Optional<String> resolve(Connection c, String idOrPrefix, String store) throws SQLException {
        List<String> ids = matchingIds(c, idOrPrefix);
        if (ids.contains(idOrPrefix)) {
            return Optional.of(idOrPrefix);
        }
        if (ids.size() > 1) {
            throw new StoreException("'" + idOrPrefix + "' matches " + ids.size() + " runs in " + store + " ("
                    + String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + "); give more of the id");
        }
        return ids.stream().findFirst();
    }

    /** The ids that are or start with {@code idOrPrefix}, in order. */
    private static List<String> matchingIds(Connection c, String idOrPrefix) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM runs WHERE id = ? OR substr(id, 1, ?) = ?"
                + " ORDER BY id")) {
            p.setString(1, idOrPrefix);
            p.setInt(2, idOrPrefix.length());
            p.setString(3, idOrPrefix);
            List<String> ids = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }

    static Optional<RunDetails> details(Connection c, String id) throws SQLException {
        Optional<StoredRun> run = storedRun(c, id);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<RunDetails.Plugin> plugins = new ArrayList<>();
        query(c, "SELECT plugin, version, sha256 FROM plugins WHERE run_id = ? ORDER BY plugin", id,
                r -> plugins.add(new RunDetails.Plugin(r.getString(1), r.getString(2), r.getString(3))));
        List<RunDetails.Artifact> artifacts = new ArrayList<>();
        query(c, "SELECT path, bytes FROM artifacts WHERE run_id = ? ORDER BY path", id,
                r -> artifacts.add(new RunDetails.Artifact(r.getString(1), r.getLong(2))));
        return Optional.of(new RunDetails(run.get(), plugins, points(c, id), artifacts));
    }

    private static Optional<StoredRun> storedRun(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(run(r)) : Optional.empty();
            }
        }
    }

    private static List<RunDetails.Point> points(Connection c, String id) throws SQLException {
        Map<Integer, Map<String, String>> sweeps = new LinkedHashMap<>();
        query(c, "SELECT point, name, value FROM sweep_values WHERE run_id = ? ORDER BY point, rowid", id,
                r -> sweeps.computeIfAbsent(r.getInt(1), k -> new LinkedHashMap<>()).put(r.getString(2), r.getString(3)));
        Map<Integer, List<RunDetails.Node>> nodes = nodes(c, id, parameters(c, id));
        List<RunDetails.Point> points = new ArrayList<>();
        query(c, "SELECT point, status, error FROM points WHERE run_id = ? ORDER BY point", id,
                r -> points.add(new RunDetails.Point(r.getInt(1), r.getString(2), Optional.ofNullable(r.getString(3)),
                        sweeps.getOrDefault(r.getInt(1), Map.of()), nodes.getOrDefault(r.getInt(1), List.of()))));
        return points;
    }

    /** Each node's parameters, by {@code point/node}. */
    private static Map<String, Map<String, String>> parameters(Connection c, String id) throws SQLException {
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        query(c, "SELECT point, node, name, value FROM parameters WHERE run_id = ? ORDER BY rowid", id,
                r -> params.computeIfAbsent(r.getInt(1) + "/" + r.getString(2), k -> new LinkedHashMap<>())
                        .put(r.getString(3), r.getString(4)));
        return params;
    }

    /** Each point's nodes, in order, with their parameters and estimates. */
    private static Map<Integer, List<RunDetails.Node>> nodes(Connection c, String id,
            Map<String, Map<String, String>> params) throws SQLException {
        Map<Integer, List<RunDetails.Node>> nodes = new LinkedHashMap<>();
        query(c, "SELECT n.point, n.node, n.extension, n.seed, n.seconds, n.cached, e.mi_nats, e.stderr_nats,"
                + " e.truth_nats, e.n FROM nodes n LEFT JOIN estimates e ON e.run_id = n.run_id AND e.point = n.point"
                + " AND e.node = n.node WHERE n.run_id = ? ORDER BY n.point, n.ord", id,
                r -> nodes.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(node(r, params)));
        return nodes;
    }

    private static RunDetails.Node node(ResultSet r, Map<String, Map<String, String>> params) throws SQLException {
        Optional<RunDetails.Estimate> est = r.getObject(7) == null ? Optional.empty()
                : Optional.of(new RunDetails.Estimate(r.getDouble(7), optional(r, 8), optional(r, 9), r.getLong(10)));
        return new RunDetails.Node(r.getString(2), r.getString(3), r.getLong(4), r.getDouble(5), r.getInt(6) != 0,
                params.getOrDefault(r.getInt(1) + "/" + r.getString(2), Map.of()), est);
    }

    static List<RunDetails.Metric> metrics(Connection c, String id) throws SQLException {
        List<RunDetails.Metric> out = new ArrayList<>();
        query(c, "SELECT point, node, metric, step, value FROM metrics WHERE run_id = ? ORDER BY point, node, metric,"
                + " step", id, r -> out.add(new RunDetails.Metric(r.getInt(1), r.getString(2), r.getString(3),
                r.getLong(4), r.getDouble(5))));
        return out;
    }

    /** Reads one result row. */
    @FunctionalInterface
    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, String id, Row row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        }
    }

    private static OptionalDouble optional(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static StoredRun run(ResultSet r) throws SQLException {
        return new StoredRun(r.getString(1), r.getString(2), Path.of(r.getString(3)), r.getString(4), r.getLong(5),
                r.getString(6), r.getString(7), r.getString(8), Optional.ofNullable(r.getString(9)), r.getInt(10),
                r.getInt(11));
    }
}
