package org.milab.platform.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.milab.api.ConfigurationException;
import org.milab.platform.store.RunStore;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine.Option;

/**
 * The {@code --store} option: the run store is {@code --store}, else {@code store:} in
 * {@code $MILAB_HOME/config.yaml}, else {@code $MILAB_HOME/runs.db} (a file path or a {@code jdbc:sqlite:} URL).
 */
final class StoreOptions {

    @Option(names = "--store", paramLabel = "FILE|JDBC_URL",
            description = "the run store (default: store: in ~/.milab/config.yaml, else ~/.milab/runs.db)")
    String store;

    /** The store to use, as a path or URL. */
    String location() {
        if (store != null && !store.isBlank()) {
            return store;
        }
        Path home = HostOptions.milabHome();
        Object configured = config(home.resolve("config.yaml")).get("store");
        if (configured != null) {
            return String.valueOf(configured).replaceFirst("^~", System.getProperty("user.home"));
        }
        return home.resolve("runs.db").toString();
    }

    /** Opens the store. */
    RunStore open() {
        return RunStore.open(location());
    }

    private static Map<?, ?> config(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (Reader r = Files.newBufferedReader(file)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            return root instanceof Map<?, ?> m ? m : Map.of();
        } catch (IOException | org.yaml.snakeyaml.error.YAMLException e) {
            throw new ConfigurationException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }
}
