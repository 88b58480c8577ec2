package org.milab.platform.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.milab.api.ConfigurationException;
import org.milab.api.Problem;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
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

    /** Problems, each prefixed with the path of parameters that leads to it (e.g. {@code model -> mlp}). */
    List<String> check(List<Parameter<?>> declared, ParameterValues values) {
        List<String> problems = new ArrayList<>();
        check(declared, values, "", problems, 0);
        return problems;
    }

    private void check(List<Parameter<?>> declared, ParameterValues values, String path, List<String> problems,
                       int depth) {
        if (depth > MAX_DEPTH) {
            problems.add(path + "components are nested more than " + MAX_DEPTH + " deep");
            return;
        }
        for (Parameter<?> p : declared) {
            Optional<Class<?>> role = p.componentRole();
            if (role.isEmpty()) {
                continue;
            }
            Object v = values.asMap().get(p.name());
            List<?> specs = v instanceof List<?> l ? l : List.of(v);
            for (Object o : specs) {
                checkOne((ComponentSpec) o, role.get(), path + p.name() + " = " + o + ": ", problems, depth);
            }
        }
    }

    private void checkOne(ComponentSpec spec, Class<?> type, String path, List<String> problems,
                          int depth) {
        List<Role> roles = Arrays.stream(Role.values()).filter(r -> r.type() == type).toList();
        ExtensionHandle h;
        try {
            h = registry.resolve(spec.name(), roles, "");
        } catch (ConfigurationException e) {
            e.problems().forEach(q -> problems.add(path + q.message()));
            return;
        }
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
