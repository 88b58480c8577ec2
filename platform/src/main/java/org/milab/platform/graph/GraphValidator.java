package org.milab.platform.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.milab.api.ConfigurationException;
import org.milab.api.Port;
import org.milab.api.Problem;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterException;
import org.milab.api.param.ParameterProblem;
import org.milab.api.param.ParameterValues;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.ExtensionRegistry;

/**
 * Checks a whole experiment graph before anything runs and turns it into {@link Plan}s, one per sweep point:
 * unknown extensions and parameters (with "did you mean"), ill-typed or out-of-range values, unknown or ill-typed
 * wiring, missing inputs, and cycles. Every problem is collected, located, and reported at once.
 */
public final class GraphValidator {

    private final ExtensionRegistry registry;

    /** Validates against the extensions of {@code registry}. */
    public GraphValidator(ExtensionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Validates every sweep point of {@code graph}.
     *
     * @throws ConfigurationException with every distinct problem, each with file:line:column
     */
    public List<Plan> validate(ExperimentGraph graph) {
        Set<Problem> problems = new LinkedHashSet<>();
        List<Plan> plans = new ArrayList<>();
        checkSweep(graph);
        for (Map<String, Located<Object>> point : graph.sweep().points(graph.seed().value())) {
            planPoint(graph, point, problems).ifPresent(plans::add);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(new ArrayList<>(problems));
        }
        return plans;
    }

    private static void checkSweep(ExperimentGraph graph) {
        GraphProblems sweepProblems = new GraphProblems();
        graph.sweep().checkNodes(graph, sweepProblems);
        sweepProblems.throwIfAny();
    }

    /** The plan of sweep point {@code point}, or its problems added to {@code problems}. */
    private Optional<Plan> planPoint(ExperimentGraph graph, Map<String, Located<Object>> point,
            Set<Problem> problems) {
        ExperimentGraph g = Sweep.apply(graph, point);
        Map<String, Object> values = new LinkedHashMap<>();
        point.forEach((k, v) -> values.put(k, v.value()));
        try {
            return Optional.of(new Plan(g, values, plan(g)));
        } catch (ConfigurationException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }

    private List<PlannedNode> plan(ExperimentGraph graph) {
        GraphProblems problems = new GraphProblems();
        Map<String, PlannedNode> resolved = new LinkedHashMap<>();
        for (NodeSpec node : graph.nodes().values()) {
            resolve(node, problems).ifPresent(p -> resolved.put(node.id(), p));
        }
        checkWiring(graph, resolved, problems);
        List<PlannedNode> ordered = order(resolved, problems);
        problems.throwIfAny();
        return ordered;
    }

    /** Each node's inputs and the graph's outputs name ports that exist, of fitting types. */
    private void checkWiring(ExperimentGraph graph, Map<String, PlannedNode> resolved, GraphProblems problems) {
        for (PlannedNode node : resolved.values()) {
            checkInputs(node, graph, resolved, problems);
        }
        for (PortRef out : graph.outputs()) {
            outputType(out, graph, resolved, problems);
        }
    }

    private Optional<PlannedNode> resolve(NodeSpec node, GraphProblems problems) {
        String ref = node.use().value();
        Optional<ExtensionHandle> found = registry.find(ref, NodeKinds.runnableRoles());
        if (found.isEmpty()) {
            problems.add(node.use().at(), unresolved(ref));
            return Optional.empty();
        }
        ExtensionHandle e = found.get();
        Optional<PlannedNode> planned = bindParameters(node, e, NodeKinds.choose(e, node.inputs().keySet())
                .orElseThrow(), problems);
        planned.ifPresent(p -> checkComponents(p, problems));
        planned.ifPresent(p -> new MemoryCheck(Runtime.getRuntime().maxMemory()).check(p, problems));
        return planned;
    }

    private void checkComponents(PlannedNode p, GraphProblems problems) {
        for (ParameterProblem problem : new ComponentChecker(registry).check(p.extension().info().parameters(),
                p.parameters())) {
            problems.add(at(p.spec(), problem.parameter()), "node '" + p.id() + "', " + problem.where() + ": "
                    + problem.message());
        }
    }

    /**
     * Binds a node's parameters, checks the components they name, and returns the planned node.
     *
     * @throws ConfigurationException with every located problem
     */
    public static PlannedNode bindAndCheck(NodeSpec node, ExtensionHandle e, NodeKind kind,
                                           ExtensionRegistry registry) {
        GraphProblems problems = new GraphProblems();
        Optional<PlannedNode> planned = bindParameters(node, e, kind, problems);
        planned.ifPresent(p -> new GraphValidator(registry).checkComponents(p, problems));
        problems.throwIfAny();
        return planned.orElseThrow();
    }

    private static Optional<PlannedNode> bindParameters(NodeSpec node, ExtensionHandle e, NodeKind kind,
                                                        GraphProblems problems) {
        List<Parameter<?>> own = e.info().parameters();
        List<Parameter<?>> host = kind.hostParameters();
        RawParameters raw = split(node, e, host, problems);
        ParameterValues ownValues = bind(node, own, raw.own(), problems);
        ParameterValues hostValues = bind(node, host, raw.host(), problems);
        if (ownValues == null || hostValues == null) {
            return Optional.empty();
        }
        checkPaths(node, own, ownValues, problems);
        return Optional.of(new PlannedNode(node, e, kind, ownValues, hostValues));
    }

    /** A node's parameter values as written, split into the extension's own and the host's. */
    private record RawParameters(Map<String, Object> own, Map<String, Object> host) {
    }

    /** Splits the node's parameters into the extension's and the host's; an undeclared one is a problem. */
    private static RawParameters split(NodeSpec node, ExtensionHandle e, List<Parameter<?>> host,
                                       GraphProblems problems) {
        Set<String> declared = declaredNames(e.info().parameters(), host);
        RawParameters raw = new RawParameters(new LinkedHashMap<>(), new LinkedHashMap<>());
        node.parameters().forEach((name, value) -> {
            if (!declared.contains(name)) {
                problems.add(value.at(), noSuchParameter(node, e, name, declared));
            } else if (host.stream().anyMatch(p -> p.name().equals(name))) {
                raw.host().put(name, value.value());
            } else {
                raw.own().put(name, value.value());
            }
        });
        return raw;
    }

    private static String noSuchParameter(NodeSpec node, ExtensionHandle e, String name, Set<String> declared) {
        return "node '" + node.id() + "': '" + e.name() + "' has no parameter '" + name + "'"
                + suggestion(name, declared) + (declared.isEmpty() ? " (it takes none)"
                : "; see 'milab plugins describe " + e.name() + "'");
    }

    private static Set<String> declaredNames(List<Parameter<?>> own, List<Parameter<?>> host) {
        Set<String> declared = new LinkedHashSet<>();
        own.forEach(p -> declared.add(p.name()));
        host.forEach(p -> declared.add(p.name()));
        return declared;
    }

    private static ParameterValues bind(NodeSpec node, List<Parameter<?>> declared, Map<String, Object> raw,
                                        GraphProblems problems) {
        try {
            return ParameterValues.bind(declared, raw);
        } catch (ParameterException e) {
            for (ParameterProblem p : e.problems()) {
                problems.add(at(node, p.parameter()), "node '" + node.id() + "', " + p.where() + ": " + p.message());
            }
            return null;
        }
    }

    /** Parameters declared {@link Parameter#existingPath()} must name an existing file or folder (empty: none). */
    private static void checkPaths(NodeSpec node, List<Parameter<?>> declared, ParameterValues values,
                                   GraphProblems problems) {
        for (Parameter<?> p : declared) {
            if (p.existingPath() && values.get(p) instanceof String text && !text.isBlank()
                    && !java.nio.file.Files.exists(java.nio.file.Path.of(text))) {
                Located<Object> at = node.parameters().get(p.name());
                problems.add(at != null ? at.at() : node.at(), "node '" + node.id() + "', parameter '" + p.name()
                        + "': no file or folder '" + text + "' (relative paths are read from the current folder, "
                        + java.nio.file.Path.of("").toAbsolutePath() + ")");
            }
        }
    }

    /** Where in the file a problem about parameter {@code name} of {@code node} is: the value, else the node. */
    static SourcePosition at(NodeSpec node, String name) {
        Located<Object> value = node.parameters().get(name);
        return value != null ? value.at() : node.at();
    }

    private String unresolved(String ref) {
        List<ExtensionHandle> elsewhere = registry.playing(List.of()).stream()
                .filter(h -> h.name().equals(ref) || h.qualifiedName().equals(ref)).toList();
        if (!elsewhere.isEmpty()) {
            ExtensionHandle h = elsewhere.get(0);
            return "'" + ref + "' is " + article(h.roles().get(0).label()) + ", which a node cannot run directly; "
                    + "nodes run datasets, estimators, training strategies and analyses (an extension that uses '"
                    + ref + "' takes it as a parameter)";
        }
        return registry.unknownMessage(ref, NodeKinds.runnableRoles());
    }

    private void checkInputs(PlannedNode node, ExperimentGraph graph, Map<String, PlannedNode> resolved,
                             GraphProblems problems) {
        List<Port> ports = node.kind().inputs(node.extension());
        node.inputs().forEach((port, ref) -> {
            Optional<Port> p = ports.stream().filter(q -> q.name().equals(port)).findFirst();
            if (p.isEmpty()) {
                problems.add(ref.at(), noSuchInput(node, port, ports));
                return;
            }
            outputType(ref, graph, resolved, problems).ifPresent(type -> checkType(node, p.get(), ref, type, problems));
        });
        checkRequired(node, ports, problems);
    }

    private static String noSuchInput(PlannedNode node, String port, List<Port> ports) {
        Set<String> names = ports.stream().map(Port::name).collect(Collectors.toCollection(LinkedHashSet::new));
        return "node '" + node.id() + "' (" + node.extension().name() + ") has no input '" + port
                + "'" + suggestion(port, names) + (names.isEmpty() ? "; it takes no inputs"
                : "; its inputs are " + String.join(", ", names));
    }

    /** The input {@code port} accepts what {@code ref} produces, of type {@code type}. */
    private static void checkType(PlannedNode node, Port port, PortRef ref, Class<?> type, GraphProblems problems) {
        if (!port.type().isAssignableFrom(type)) {
            problems.add(ref.at(), "input '" + port.name() + "' of node '" + node.id() + "' expects "
                    + port.type().getSimpleName() + ", but '" + ref + "' is " + type.getSimpleName());
        }
    }

    /** Every input that is not optional is wired. */
    private static void checkRequired(PlannedNode node, List<Port> ports, GraphProblems problems) {
        for (Port p : ports) {
            if (!p.optional() && !node.inputs().containsKey(p.name())) {
                problems.add(node.spec().at(), "node '" + node.id() + "' (" + node.extension().name()
                        + ") needs input '" + p.name() + "' (" + p.description() + "); wire it under 'inputs:', e.g. "
                        + p.name() + ": <node>.<port>");
            }
        }
    }

    private Optional<Class<?>> outputType(PortRef ref, ExperimentGraph graph, Map<String, PlannedNode> resolved,
                                          GraphProblems problems) {
        if (!graph.nodes().containsKey(ref.node())) {
            problems.add(ref.at(), "'" + ref + "' names node '" + ref.node() + "', which does not exist"
                    + suggestion(ref.node(), graph.nodes().keySet()));
            return Optional.empty();
        }
        PlannedNode source = resolved.get(ref.node());
        return source == null ? Optional.empty() : portType(ref, source, problems);
    }

    /** The type of {@code source}'s output that {@code ref} names, when it has one. */
    private static Optional<Class<?>> portType(PortRef ref, PlannedNode source, GraphProblems problems) {
        Map<String, Class<?>> outputs = source.kind().outputs(source.extension(), source.parameters());
        Class<?> type = outputs.get(ref.port());
        if (type != null) {
            return Optional.of(type);
        }
        if (source.kind().openOutputs() && outputs.size() <= 1) {
            return source.kind().openOutputType();
        }
        problems.add(ref.at(), "node '" + ref.node() + "' has no output '" + ref.port() + "'"
                + suggestion(ref.port(), outputs.keySet()) + "; its outputs are " + String.join(", ", outputs.keySet()));
        return Optional.empty();
    }

    private static List<PlannedNode> order(Map<String, PlannedNode> nodes, GraphProblems problems) {
        List<PlannedNode> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (progress && ordered.size() < nodes.size()) {
            progress = addReady(nodes, ordered, done);
        }
        if (ordered.size() < nodes.size()) {
            List<String> cycle = findCycle(nodes, done);
            PlannedNode first = nodes.get(cycle.get(0));
            problems.add(first.spec().at(), "the graph has a cycle: " + String.join(" -> ", cycle)
                    + "; a node cannot depend, directly or through others, on its own output");
        }
        return ordered;
    }

    /** Adds to {@code ordered} each node whose inputs are all done; whether there was any. */
    private static boolean addReady(Map<String, PlannedNode> nodes, List<PlannedNode> ordered, Set<String> done) {
        boolean progress = false;
        for (PlannedNode n : nodes.values()) {
            if (!done.contains(n.id()) && n.inputs().values().stream()
                    .allMatch(r -> done.contains(r.node()) || !nodes.containsKey(r.node()))) {
                ordered.add(n);
                done.add(n.id());
                progress = true;
            }
        }
        return progress;
    }

    private static List<String> findCycle(Map<String, PlannedNode> nodes, Set<String> done) {
        Map<String, String> next = firstPendingInput(nodes, done);
        String start = next.keySet().iterator().next();
        List<String> path = new ArrayList<>();
        String at = start;
        while (!path.contains(at)) {
            path.add(at);
            at = next.get(at);
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
        cycle.add(at);
        return cycle;
    }

    /** For each node not done, the first of its inputs from a node that is not done either. */
    private static Map<String, String> firstPendingInput(Map<String, PlannedNode> nodes, Set<String> done) {
        Map<String, String> next = new HashMap<>();
        for (PlannedNode n : nodes.values()) {
            if (!done.contains(n.id())) {
                n.inputs().values().stream().map(PortRef::node).filter(s -> !done.contains(s) && nodes.containsKey(s))
                        .findFirst()
                        .ifPresent(s -> next.put(n.id(), s));
            }
        }
        return next;
    }

    private static String suggestion(String word, java.util.Collection<String> candidates) {
        List<String> near = ExtensionRegistry.suggest(word, candidates);
        return near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?";
    }

    private static String article(String noun) {
        return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
