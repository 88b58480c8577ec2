package org.milab.executor.spark;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.milab.api.MilabException;

/**
 * The jars a cluster's executors need besides Spark (which the cluster has): the host's class path (platform,
 * plugin API, PF4J, Guice, Gson, SnakeYAML, DJL) and this module's jar. Shipped with {@code spark.jars}; the
 * executors put them first ({@code spark.executor.userClassPathFirst}), so Guice gets the Guava it was built for.
 */
final class ClusterJars {

    private ClusterJars() {
    }

    /** The jars, as paths. */
    static List<String> of(Class<?> module) {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(entry);
            }
        }
        jars.add(moduleJar(module).toString());
        return jars;
    }

    /** This module's jar (in spark/lib, beside Spark's), or its classes folder when run from a build. */
    static Path moduleJar(Class<?> module) {
        try {
            return Path.of(module.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new MilabException("cannot locate the Spark executor's jar: " + e.getMessage(), e);
        }
    }
}
