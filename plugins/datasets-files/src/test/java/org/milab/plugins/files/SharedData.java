package org.milab.plugins.files;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the project's shared real data: system property milab.shared.data, else ../shared/data of the repo. */
final class SharedData {

    private SharedData() {
    }

    static Path dir() {
        String prop = System.getProperty("milab.shared.data");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.assumeTrue(false, "shared data folder not found (set -Dmilab.shared.data); skipping");
        return null;
    }

    static Path require(String child) {
        Path p = dir().resolve(child);
        Assumptions.assumeTrue(Files.exists(p), p + " is absent; skipping");
        return p;
    }
}
