package org.milab.platform.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code sweep:} mapping of an experiment file into a {@link Sweep}, collecting located problems: keys
 * that are not {@code node.param}, empty lists, zip lists of different lengths, bad {@code random} ranges or
 * counts, a key swept twice. Values are read by the {@link GraphParser}'s own scalar rules.
 */
final class SweepParser {

    /** The most points one form may produce, so a typo cannot plan millions of runs. */
    static final int MAX_COUNT = 100_000;
    private static final String PARAM_KEY = "[^.]+\\.[^.]+";
    private static final String RANDOM_EXAMPLE = "random: {n: 20, est.k: [2, 8], data.noise: {log: [0.01, 1.0]}, "
            + "est.rule: {choice: [a, b]}}";

    private final GraphProblems problems;
    private final Function<Node, Object> values;

    private final Function<Mark, SourcePosition> positions;
    private final Set<String> swept = new HashSet<>();

    SweepParser(GraphProblems problems, Function<Node, Object> values, Function<Mark, SourcePosition> positions) {
        this.problems = problems;
        this.values = values;
        this.positions = positions;
    }

    Sweep parse(Node node) {
        List<SweepForm> forms = new ArrayList<>();
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node), "'sweep' must map 'node.parameter' to a list of values (or hold zip:, random:, "
                    + "seeds:)");
            return Sweep.none();
        }
        for (NodeTuple t : m.getValue()) {
            addForm(t, forms);
        }
        return new Sweep(forms);
    }

    /** The sweep form one entry declares: a zip, random draws, seeds, or one parameter's list of values. */
    private void addForm(NodeTuple t, List<SweepForm> forms) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
        Node value = t.getValueNode();
        if (key == null) {
            problems.add(at(t.getKeyNode()), "sweep keys must be plain names");
        } else if (key.equals("zip")) {
            zip(value).ifPresent(forms::add);
        } else if (key.equals("random")) {
            random(value).ifPresent(forms::add);
        } else if (key.equals("seeds")) {
            addSeeds(t, forms);
        } else {
            list(key, t.getKeyNode(), value).ifPresent(v -> forms.add(new SweepForm.Axis(key, v)));
        }
    }

    /** {@code seeds: N}: every point repeated with N seeds. */
    private void addSeeds(NodeTuple t, List<SweepForm> forms) {
        Node value = t.getValueNode();
        count(value, "seeds", "seeds: 10").ifPresent(n -> forms.add(new SweepForm.Repeats(n, at(value))));
        claim(SweepForm.Repeats.KEY, t.getKeyNode());
    }

    private java.util.Optional<Located<List<Object>>> list(String key, Node keyNode, Node value) {
        if (!key.matches(PARAM_KEY)) {
            problems.add(at(keyNode), "sweep key '" + key + "' must be 'node.parameter' (or zip, random, seeds)");
        } else if (!(value instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(at(keyNode), "sweep '" + key + "' needs a non-empty list of values, e.g. [0.5, 1.0, 2.0]");
        } else if (claim(key, keyNode)) {
            List<Object> list = new ArrayList<>();
            seq.getValue().forEach(v -> list.add(values.apply(v)));
            return java.util.Optional.of(new Located<>(list, at(keyNode)));
        }
        return java.util.Optional.empty();
    }

    private java.util.Optional<SweepForm> zip(Node node) {
        if (!(node instanceof MappingNode m) || m.getValue().isEmpty()) {
            problems.add(at(node), "'zip' must map 'node.parameter' to lists of one length, e.g. "
                    + "zip: {data.rho: [0.2, 0.8], est.k: [3, 5]}");
            return java.util.Optional.empty();
        }
        Map<String, Located<List<Object>>> lists = zipLists(m);
        return lists.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new SweepForm.Zip(lists));
    }

    /** The zipped lists by key; a list whose length differs from the first's is a problem. */
    private Map<String, Located<List<Object>>> zipLists(MappingNode m) {
        Map<String, Located<List<Object>>> lists = new LinkedHashMap<>();
        int size = -1;
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            var list = list(key, t.getKeyNode(), t.getValueNode());
            if (list.isPresent()) {
                size = checkZipLength(t.getKeyNode(), key, list.get().value().size(), size);
                lists.put(key, list.get());
            }
        }
        return lists;
    }

    /** The length every zip list must have: the first's ({@code size}, -1 before the first). */
    private int checkZipLength(Node keyNode, String key, int n, int size) {
        if (size >= 0 && n != size) {
            problems.add(at(keyNode), "zip list '" + key + "' has " + n + " values but the first has "
                    + size + "; zip lists run in parallel and need one length");
        }
        return size < 0 ? n : size;
    }

    private java.util.Optional<SweepForm> random(Node node) {
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node), "'random' must be a mapping with n and the ranges to draw from, e.g. "
                    + RANDOM_EXAMPLE);
            return java.util.Optional.empty();
        }
        Map<String, SweepRange> ranges = new LinkedHashMap<>();
        java.util.Optional<Integer> n = randomEntries(m, ranges);
        return randomDraws(node, n, ranges);
    }

    /** Reads the entries of {@code random:} ({@code n} and the ranges, added to {@code ranges}); returns n. */
    private java.util.Optional<Integer> randomEntries(MappingNode m, Map<String, SweepRange> ranges) {
        java.util.Optional<Integer> n = java.util.Optional.empty();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (key.equals("n")) {
                n = count(t.getValueNode(), "random n", "n: 20");
            } else if (!key.matches(PARAM_KEY)) {
                problems.add(at(t.getKeyNode()), "random key '" + key + "' must be n or 'node.parameter'");
            } else if (claim(key, t.getKeyNode())) {
                range(key, t.getValueNode()).ifPresent(r -> ranges.put(key, r));
            }
        }
        return n;
    }

    private java.util.Optional<SweepForm> randomDraws(Node node, java.util.Optional<Integer> n,
            Map<String, SweepRange> ranges) {
        if (n.isEmpty() && !problems.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (n.isEmpty() || ranges.isEmpty()) {
            problems.add(at(node), "'random' needs n and at least one range, e.g. " + RANDOM_EXAMPLE);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SweepForm.RandomDraws(n.get(), ranges, at(node)));
    }

    private java.util.Optional<SweepRange> range(String key, Node node) {
        if (node instanceof SequenceNode seq) {
            return bounds(key, seq, false).map(b -> new SweepRange.Uniform(b[0], b[1]));
        }
        if (node instanceof MappingNode m && m.getValue().size() == 1
                && m.getValue().get(0).getKeyNode() instanceof ScalarNode k) {
            return keyedRange(key, node, k.getValue(), m.getValue().get(0).getValueNode());
        }
        return badRange(key, node);
    }

    /** A range written {@code {log: [lo, hi]}} or {@code {choice: [a, b, ...]}}. */
    private java.util.Optional<SweepRange> keyedRange(String key, Node node, String form, Node v) {
        if (form.equals("log") && v instanceof SequenceNode seq) {
            return bounds(key, seq, true).map(b -> new SweepRange.LogUniform(b[0].doubleValue(),
                    b[1].doubleValue()));
        }
        if (form.equals("choice") && v instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            List<Object> choices = new ArrayList<>();
            seq.getValue().forEach(c -> choices.add(values.apply(c)));
            return java.util.Optional.of(new SweepRange.Choice(choices));
        }
        return badRange(key, node);
    }

    private java.util.Optional<SweepRange> badRange(String key, Node node) {
        problems.add(at(node), "random range of '" + key + "' must be [lo, hi], {log: [lo, hi]} or "
                + "{choice: [a, b, ...]}");
        return java.util.Optional.empty();
    }

    private java.util.Optional<Number[]> bounds(String key, SequenceNode seq, boolean log) {
        List<Object> ends = new ArrayList<>();
        seq.getValue().forEach(v -> ends.add(values.apply(v)));
        boolean numbers = ends.size() == 2 && ends.stream().allMatch(e -> e instanceof Number);
        if (!numbers || ((Number) ends.get(0)).doubleValue() >= ((Number) ends.get(1)).doubleValue()
                || (log && ((Number) ends.get(0)).doubleValue() <= 0)) {
            problems.add(at(seq), "random range of '" + key + "' must be two numbers lo < hi" + (log ? ", lo > 0" : "")
                    + ", got " + ends);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Number[] {(Number) ends.get(0), (Number) ends.get(1)});
    }

    private java.util.Optional<Integer> count(Node node, String what, String example) {
        Object v = node instanceof ScalarNode ? values.apply(node) : null;
        if (v instanceof Integer i && i >= 1 && i <= MAX_COUNT) {
            return java.util.Optional.of(i);
        }
        problems.add(at(node), "'" + what + "' must be a whole number from 1 to " + MAX_COUNT + ", e.g. " + example);
        return java.util.Optional.empty();
    }

    /** Records that {@code key} is swept; a second sweep of one key is a problem. */
    private boolean claim(String key, Node where) {
        if (!swept.add(key)) {
            problems.add(at(where), "'" + key + "' is swept twice; sweep each parameter in one place");
            return false;
        }
        return true;
    }

    private SourcePosition at(Node n) {
        return positions.apply(n.getStartMark());
    }
}
