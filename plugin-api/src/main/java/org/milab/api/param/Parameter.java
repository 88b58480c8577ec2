package org.milab.api.param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The declaration of one typed parameter: name, kind, default, numeric range, unit and a one-line description.
 * Extensions declare their parameters as constants and read validated values through
 * {@link ParameterValues#get(Parameter)}:
 *
 * <pre>{@code
 * static final Parameter<Integer> K = Parameter.integer("k").defaultValue(3).min(1)
 *         .description("number of nearest neighbours").build();
 * }</pre>
 *
 * <p>Instances are immutable. {@link #parse(Object)} accepts the forms YAML and the command line produce and
 * enforces the constraints, so an extension never sees an out-of-range or ill-typed value.
 *
 * @param <T> the value type
 */
public final class Parameter<T> {

    /** The kinds of value a parameter can hold. */
    public enum Kind {
        /** A whole number ({@code Integer}). */
        INTEGER("integer"),
        /** A real number ({@code Double}); {@code inf} and {@code -inf} are accepted where the range allows. */
        REAL("real"),
        /** {@code true} or {@code false}. */
        BOOLEAN("boolean"),
        /** Free text ({@code String}). */
        STRING("string"),
        /** One constant of an enum, written in lower case with dashes. */
        CHOICE("choice"),
        /** A list of whole numbers ({@code List<Integer>}), e.g. layer sizes {@code [256, 256]}. */
        INTEGER_LIST("list of integers"),
        /** A list of real numbers ({@code List<Double>}), e.g. noise levels {@code [0, 0.5, 1]}. */
        REAL_LIST("list of reals"),
        /** Another extension of a given role with its parameters ({@link ComponentSpec}), e.g. {@code mlp(hidden=[32])}. */
        COMPONENT("component"),
        /** A list of components ({@code List<ComponentSpec>}), e.g. {@code dv, smile(tau=5)}. */
        COMPONENT_LIST("list of components");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Human name of the kind. */
        public String label() {
            return label;
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String name;
    private final Kind kind;
    private final Class<?> enumType;
    private final Class<?> role;
    private final T defaultValue;
    private final double min;
    private final double max;
    private final String unit;
    private final String description;
    private final java.util.Set<String> keywords;
    private final boolean existingPath;

    private Parameter(Builder<T> b) {
        this.name = b.name;
        this.kind = b.kind;
        this.enumType = b.enumType;
        this.role = b.role;
        this.defaultValue = b.defaultValue;
        this.min = b.min;
        this.max = b.max;
        this.unit = b.unit;
        this.description = b.description;
        this.keywords = java.util.Set.copyOf(b.keywords);
        this.existingPath = b.existingPath;
    }

    /** Declares a whole-number parameter. */
    public static Builder<Integer> integer(String name) {
        return new Builder<>(name, Kind.INTEGER, null);
    }

    /** Declares a real-number parameter. */
    public static Builder<Double> real(String name) {
        return new Builder<>(name, Kind.REAL, null);
    }

    /** Declares a boolean parameter. */
    public static Builder<Boolean> bool(String name) {
        return new Builder<>(name, Kind.BOOLEAN, null);
    }

    /** Declares a text parameter. */
    public static Builder<String> string(String name) {
        return new Builder<>(name, Kind.STRING, null);
    }

    /** Declares a choice among the constants of {@code type}, written in YAML as lower case with dashes. */
    public static <E extends Enum<E>> Builder<E> choice(String name, Class<E> type) {
        return new Builder<>(name, Kind.CHOICE, type);
    }

    /** Declares a list of whole numbers; the range applies to every element. */
    public static Builder<List<Integer>> integers(String name) {
        return new Builder<>(name, Kind.INTEGER_LIST, null);
    }

    /** Declares a list of real numbers; the range applies to every element. */
    public static Builder<List<Double>> reals(String name) {
        return new Builder<>(name, Kind.REAL_LIST, null);
    }

    /**
     * Declares another extension of {@code role} with its own parameters, e.g. {@code mlp(hidden=[32])}. The host
     * resolves the name and checks its parameters with the rest of the graph, before anything runs; the extension
     * then obtains it with {@link org.milab.api.RunContext#component(Class, ComponentSpec)}.
     */
    public static Builder<ComponentSpec> component(String name, Class<?> role) {
        Builder<ComponentSpec> b = new Builder<>(name, Kind.COMPONENT, null);
        b.role = checkRole(name, role);
        return b;
    }

    /** Declares a list of components of {@code role}, written as a YAML list or one comma-separated text. */
    public static Builder<List<ComponentSpec>> components(String name, Class<?> role) {
        Builder<List<ComponentSpec>> b = new Builder<>(name, Kind.COMPONENT_LIST, null);
        b.role = checkRole(name, role);
        return b;
    }

    private static Class<?> checkRole(String name, Class<?> role) {
        if (!Objects.requireNonNull(role, "role").isInterface()) {
            throw new IllegalArgumentException("parameter '" + name + "': the role of a component must be an "
                    + "extension-point interface such as MiBound, got class " + role.getName());
        }
        return role;
    }

    /**
     * For {@link Kind#COMPONENT} and {@link Kind#COMPONENT_LIST}: the role the named extensions must play (an
     * extension-point interface such as {@code MiBound}). Typed {@code Class<?>} since API 1.1.0 so that this
     * package does not depend on {@code org.milab.api}; the host checks the role when it resolves the name.
     */
    public Optional<Class<?>> componentRole() {
        return Optional.ofNullable(role);
    }

    /**
     * For components: the words accepted in place of a component, which the extension interprets itself (e.g.
     * {@code auto}); the host checks every other value as a component. Empty for other kinds.
     *
     * @since 1.1.0
     */
    public java.util.Set<String> keywords() {
        return keywords;
    }

    /**
     * For text: whether the value names a file or folder that must exist (an empty value means "none" and is not
     * checked), so that the host reports a missing file before anything runs.
     *
     * @since 1.1.0
     */
    public boolean existingPath() {
        return existingPath;
    }

    /** Stable parameter name, lower case with dashes. */
    public String name() {
        return name;
    }

    /** The kind of value. */
    public Kind kind() {
        return kind;
    }

    /** The default, or empty when the parameter is required. */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether a value must be given (no default). */
    public boolean required() {
        return defaultValue == null;
    }

    /** Lower bound for numbers (inclusive); {@code -Infinity} when none. */
    public double min() {
        return min;
    }

    /** Upper bound for numbers (inclusive); {@code +Infinity} when none. */
    public double max() {
        return max;
    }

    /** Unit of the value (e.g. {@code nats}, {@code steps}); empty when dimensionless. */
    public String unit() {
        return unit;
    }

    /** One-line description. */
    public String description() {
        return description;
    }

    /** For {@link Kind#CHOICE}: the accepted spellings, in declaration order; otherwise empty. */
    public List<String> choices() {
        if (enumType == null) {
            return List.of();
        }
        return Arrays.stream(enumType.getEnumConstants()).map(c -> spell((Enum<?>) c)).collect(Collectors.toList());
    }

    /** The type as shown to users: {@code integer}, {@code real}, {@code one of a, b}, ... */
    public String typeDescription() {
        if (kind == Kind.CHOICE) {
            return "one of " + String.join(", ", choices());
        }
        return role == null ? kind.label() : kind.label() + " (" + role.getSimpleName() + ")";
    }

    /** The numeric range as text, e.g. {@code [1, inf)}; empty when unconstrained or not numeric. */
    public String rangeDescription() {
        boolean numeric = kind == Kind.INTEGER || kind == Kind.REAL || kind == Kind.INTEGER_LIST
                || kind == Kind.REAL_LIST;
        if (!numeric || (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY)) {
            return "";
        }
        return (min == Double.NEGATIVE_INFINITY ? "(-inf" : "[" + number(min)) + ", "
                + (max == Double.POSITIVE_INFINITY ? "inf)" : number(max) + "]");
    }

    /**
     * Converts a raw value (as produced by YAML or the command line: numbers, booleans, strings, lists) to this
     * parameter's type and checks its constraints.
     *
     * @throws IllegalArgumentException with a message saying what was expected and what was given
     */
    @SuppressWarnings("unchecked")
    public T parse(Object raw) {
        Objects.requireNonNull(raw, "raw");
        Object value = switch (kind) {
            case INTEGER -> checkRange(toInteger(raw));
            case REAL -> checkRange(toReal(raw));
            case BOOLEAN -> toBoolean(raw);
            case STRING -> toText(raw);
            case CHOICE -> toChoice(raw);
            case INTEGER_LIST -> toList(raw, this::toInteger);
            case REAL_LIST -> toList(raw, this::toReal);
            case COMPONENT -> toComponent(raw);
            case COMPONENT_LIST -> toComponents(raw);
        };
        return (T) value;
    }

    /** Canonical text of a value of this parameter, as accepted back by {@link #parse(Object)}. */
    public String format(Object value) {
        if (value instanceof Enum<?> e) {
            return spell(e);
        }
        if (value instanceof Double d) {
            return d.isInfinite() ? (d > 0 ? "inf" : "-inf") : number(d);
        }
        if (value instanceof List<?> list) {
            if (kind == Kind.COMPONENT_LIST) {
                return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
            return list.stream().map(v -> v instanceof Double d ? format(d) : String.valueOf(v))
                    .collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return name + " (" + typeDescription() + ")";
    }

    private static String spell(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private String expected() {
        String range = rangeDescription();
        return "expected " + (kind == Kind.INTEGER ? "an integer" : kind == Kind.REAL ? "a real number"
                : typeDescription()) + (range.isEmpty() ? "" : " in " + range);
    }

    private IllegalArgumentException mismatch(Object raw) {
        String shown = raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
        return new IllegalArgumentException(expected() + ", got " + shown);
    }

    private Integer toInteger(Object raw) {
        if (raw instanceof Integer i) {
            return i;
        }
        if (raw instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (raw instanceof String s) {
            try {
                return Integer.valueOf(s.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw mismatch(raw);
            }
        }
        throw mismatch(raw);
    }

    private Double toReal(Object raw) {
        if (raw instanceof Number n && !(raw instanceof Double d && d.isNaN())) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            OptionalDouble d = realText(s.trim().toLowerCase(Locale.ROOT));
            if (d.isPresent()) {
                return d.getAsDouble();
            }
        }
        throw mismatch(raw);
    }

    /** The real number lower-case {@code t} spells, infinities in YAML's and Java's spellings; empty for none or NaN. */
    private static OptionalDouble realText(String t) {
        return switch (t) {
            case "inf", "+inf", ".inf", "infinity" -> OptionalDouble.of(Double.POSITIVE_INFINITY);
            case "-inf", "-.inf", "-infinity" -> OptionalDouble.of(Double.NEGATIVE_INFINITY);
            default -> {
                try {
                    double d = Double.parseDouble(t);
                    yield Double.isNaN(d) ? OptionalDouble.empty() : OptionalDouble.of(d);
                } catch (NumberFormatException e) {
                    yield OptionalDouble.empty();
                }
            }
        };
    }

    private <N extends Number> N checkRange(N n) {
        double d = n.doubleValue();
        if (d < min || d > max) {
            throw mismatch(n);
        }
        return n;
    }

    private Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        throw mismatch(raw);
    }

    private String toText(Object raw) {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            return String.valueOf(raw);
        }
        throw mismatch(raw);
    }

    private Object toChoice(Object raw) {
        if (enumType.isInstance(raw)) {
            return raw;
        }
        if (raw instanceof String || raw instanceof Boolean || raw instanceof Number) {
            String wanted = String.valueOf(raw).trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Object c : enumType.getEnumConstants()) {
                if (spell((Enum<?>) c).equals(wanted)) {
                    return c;
                }
            }
        }
        throw mismatch(raw);
    }

    private <N extends Number> List<N> toList(Object raw, java.util.function.Function<Object, N> element) {
        List<?> items = listItems(raw);
        List<N> out = new ArrayList<>(items.size());
        for (Object item : items) {
            try {
                out.add(checkRange(element.apply(item instanceof String s ? s.trim() : item)));
            } catch (IllegalArgumentException e) {
                throw mismatch(raw);
            }
        }
        return List.copyOf(out);
    }

    /** The items of a list value: a list, a comma-separated string (brackets optional) or a single number. */
    private List<?> listItems(Object raw) {
        if (raw instanceof List<?> l) {
            return l;
        }
        if (raw instanceof String s) {
            String body = s.trim();
            if (body.startsWith("[") && body.endsWith("]")) {
                body = body.substring(1, body.length() - 1);
            }
            return body.isBlank() ? List.of() : Arrays.asList(body.split(","));
        }
        if (raw instanceof Number) {
            return List.of(raw);
        }
        throw mismatch(raw);
    }

    private ComponentSpec toComponent(Object raw) {
        if (raw instanceof ComponentSpec c) {
            return c;
        }
        if (raw instanceof String s) {
            return ComponentSpec.parse(s);
        }
        throw mismatch(raw);
    }

    private List<ComponentSpec> toComponents(Object raw) {
        if (raw instanceof String s) {
            return List.copyOf(ComponentSpec.parseList(s));
        }
        if (raw instanceof List<?> l) {
            List<ComponentSpec> out = new ArrayList<>();
            for (Object o : l) {
                out.add(toComponent(o));
            }
            return List.copyOf(out);
        }
        throw mismatch(raw);
    }

    /**
     * Builds a {@link Parameter}; {@link #description(String)} is required, everything else optional.
     *
     * @param <T> the value type
     */
    public static final class Builder<T> {
        private final String name;
        private final Kind kind;
        private final Class<?> enumType;
        private Class<?> role;
        private T defaultValue;
        private double min = Double.NEGATIVE_INFINITY;
        private double max = Double.POSITIVE_INFINITY;
        private String unit = "";
        private String description;
        private final java.util.Set<String> keywords = new java.util.LinkedHashSet<>();
        private boolean existingPath;

        private Builder(String name, Kind kind, Class<?> enumType) {
            this.name = Objects.requireNonNull(name, "name");
            this.kind = kind;
            this.enumType = enumType;
        }

        /** The default value; without one the parameter is required. */
        public Builder<T> defaultValue(T value) {
            this.defaultValue = Objects.requireNonNull(value, "default value of " + name);
            return this;
        }

        /** Inclusive lower bound (numbers, and each element of a list). */
        public Builder<T> min(double value) {
            this.min = value;
            return this;
        }

        /** Inclusive upper bound (numbers, and each element of a list). */
        public Builder<T> max(double value) {
            this.max = value;
            return this;
        }

        /** Inclusive range. */
        public Builder<T> range(double low, double high) {
            return min(low).max(high);
        }

        /** Unit of the value. */
        public Builder<T> unit(String value) {
            this.unit = Objects.requireNonNull(value, "unit");
            return this;
        }

        /** One-line description (required). */
        public Builder<T> description(String value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        /**
         * For components: a word accepted in place of a component, which the extension interprets itself (e.g.
         * {@code auto} for "choose from the data").
         *
         * @since 1.1.0
         */
        public Builder<T> keyword(String word) {
            if (role == null) {
                throw new IllegalStateException("parameter '" + name + "': keywords are for component parameters");
            }
            keywords.add(Objects.requireNonNull(word, "word"));
            return this;
        }

        /**
         * For text: the value names a file or folder that must exist (empty: none), checked by the host before
         * anything runs.
         *
         * @since 1.1.0
         */
        public Builder<T> existingPath() {
            if (kind != Kind.STRING) {
                throw new IllegalStateException("parameter '" + name + "': existingPath is for text parameters");
            }
            this.existingPath = true;
            return this;
        }

        /** Validates the declaration, including that the default satisfies the constraints. */
        public Parameter<T> build() {
            requireWellFormed();
            Parameter<T> p = new Parameter<>(this);
            if (defaultValue != null) {
                try {
                    p.parse(defaultValue);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("default of parameter '" + name + "': " + e.getMessage(), e);
                }
            }
            return p;
        }

        /** Checks the name's spelling, that there is a description and that min <= max. */
        private void requireWellFormed() {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("parameter name '" + name
                        + "' must be lower case letters and digits separated by single dashes");
            }
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException("parameter '" + name + "' needs a description");
            }
            if (min > max) {
                throw new IllegalArgumentException("parameter '" + name + "' has min > max");
            }
        }
    }
}
