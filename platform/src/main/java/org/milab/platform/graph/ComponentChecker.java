package org.milab.platform.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.milab.api.ConfigurationException;
import org.milab.api.Problem;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterProblem;
import org.milab.api.param.ParameterValues;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.ExtensionRegistry;
import org.milab.platform.plugins.Role;

/**
 * Checks the components named in {@link Parameter.Kind#COMPONENT} parameters before anything runs: the name must
 * resolve to an extension of the declared role, and its parameters must bind to that extension's declarations,
 * recursively (a component's own component parameters are checked too).
 */
final class ComponentChecker {

    private static final int MAX_DEPTH = 8;

    private final ExtensionRegistry registry;

    ComponentChecker(ExtensionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Every problem of the components named in {@code values}, each on the top-level parameter that names the
     * component; its message starts with the path that leads to it (e.g.
     * {@code critic = baseline-critic(critic=mlp(...)) -> mlp: ...}).
     */
    List<ParameterProblem> check(List<Parameter<?>> declared, ParameterValues values) {
        List<ParameterProblem> problems = new ArrayList<>();
        for (Parameter<?> p : declared) {
            List<String> found = new ArrayList<>();
            checkParameter(p, values, "", found, 0);
            found.forEach(m -> problems.add(new ParameterProblem(p.name(), m)));
        }
        return problems;
    }

    private void check(List<Parameter<?>> declared, ParameterValues values, String path, List<String> problems,
                       int depth) {
        for (Parameter<?> p : declared) {
            checkParameter(p, values, path, problems, depth);
        }
    }

    private void checkParameter(Parameter<?> p, ParameterValues values, String path, List<String> problems,
                                int depth) {
        Optional<Class<?>> role = p.componentRole();
        if (role.isEmpty() || tooDeep(path, problems, depth)) {
            return;
        }
        Object v = values.asMap().get(p.name());
        for (Object o : v instanceof List<?> l ? l : List.of(v)) {
            ComponentSpec spec = (ComponentSpec) o;
            if (spec.parameters().isEmpty() && p.keywords().contains(spec.name())) {
                continue;
            }
            checkOne(spec, role.get(), (depth == 0 ? "" : path + p.name() + " = ") + o + ": ", problems, depth);
        }
    }

    /** Whether components are nested deeper than {@link #MAX_DEPTH} here (then that is a problem). */
    private static boolean tooDeep(String path, List<String> problems, int depth) {
        if (depth > MAX_DEPTH) {
            problems.add(path + "components are nested more than " + MAX_DEPTH + " deep");
            return true;
        }
        return false;
    }

    private void checkOne(ComponentSpec spec, Class<?> type, String path, List<String> problems,
                          int depth) {
        Optional<ExtensionHandle> found = resolve(spec, type, path, problems);
        if (found.isPresent()) {
            checkParameters(found.get(), spec, path, problems, depth);
        }
    }

    /** The extension of role {@code type} that {@code spec} names; its problems added when there is none. */
    private Optional<ExtensionHandle> resolve(ComponentSpec spec, Class<?> type, String path, List<String> problems) {
        List<Role> roles = Arrays.stream(Role.values()).filter(r -> r.type() == type).toList();
        try {
            return Optional.of(registry.resolve(spec.name(), roles, ""));
        } catch (ConfigurationException e) {
            e.problems().forEach(q -> problems.add(path + q.message()));
            return Optional.empty();
        }
    }

    /** The component's parameters bind to its extension's declarations, and its own components check out. */
    private void checkParameters(ExtensionHandle h, ComponentSpec spec, String path, List<String> problems,
                                 int depth) {
        try {
            ParameterValues bound = h.info().bind(spec.parameters());
            check(h.info().parameters(), bound, path, problems, depth + 1);
        } catch (ConfigurationException e) {
            for (Problem q : e.problems()) {
                problems.add(path + q.where() + ": " + q.message());
            }
        }
    }
}
