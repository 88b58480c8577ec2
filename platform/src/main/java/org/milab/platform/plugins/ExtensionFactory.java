package org.milab.platform.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.milab.api.MilabExtension;
import org.milab.platform.MilabVersion;

/**
 * Creates plugins' extensions. An extension class that asks for injection (any Guice or {@code jakarta.inject}
 * annotation on it, a superclass, or one of their constructors, fields or methods) is created by Guice: one host
 * injector, created on first need, and one child injector per plugin in which that plugin's injected extension classes
 * are bound, so one plugin's bindings never become visible to another. A class that asks for nothing is created by
 * its public no-arg constructor, exactly what Guice would call: creating Guice's first injector initialises
 * {@code java.util.logging}, whose start scans every jar of the class path for a logger service, and with building
 * the injector cost a cold {@code milab estimate ksg} 60-90 ms (issue 16).
 */
final class ExtensionFactory {

    private final MilabVersion version;
    private Injector host;

    ExtensionFactory(MilabVersion version) {
        this.version = version;
    }

    /** One instance of each of {@code classes} (one plugin's), in order. */
    List<MilabExtension> create(List<Class<? extends MilabExtension>> classes) {
        List<Class<? extends MilabExtension>> injected = classes.stream().filter(c -> !plain(c)).toList();
        Injector child = injected.isEmpty() ? null : childInjector(injected);
        List<MilabExtension> instances = new ArrayList<>();
        for (Class<? extends MilabExtension> c : classes) {
            instances.add(injected.contains(c) ? child.getInstance(c) : construct(c));
        }
        return instances;
    }

    private Injector childInjector(List<Class<? extends MilabExtension>> classes) {
        return hostInjector().createChildInjector(new AbstractModule() {
            @Override
            protected void configure() {
                classes.forEach(c -> bind(c).in(Singleton.class));
            }
        });
    }

    private Injector hostInjector() {
        if (host == null) {
            host = Guice.createInjector(new AbstractModule() {
                @Override
                protected void configure() {
                    bind(MilabVersion.class).toInstance(version);
                }
            });
        }
        return host;
    }

    /**
     * Whether {@code c} is a public concrete top-level or static class with a public no-arg constructor and no
     * injection annotation anywhere in its hierarchy: then Guice would only call that constructor.
     */
    static boolean plain(Class<?> c) {
        boolean concrete = Modifier.isPublic(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers())
                && (c.getEnclosingClass() == null || Modifier.isStatic(c.getModifiers()));
        return concrete && publicNoArg(c) && Stream.<Class<?>>iterate(c, k -> k != null && k != Object.class,
                Class::getSuperclass).noneMatch(ExtensionFactory::asksForInjection);
    }

    private static boolean publicNoArg(Class<?> c) {
        return Stream.of(c.getConstructors()).anyMatch(k -> k.getParameterCount() == 0);
    }

    private static boolean asksForInjection(Class<?> k) {
        return Stream.of(Stream.of((AnnotatedElement) k), Stream.of(k.getDeclaredConstructors()),
                Stream.of(k.getDeclaredFields()), Stream.of(k.getDeclaredMethods()))
                .flatMap(s -> s).anyMatch(ExtensionFactory::injectionAnnotated);
    }

    private static boolean injectionAnnotated(AnnotatedElement e) {
        return Stream.of(e.getDeclaredAnnotations()).map(a -> a.annotationType().getPackageName())
                .anyMatch(p -> p.startsWith("com.google.inject") || p.startsWith("jakarta.inject")
                        || p.startsWith("javax.inject"));
    }

    private static MilabExtension construct(Class<? extends MilabExtension> c) {
        try {
            Constructor<? extends MilabExtension> k = c.getConstructor();
            return k.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + c.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + c.getName() + ": " + e, e);
        }
    }
}
