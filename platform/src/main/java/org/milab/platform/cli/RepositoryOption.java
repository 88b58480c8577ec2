package org.milab.platform.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.milab.api.ConfigurationException;
import org.milab.platform.share.RepositorySource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Option;

/** {@code --repo URL-or-DIR}, defaulting to {@code repository:} in {@code MILAB_HOME/config.yaml}. */
public final class RepositoryOption {

    @Option(names = "--repo", paramLabel = "URL-or-DIR",
            description = "lab repository: a folder or an http(s) URL (default: 'repository:' in MILAB_HOME/config.yaml)")
    String repo;

    /** Whether a repository was given or configured. */
    boolean isSet() {
        return repo != null || configured().isPresent();
    }

    /** The repository to read. */
    RepositorySource source() {
        String spec = repo != null ? repo : configured().orElseThrow(() -> new ConfigurationException("--repo",
                "no repository given: pass --repo URL-or-DIR or set 'repository: URL-or-DIR' in "
                        + HostOptions.milabHome().resolve("config.yaml")));
        return RepositorySource.of(spec);
    }

    private static java.util.Optional<String> configured() {
        Path config = HostOptions.milabHome().resolve("config.yaml");
        if (!Files.isRegularFile(config)) {
            return java.util.Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(config)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            Object repo = root instanceof Map<?, ?> m ? m.get("repository") : null;
            return repo == null ? java.util.Optional.empty() : java.util.Optional.of(String.valueOf(repo));
        } catch (IOException | org.yaml.snakeyaml.error.YAMLException e) {
            throw new ConfigurationException(config.toString(), "cannot be read: " + e.getMessage());
        }
    }
}
