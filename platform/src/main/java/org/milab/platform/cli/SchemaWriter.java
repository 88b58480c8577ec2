package org.milab.platform.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milab.api.param.Parameter;
import org.milab.platform.graph.NodeKinds;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.ExtensionRegistry;

/**
 * A JSON Schema (draft 2020-12) for experiment files, derived from the installed extensions' parameter
 * declarations, so editors can complete and check {@code with:} blocks as the host would.
 */
final class SchemaWriter {

    private SchemaWriter() {
    }

    static Map<String, Object> experimentSchema(ExtensionRegistry registry) {
        List<Object> perExtension = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ExtensionHandle e : registry.playing(NodeKinds.runnableRoles())) {
            names.add(e.name());
            names.add(e.qualifiedName());
            perExtension.add(withCheck(e));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", "milab experiment");
        schema.putAll(object(topProperties(nodeSchema(names, perExtension))));
        schema.put("required", List.of("experiment", "nodes"));
        return schema;
    }

    /** If a node uses {@code e}, its {@code with:} block must match {@code e}'s parameters. */
    private static Map<String, Object> withCheck(ExtensionHandle e) {
        return Map.of(
                "if", Map.of("properties", Map.of("use", Map.of("enum", List.of(e.name(), e.qualifiedName())))),
                "then", Map.of("properties", Map.of("with", withSchema(e))));
    }

    /** An extension's own parameters, then those the host adds to nodes of its kind. */
    static List<Parameter<?>> allParameters(ExtensionHandle e) {
        List<Parameter<?>> params = new ArrayList<>(e.info().parameters());
        e.roles().stream().map(NodeKinds::forRole).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(k -> params.addAll(k.hostParameters()));
        return params;
    }

    /** The {@code with:} block of one extension: its own parameters plus those its node kind adds. */
    private static Map<String, Object> withSchema(ExtensionHandle e) {
        Map<String, Object> with = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Parameter<?> p : allParameters(e)) {
            with.put(p.name(), parameter(p));
            if (p.required()) {
                required.add(p.name());
            }
        }
        Map<String, Object> withSchema = object(with);
        if (!required.isEmpty()) {
            withSchema.put("required", required);
        }
        return withSchema;
    }

    /** One node: {@code use} among {@code names}, then the per-extension {@code with:} checks. */
    private static Map<String, Object> nodeSchema(List<String> names, List<Object> perExtension) {
        Map<String, Object> nodeProps = new LinkedHashMap<>();
        nodeProps.put("use", Map.of("enum", names.stream().distinct().sorted().toList()));
        nodeProps.put("with", Map.of("type", "object"));
        nodeProps.put("inputs", Map.of("type", "object", "additionalProperties",
                Map.of("type", "string", "pattern", "^[A-Za-z][A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+$")));
        Map<String, Object> node = object(nodeProps);
        node.put("required", List.of("use"));
        node.put("allOf", perExtension);
        return node;
    }

    /** The top-level keys of an experiment file. */
    private static Map<String, Object> topProperties(Map<String, Object> node) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("experiment", Map.of("type", "string"));
        top.put("description", Map.of("type", "string"));
        top.put("seed", Map.of("type", "integer"));
        top.put("nodes", Map.of("type", "object", "additionalProperties", node));
        top.put("outputs", Map.of("type", "array", "items", Map.of("type", "string")));
        top.put("sweep", sweepSchema());
        return top;
    }

    /** Axes ({@code node.param: [values]}) plus the forms {@code zip}, {@code random} and {@code seeds}. */
    private static Map<String, Object> sweepSchema() {
        Map<String, Object> lists = Map.of("type", "object", "additionalProperties", Map.of("type", "array"));
        Map<String, Object> range = Map.of("oneOf", List.of(Map.of("type", "array", "minItems", 2, "maxItems", 2),
                Map.of("type", "object", "properties", Map.of("log", Map.of("type", "array"), "choice",
                        Map.of("type", "array")), "minProperties", 1, "maxProperties", 1)));
        Map<String, Object> random = Map.of("type", "object", "properties", Map.of("n", Map.of("type", "integer",
                "minimum", 1)), "required", List.of("n"), "additionalProperties", range);
        return Map.of("type", "object", "properties", Map.of("zip", lists, "random", random,
                "seeds", Map.of("type", "integer", "minimum", 1)), "additionalProperties", Map.of("type", "array"));
    }

    private static Map<String, Object> object(Map<String, Object> properties) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "object");
        m.put("properties", properties);
        m.put("additionalProperties", false);
        return m;
    }

    private static Map<String, Object> parameter(Parameter<?> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", p.description() + (p.unit().isEmpty() ? "" : " [" + p.unit() + "]"));
        putType(m, p);
        putBounds(m, p);
        p.defaultValue().ifPresent(d -> m.put("default", d instanceof Number || d instanceof Boolean
                || (d instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Number) ? d : p.format(d)));
        return m;
    }

    private static void putType(Map<String, Object> m, Parameter<?> p) {
        switch (p.kind()) {
            case INTEGER -> m.put("type", "integer");
            case REAL -> m.put("type", List.of("number", "string"));
            case BOOLEAN -> m.put("type", "boolean");
            case STRING -> m.put("type", "string");
            case CHOICE -> m.put("enum", p.choices());
            case INTEGER_LIST, REAL_LIST -> m.put("type", "array");
            case COMPONENT -> m.put("type", "string");
            case COMPONENT_LIST -> m.put("type", List.of("string", "array"));
            default -> throw new IllegalStateException("unknown parameter kind " + p.kind());
        }
    }

    /** The minimum and maximum, on the parameter itself or, for a list, on its items. */
    private static void putBounds(Map<String, Object> m, Parameter<?> p) {
        boolean list = p.kind() == Parameter.Kind.INTEGER_LIST || p.kind() == Parameter.Kind.REAL_LIST;
        Map<String, Object> bounds = list ? new LinkedHashMap<>() : m;
        if (Double.isFinite(p.min())) {
            bounds.put("minimum", p.min());
        }
        if (Double.isFinite(p.max())) {
            bounds.put("maximum", p.max());
        }
        if (list) {
            bounds.put("type", p.kind() == Parameter.Kind.INTEGER_LIST ? "integer" : "number");
            m.put("items", bounds);
        }
    }
}
