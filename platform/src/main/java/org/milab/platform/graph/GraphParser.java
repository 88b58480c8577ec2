package org.milab.platform.graph;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.milab.api.ConfigurationException;
import org.milab.platform.plugins.ExtensionRegistry;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads an experiment file into an {@link ExperimentGraph}, keeping the line and column of everything.
 *
 * <p>Safe by construction: the file is only composed into YAML nodes (no object is ever constructed from a tag),
 * scalars are resolved by SnakeYAML's {@link SafeConstructor}, and any tag other than YAML's standard scalar,
 * sequence and mapping tags is an error. Every problem is collected and reported at once.
 */
public final class GraphParser {

    private static final Set<String> TOP_KEYS = Set.of("experiment", "description", "seed", "nodes", "outputs", "sweep");
    private static final Set<String> NODE_KEYS = Set.of("use", "with", "inputs");
    private static final Set<Tag> ALLOWED_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);

    /** Scalar resolution only: exposes SafeConstructor's construction of plain scalars. */
    private static final class Scalars extends SafeConstructor {
        Scalars() {
            super(new LoaderOptions());
        }

        Object value(ScalarNode node) {
            return constructObject(node);
        }
    }

    private final Scalars scalars = new Scalars();
    private GraphProblems problems;
    private String file;

    /**
     * Reads and checks the structure of an experiment file.
     *
     * @throws ConfigurationException listing every problem with file:line:column
     */
    public ExperimentGraph parse(Path path) {
        if (Files.isDirectory(path)) {
            throw new ConfigurationException(path.toString(), "is a folder, not an experiment file (a .yaml file) "
                    + "or a run folder (one holding graph.yaml and provenance.json)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(path.toString(), "no such file");
        } catch (IOException e) {
            throw new ConfigurationException(path.toString(), "cannot be read: " + e.getMessage());
        }
        return parse(Utf8Text.decode(bytes, path.toString()), path.toString());
    }

    /** Reads an experiment from text; {@code fileName} is used in messages. */
    public ExperimentGraph parse(String text, String fileName) {
        this.problems = new GraphProblems();
        this.file = fileName;
        MappingNode top = top(text, fileName);
        Map<String, Node> keys = mapping(top, TOP_KEYS, "top-level key");
        String name = text(keys.get("experiment"), "experiment", top);
        Located<Long> seed = keys.containsKey("seed") ? seed(keys.get("seed"))
                : new Located<>(0L, SourcePosition.of(fileName + " (default seed)"));
        Map<String, NodeSpec> nodes = nodes(keys.get("nodes"), top);
        List<PortRef> outputs = keys.containsKey("outputs") ? outputs(keys.get("outputs")) : List.of();
        Sweep sweep = keys.containsKey("sweep") ? new SweepParser(problems, this::value, this::at).parse(keys.get("sweep"))
                : Sweep.none();
        problems.throwIfAny();
        return new ExperimentGraph(name, seed, nodes, outputs, sweep, text, fileName);
    }

    private MappingNode top(String text, String fileName) {
        if (!(compose(text, fileName) instanceof MappingNode top)) {
            throw new ConfigurationException(fileName, "an experiment file is a YAML mapping with keys "
                    + "experiment, seed, nodes (and optionally outputs, sweep, description)");
        }
        return top;
    }

    /** The YAML tree of {@code text}, duplicate keys refused; syntax errors name the line and column. */
    private Node compose(String text, String fileName) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            throw new ConfigurationException(at(m).toString(), "YAML syntax: " + what
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : "")
                    + "; check the indentation and that every 'key: value' is on its own line");
        } catch (YAMLException e) {
            throw new ConfigurationException(fileName, "YAML syntax: " + e.getMessage());
        }
    }

    /** The {@code nodes:} mapping, by id in file order. */
    private Map<String, NodeSpec> nodes(Node nodesNode, MappingNode top) {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        if (nodesNode == null) {
            problems.add(at(top.getStartMark()), "missing 'nodes:', the mapping of node ids to nodes");
        } else if (nodesNode instanceof MappingNode m) {
            addNodes(m, nodes);
        } else {
            problems.add(at(nodesNode.getStartMark()), "'nodes' must be a mapping of node ids to nodes");
        }
        return nodes;
    }

    private void addNodes(MappingNode m, Map<String, NodeSpec> nodes) {
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : m.getValue()) {
            String id = key(t);
            if (id != null && unique(seen, id, t, "node id '%s'")) {
                node(id, t).ifPresent(n -> nodes.put(id, n));
            }
        }
    }

    /** Parses one {@code --set} value with YAML's scalar and flow-sequence rules. */
    public static Object parseValue(String text, String where) {
        GraphParser p = new GraphParser();
        p.problems = new GraphProblems();
        p.file = where;
        Node n;
        try {
            n = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new ConfigurationException(where, "cannot read value '" + text + "'");
        }
        Object v = n == null ? "" : p.value(n);
        p.problems.throwIfAny();
        return v;
    }

    private Optional<NodeSpec> node(String id, NodeTuple t) {
        SourcePosition at = at(t.getKeyNode().getStartMark());
        checkId(id, at);
        if (!(t.getValueNode() instanceof MappingNode body)) {
            return noNode(at, "node '" + id + "' must be a mapping with 'use:' (and optionally 'with:', 'inputs:')");
        }
        Map<String, Node> keys = mapping(body, NODE_KEYS, "key of node '" + id + "'");
        Node useNode = keys.get("use");
        if (useNode == null) {
            return noNode(at, "node '" + id + "' needs 'use: <extension>'");
        }
        Located<String> use = new Located<>(text(useNode, "use", body), at(useNode.getStartMark()));
        return Optional.of(new NodeSpec(id, use, params(id, keys), inputs(id, keys), at));
    }

    private void checkId(String id, SourcePosition at) {
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            problems.add(at, "node id '" + id + "' must start with a letter and hold only letters, digits, '-' and '_'");
        }
    }

    private Optional<NodeSpec> noNode(SourcePosition at, String problem) {
        problems.add(at, problem);
        return Optional.empty();
    }

    /** The {@code with:} block of node {@code id}. */
    private Map<String, Located<Object>> params(String id, Map<String, Node> keys) {
        Map<String, Located<Object>> params = new LinkedHashMap<>();
        if (keys.get("with") instanceof MappingNode with) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple p : with.getValue()) {
                String name = key(p);
                if (name != null && unique(seen, name, p, "key '%s' under 'with:' of node '" + id + "'")) {
                    params.put(name, new Located<>(value(p.getValueNode()), at(p.getValueNode().getStartMark())));
                }
            }
        } else if (keys.containsKey("with")) {
            problems.add(at(keys.get("with").getStartMark()), "'with' must be a mapping of parameter names to values");
        }
        return params;
    }

    /** The {@code inputs:} block of node {@code id}. */
    private Map<String, PortRef> inputs(String id, Map<String, Node> keys) {
        Map<String, PortRef> inputs = new LinkedHashMap<>();
        if (keys.get("inputs") instanceof MappingNode in) {
            addInputs(id, in, inputs);
        } else if (keys.containsKey("inputs")) {
            problems.add(at(keys.get("inputs").getStartMark()), "'inputs' must be a mapping of input ports to "
                    + "'node.port' references, e.g. {x: data.x}");
        }
        return inputs;
    }

    private void addInputs(String id, MappingNode in, Map<String, PortRef> inputs) {
        Set<String> seen = new HashSet<>();
        for (NodeTuple p : in.getValue()) {
            String port = key(p);
            PortRef ref = portRef(p.getValueNode());
            if (port != null && ref != null && unique(seen, port, p, "input '%s' of node '" + id + "'")) {
                inputs.put(port, ref);
            }
        }
    }

    private List<PortRef> outputs(Node node) {
        List<PortRef> refs = new ArrayList<>();
        if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                PortRef r = portRef(item);
                if (r != null) {
                    refs.add(r);
                }
            }
        } else {
            problems.add(at(node.getStartMark()), "'outputs' must be a list of 'node.port' references");
        }
        return refs;
    }

    private PortRef portRef(Node node) {
        SourcePosition at = at(node.getStartMark());
        if (node instanceof ScalarNode s && s.getValue().matches("[A-Za-z][A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+")) {
            String v = s.getValue();
            int dot = v.indexOf('.');
            return new PortRef(v.substring(0, dot), v.substring(dot + 1), at);
        }
        problems.add(at, "expected a reference 'node.port' (e.g. data.x), got "
                + (node instanceof ScalarNode s ? "'" + s.getValue() + "'" : "a " + kind(node)));
        return null;
    }

    private Map<String, Node> mapping(MappingNode m, Set<String> allowed, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : m.getValue()) {
            String k = key(t);
            if (k != null && unique(seen, k, t, what + " '%s'") && allowed(k, t, allowed, what)) {
                out.put(k, t.getValueNode());
            }
        }
        return out;
    }

    /** Whether {@code k} is one of the {@code allowed} keys; an unknown key is a problem. */
    private boolean allowed(String k, NodeTuple t, Set<String> allowed, String what) {
        if (!allowed.contains(k)) {
            problems.add(at(t.getKeyNode().getStartMark()), unknownKey(k, allowed, what));
            return false;
        }
        return true;
    }

    private static String unknownKey(String k, Set<String> allowed, String what) {
        List<String> near = ExtensionRegistry.suggest(k, allowed);
        return "unknown " + what + " '" + k + "'"
                + (near.isEmpty() ? "; expected one of " + String.join(", ", allowed.stream().sorted().toList())
                : "; did you mean '" + near.get(0) + "'?");
    }

    /**
     * Records {@code key} in {@code seen}; a key seen before is a located problem (YAML's composer keeps both and
     * a later one would silently win). {@code what} names the key, with {@code %s} where the key goes.
     */
    private boolean unique(Set<String> seen, String key, NodeTuple t, String what) {
        if (seen.add(key)) {
            return true;
        }
        problems.add(at(t.getKeyNode().getStartMark()), "duplicate " + what.replace("%s", key)
                + ": each may appear once (a second one would silently replace the first)");
        return false;
    }

    private String key(NodeTuple t) {
        if (t.getKeyNode() instanceof ScalarNode s) {
            checkTag(s);
            return s.getValue();
        }
        problems.add(at(t.getKeyNode().getStartMark()), "keys must be plain names");
        return null;
    }

    private String text(Node node, String key, Node parent) {
        if (node == null) {
            problems.add(at(parent.getStartMark()), "missing '" + key + ":'");
            return "";
        }
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.STR) && !s.getValue().isBlank()) {
            return s.getValue();
        }
        problems.add(at(node.getStartMark()), "'" + key + "' must be a name");
        return "";
    }

    private Located<Long> seed(Node node) {
        SourcePosition at = at(node.getStartMark());
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            Object v = scalars.value(s);
            if (v instanceof Number n && !(v instanceof java.math.BigInteger)) {
                return new Located<>(n.longValue(), at);
            }
        }
        problems.add(at, "'seed' must be a whole number, e.g. seed: 42");
        return new Located<>(0L, at);
    }

    /** A YAML value as plain Java: String, Integer/Long, Double, Boolean, or List of those. */
    private Object value(Node node) {
        checkTag(node);
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            seq.getValue().forEach(v -> list.add(value(v)));
            return list;
        }
        problems.add(at(node.getStartMark()), "expected a value or a list of values, got a mapping");
        return "";
    }

    private Object scalar(ScalarNode s) {
        if (s.getTag().equals(Tag.NULL)) {
            problems.add(at(s.getStartMark()), "empty value; write a value or remove the key");
            return "";
        }
        try {
            return scalars.value(s);
        } catch (YAMLException e) {
            problems.add(at(s.getStartMark()), "cannot read value '" + s.getValue() + "'");
            return s.getValue();
        }
    }

    private void checkTag(Node node) {
        if (!ALLOWED_TAGS.contains(node.getTag())) {
            problems.add(at(node.getStartMark()), "YAML tag '" + node.getTag().getValue()
                    + "' is not allowed: experiment files hold plain values only");
        }
    }

    private static String kind(Node node) {
        return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "value";
    }

    private SourcePosition at(Mark m) {
        return m == null ? SourcePosition.of(file) : new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1);
    }
}
