package org.milab.platform.executor;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.milab.api.MilabException;

/**
 * Opens a cluster executor from its own folder of jars ({@code spark/lib} beside the distribution's {@code lib}, or
 * the {@code milab.spark.lib} system property) in an {@link IsolatingClassLoader}: its libraries are on no class
 * path until {@code --executor spark} asks for them, and never replace the host's.
 */
public final class ClusterEngines {

    private ClusterEngines() {
    }

    /**
     * Connects the {@code name} executor (a folder of jars {@code libs}) to {@code master}.
     *
     * @param pluginFolders the host's plugin folders, whose archives are shipped to the cluster
     * @throws MilabException when the executor is not installed or the master cannot be reached
     */
    public static ClusterEngine open(String name, Path libs, String master, List<Path> pluginFolders,
                                     boolean verbose) {
        ClassLoader loader = new IsolatingClassLoader(jars(name, libs), ClusterEngines.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            ClusterEngineFactory f = factory(name, libs, loader);
            return f.open(MasterUrl.check(master), pluginArchives(pluginFolders), verbose);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** The factory of executor {@code name} among those the executor's jars provide. */
    private static ClusterEngineFactory factory(String name, Path libs, ClassLoader loader) {
        for (ClusterEngineFactory f : ServiceLoader.load(ClusterEngineFactory.class, loader)) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new MilabException("the jars in " + libs + " hold no '" + name + "' executor");
    }

    /** The distribution's folder of the {@code name} executor's jars. */
    public static Path libraries(String name, Path builtinPlugins) {
        String prop = System.getProperty("milab." + name + ".lib");
        return prop != null ? Path.of(prop) : builtinPlugins.resolveSibling(name).resolve("lib");
    }

    /** The plugin archives (zip and jar files; PF4J's unpacked folders are left out) of {@code folders}. */
    public static List<Path> pluginArchives(List<Path> folders) {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".zip")
                        || p.toString().endsWith(".jar"))).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new MilabException("cannot list plugin folder " + folder + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static URL[] jars(String name, Path libs) {
        List<URL> urls = Files.isDirectory(libs) ? jarUrls(libs) : new ArrayList<>();
        if (urls.isEmpty()) {
            throw new MilabException("the '" + name + "' executor is not installed: no jars in " + libs
                    + " (build the distribution with 'mvn package', which lays it out there)");
        }
        return urls.toArray(URL[]::new);
    }

    private static List<URL> jarUrls(Path libs) {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> list = Files.list(libs)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(p.toUri().toURL());
            }
        } catch (IOException e) {
            throw new MilabException("cannot list " + libs + ": " + e.getMessage(), e);
        }
        return urls;
    }
}
