package org.milab.platform.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One factor of a {@link Sweep}: it contributes a list of rows (each a map of swept keys to values), and the sweep's
 * points are the cartesian product of its forms' rows, in file order. Every form that draws numbers gets its own
 * stream split from the experiment seed, so points never depend on execution order.
 */
public sealed interface SweepForm {

    /** The keys this form sets ({@code node.param}, or {@code seed}). */
    List<String> keys();

    /** This form's rows; {@code random} is this form's own stream, derived from the experiment seed. */
    List<Map<String, Located<Object>>> rows(SplittableRandom random);

    /** The form as written in a resolved {@code graph.yaml}. */
    Object asYaml();

    /** Where the form is written. */
    SourcePosition at();

    /**
     * {@code node.param: [a, b, c]}: one axis of the cartesian product.
     *
     * @param key    {@code node.param}
     * @param values the values, with where they were written
     */
    record Axis(String key, Located<List<Object>> values) implements SweepForm {
        @Override
        public List<String> keys() {
            return List.of(key);
        }

        @Override
        public List<Map<String, Located<Object>>> rows(SplittableRandom random) {
            List<Map<String, Located<Object>>> rows = new ArrayList<>();
            values.value().forEach(v -> rows.add(Map.of(key, new Located<>(v, values.at()))));
            return rows;
        }

        @Override
        public Object asYaml() {
            return values.value();
        }

        @Override
        public SourcePosition at() {
            return values.at();
        }
    }

    /**
     * {@code zip: {a.p: [1, 2], b.q: [x, y]}}: parallel lists of one length, row i taking the i-th of each.
     *
     * @param lists the lists by key, in file order
     */
    record Zip(Map<String, Located<List<Object>>> lists) implements SweepForm {
        /** Copies. */
        public Zip {
            lists = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lists));
        }

        @Override
        public List<String> keys() {
            return List.copyOf(lists.keySet());
        }

        @Override
        public List<Map<String, Located<Object>>> rows(SplittableRandom random) {
            int n = lists.values().iterator().next().value().size();
            List<Map<String, Located<Object>>> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Map<String, Located<Object>> row = new LinkedHashMap<>();
                for (var e : lists.entrySet()) {
                    row.put(e.getKey(), new Located<>(e.getValue().value().get(i), e.getValue().at()));
                }
                rows.add(row);
            }
            return rows;
        }

        @Override
        public Object asYaml() {
            Map<String, Object> m = new LinkedHashMap<>();
            lists.forEach((k, v) -> m.put(k, v.value()));
            return Map.of("zip", m);
        }

        @Override
        public SourcePosition at() {
            return lists.values().iterator().next().at();
        }
    }

    /**
     * {@code random: {n: 20, a.p: [lo, hi], b.q: {log: [lo, hi]}, c.r: {choice: [x, y]}}}: {@code n} points drawn
     * independently, each key from its range.
     *
     * @param n      number of draws
     * @param ranges the range of each key, in file order
     * @param at     where the form is written
     */
    record RandomDraws(int n, Map<String, SweepRange> ranges, SourcePosition at) implements SweepForm {
        /** Copies. */
        public RandomDraws {
            ranges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
        }

        @Override
        public List<String> keys() {
            return List.copyOf(ranges.keySet());
        }

        @Override
        public List<Map<String, Located<Object>>> rows(SplittableRandom random) {
            List<Map<String, Located<Object>>> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Map<String, Located<Object>> row = new LinkedHashMap<>();
                ranges.forEach((k, r) -> row.put(k, new Located<>(r.draw(random), at)));
                rows.add(row);
            }
            return rows;
        }

        @Override
        public Object asYaml() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", n);
            ranges.forEach((k, r) -> m.put(k, r.asYaml()));
            return Map.of("random", m);
        }
    }

    /**
     * {@code seeds: 10}: the graph repeated {@code n} times, each repeat with its own experiment seed drawn from
     * the experiment seed (so every node seed differs between repeats).
     *
     * @param n  number of repeats
     * @param at where the form is written
     */
    record Repeats(int n, SourcePosition at) implements SweepForm {
        /** The key under which a repeat's seed is recorded in the point. */
        public static final String KEY = "seed";

        @Override
        public List<String> keys() {
            return List.of(KEY);
        }

        @Override
        public List<Map<String, Located<Object>>> rows(SplittableRandom random) {
            List<Map<String, Located<Object>>> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(Map.of(KEY, new Located<>(random.nextLong() & Long.MAX_VALUE, at)));
            }
            return rows;
        }

        @Override
        public Object asYaml() {
            return Map.of("seeds", n);
        }
    }
}
