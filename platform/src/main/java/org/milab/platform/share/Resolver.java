package org.milab.platform.share;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.DefaultVersionManager;

/**
 * Chooses what to install for a request: the newest version of the plugin whose {@code Plugin-Requires} accepts
 * this host's plugin API and whose own plugin dependencies resolve, each to an installed plugin that satisfies it
 * or, recursively, to the newest suitable version in the repository. Backtracks to older versions when a newer one
 * cannot be satisfied; a dependency cycle is an error. Version rules are PF4J's, exactly as the host applies them.
 */
public final class Resolver {

    /** A plugin version to install. */
    public record Choice(String id, RepositoryIndex.PublishedVersion version) {
        /** {@code id version}. */
        public String label() {
            return id + " " + version.version();
        }
    }

    private static final DefaultVersionManager VERSIONS = new DefaultVersionManager();

    private final RepositoryIndex index;
    private final String hostApi;
    private final Map<String, String> installed;
    private Map<String, Choice> planned = new LinkedHashMap<>();

    /**
     * @param index     the repository's index
     * @param hostApi   this host's plugin API version
     * @param installed versions of the plugins installed now, by id (without those the request replaces)
     */
    public Resolver(RepositoryIndex index, String hostApi, Map<String, String> installed) {
        this.index = index;
        this.hostApi = hostApi;
        this.installed = Map.copyOf(installed);
    }

    /** What to install for {@code id} (at {@code version} when given), dependencies first. */
    public List<Choice> resolve(String id, Optional<String> version) {
        planned = new LinkedHashMap<>();
        try {
            resolve(id, "*", version, new ArrayDeque<>());
        } catch (Unresolvable e) {
            throw new ShareException(e.getMessage());
        }
        return new ArrayList<>(planned.values());
    }

    /** Whether a plugin requiring {@code requires} loads in this host. */
    public static boolean accepts(String hostApi, String requires) {
        return requires == null || requires.isBlank() || VERSIONS.checkVersionConstraint(hostApi, requires);
    }

    private void resolve(String id, String constraint, Optional<String> exact, Deque<String> stack) {
        requireNoCycle(id, stack);
        if (alreadyChosen(id, constraint)) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        for (RepositoryIndex.PublishedVersion v : versionsNewestFirst(id)) {
            if (wanted(v, constraint, exact) && installable(v, reasons) && tryVersion(id, v, stack, reasons)) {
                return;
            }
        }
        String wanted = exact.map(e -> "version " + e).orElse(constraint.equals("*") ? "any version" : constraint);
        throw new Unresolvable("plugin " + id + ": no " + wanted + " can be installed"
                + (reasons.isEmpty() ? " (the repository lists no such version)" : ": " + String.join("; ", reasons)));
    }

    private List<RepositoryIndex.PublishedVersion> versionsNewestFirst(String id) {
        RepositoryIndex.IndexedPlugin plugin = index.plugin(id).orElseThrow(() ->
                new Unresolvable("plugin " + id + ": the repository has no such plugin"));
        return plugin.versions().stream().sorted(RepositoryIndex.newestFirst()).toList();
    }

    private static void requireNoCycle(String id, Deque<String> stack) {
        if (stack.contains(id)) {
            List<String> cycle = new ArrayList<>(stack);
            java.util.Collections.reverse(cycle);
            cycle.add(id);
            throw new ShareException("plugin " + cycle.get(0) + ": dependency cycle " + String.join(" -> ",
                    cycle.subList(cycle.indexOf(id), cycle.size())) + "; PF4J cannot load plugins that depend on "
                    + "each other");
        }
    }

    /** Whether {@code id} is planned already, in a version that meets {@code constraint} (else unresolvable). */
    private boolean alreadyChosen(String id, String constraint) {
        Choice done = planned.get(id);
        if (done != null && !VERSIONS.checkVersionConstraint(done.version().version(), constraint)) {
            throw new Unresolvable("plugin " + id + ": " + done.version().version() + " is chosen already, but "
                    + "another plugin needs " + constraint);
        }
        return done != null;
    }

    private static boolean wanted(RepositoryIndex.PublishedVersion v, String constraint, Optional<String> exact) {
        return (exact.isEmpty() || exact.get().equals(v.version()))
                && VERSIONS.checkVersionConstraint(v.version(), constraint);
    }

    /** Whether this host loads {@code v}; if not, why not is added to {@code reasons}. */
    private boolean installable(RepositoryIndex.PublishedVersion v, List<String> reasons) {
        if (!accepts(hostApi, v.requires())) {
            reasons.add(v.version() + " requires plugin API " + v.requires() + " (Plugin-Requires), this milab "
                    + "provides " + hostApi);
            return false;
        }
        return true;
    }

    private boolean tryVersion(String id, RepositoryIndex.PublishedVersion v, Deque<String> stack,
                               List<String> reasons) {
        Map<String, Choice> before = new LinkedHashMap<>(planned);
        stack.push(id);
        try {
            v.dependencies().forEach(d -> dependency(d, stack));
            planned.put(id, new Choice(id, v));
            return true;
        } catch (Unresolvable e) {
            planned = before;
            return rejected(v, e, reasons);
        } finally {
            stack.pop();
        }
    }

    /** Records why {@code v} cannot be installed; false. */
    private static boolean rejected(RepositoryIndex.PublishedVersion v, Unresolvable why, List<String> reasons) {
        reasons.add(v.version() + " needs " + why.getMessage());
        return false;
    }

    private void dependency(PluginMetadata.Dependency d, Deque<String> stack) {
        String have = installed.get(d.id());
        if (have != null && VERSIONS.checkVersionConstraint(have, d.versions())) {
            return;
        }
        try {
            resolve(d.id(), d.versions(), Optional.empty(), stack);
        } catch (Unresolvable e) {
            if (!d.optional()) {
                throw e;
            }
        }
    }

    /** This choice fails; try another. */
    private static final class Unresolvable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolvable(String message) {
            super(message, null, false, false);
        }
    }
}
