package org.milab.platform.share;

import java.nio.file.Path;
import java.util.List;

/** Says what a plugin archive contains, for the repository index: its extensions and their citations. */
@FunctionalInterface
public interface ExtensionDescriber {

    /** The contents of one plugin. */
    record Contents(List<RepositoryIndex.ExtensionSummary> extensions, List<String> citations) {
        /** Copies the lists. */
        public Contents {
            extensions = List.copyOf(extensions);
            citations = List.copyOf(citations);
        }
    }

    /** Describes the plugin in {@code archive}; fails with a one-line error if it does not load. */
    Contents describe(Path archive, PluginMetadata metadata);
}
