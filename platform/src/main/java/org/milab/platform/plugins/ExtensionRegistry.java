package org.milab.platform.plugins;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.milab.api.ConfigurationException;

/**
 * The loaded extensions, addressed as {@code plugin-id/name} or by a bare {@code name} when that is unique among
 * the roles asked for. Unknown names get "did you mean" suggestions.
 */
public final class ExtensionRegistry {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private final List<ExtensionHandle> extensions;

    /** Over a fixed list of extensions. */
    public ExtensionRegistry(List<ExtensionHandle> extensions) {
        this.extensions = extensions.stream()
                .sorted(Comparator.comparing(ExtensionHandle::name).thenComparing(ExtensionHandle::pluginId)).toList();
    }

    /** Every extension, sorted by name. */
    public List<ExtensionHandle> all() {
        return extensions;
    }

    /** The extensions that play one of {@code roles} (all when empty). */
    public List<ExtensionHandle> playing(Collection<Role> roles) {
        return extensions.stream().filter(e -> roles.isEmpty() || roles.stream().anyMatch(e::plays)).toList();
    }

    /** The extension {@code ref} names among those playing {@code roles}, when exactly one matches. */
    public Optional<ExtensionHandle> find(String ref, Collection<Role> roles) {
        List<ExtensionHandle> matches = matches(ref, roles);
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * Resolves {@code ref} among the extensions playing {@code roles} (any role when empty).
     *
     * @param where where the reference was written, for the error (e.g. {@code file.yaml:3:10})
     * @throws ConfigurationException when unknown (with suggestions) or ambiguous (with the qualified names)
     */
    public ExtensionHandle resolve(String ref, Collection<Role> roles, String where) {
        List<ExtensionHandle> matches = matches(ref, roles);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw new ConfigurationException(where, "'" + ref + "' is provided by several plugins; write one of "
                    + matches.stream().map(ExtensionHandle::qualifiedName).collect(Collectors.joining(", ")));
        }
        throw new ConfigurationException(where, unknownMessage(ref, roles));
    }

    /** The sentence for an unknown reference: what was asked for, suggestions, where to look. */
    public String unknownMessage(String ref, Collection<Role> roles) {
        String kind = roles.isEmpty() ? "extension"
                : roles.stream().map(Role::label).collect(Collectors.joining(" or "));
        List<String> near = suggestions(ref, roles);
        String hint = near.isEmpty() ? "; 'milab plugins list' shows what is installed"
                : "; did you mean " + near.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" or ")) + "?";
        return "unknown " + kind + " '" + ref + "'" + hint;
    }

    /** Names close to {@code ref} (edit distance) among the extensions playing {@code roles}. */
    public List<String> suggestions(String ref, Collection<Role> roles) {
        String bare = ref.contains("/") ? ref.substring(ref.indexOf('/') + 1) : ref;
        return suggest(bare, playing(roles).stream().map(ExtensionHandle::name).distinct().toList());
    }

    /** Candidates within edit distance max(2, |word|/3) of {@code word}, closest first, at most three. */
    public static List<String> suggest(String word, Collection<String> candidates) {
        int limit = Math.max(2, word.length() / 3);
        return candidates.stream()
                .filter(c -> DISTANCE.apply(word, c) <= limit || (word.length() >= 3 && c.startsWith(word)))
                .sorted(Comparator.comparingInt((String c) -> DISTANCE.apply(word, c)).thenComparing(c -> c))
                .limit(3).toList();
    }

    private List<ExtensionHandle> matches(String ref, Collection<Role> roles) {
        int slash = ref.indexOf('/');
        return playing(roles).stream()
                .filter(e -> slash < 0 ? e.name().equals(ref) : e.qualifiedName().equals(ref))
                .toList();
    }
}
