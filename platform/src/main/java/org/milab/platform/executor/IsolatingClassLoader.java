package org.milab.platform.executor;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * A child-first class loader for an executor's jars (Spark and its Jackson, Guava, Netty, Scala, SLF4J and Log4j),
 * so that none of them can replace the host's copies that Guice, PF4J and the plugins use. Only the types the
 * executor shares with the host come from the parent: the JDK, milab's own packages and the host libraries their
 * signatures use (PF4J, Guice, Gson, SnakeYAML, Commons CSV, DJL). The executor's own classes come from its jars.
 */
final class IsolatingClassLoader extends URLClassLoader {

    /** Packages always loaded by the parent (the host). */
    static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.milab.api.", "org.milab.platform.",
            "org.pf4j.", "com.google.inject.", "com.google.gson.", "org.yaml.snakeyaml.", "org.apache.commons.csv.",
            "ai.djl.", "picocli.");

    static {
        registerAsParallelCapable();
    }

    IsolatingClassLoader(URL[] jars, ClassLoader host) {
        super("milab-executor", jars, host);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (shared(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = ownFirst(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /** The class from this loader's jars, else from the parent. */
    private Class<?> ownFirst(String name) throws ClassNotFoundException {
        try {
            return findClass(name);
        } catch (ClassNotFoundException notHere) {
            return getParent().loadClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = shared(name.replace('/', '.')) ? null : findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
        if (shared(name.replace('/', '.'))) {
            return super.getResources(name);
        }
        return findResources(name);
    }

    private static boolean shared(String name) {
        for (String p : SHARED) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
