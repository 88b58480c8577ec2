package org.milab.platform.cli;

/**
 * System properties that keep a command's start cheap, each set only when the user has not set it (issue 16). Every
 * one avoids work a CLI process never uses:
 * <ul>
 *   <li>{@code picocli.disable.closures}: picocli looks for Groovy's {@code Closure} class at its first command; a
 *       class found nowhere is looked up in every jar of the class path, opening each;</li>
 *   <li>{@code slf4j.provider}: SLF4J otherwise finds its provider with a {@code ServiceLoader}, which also reads
 *       every jar; {@code slf4j.internal.verbosity} keeps SLF4J from announcing the choice;</li>
 *   <li>{@code guice_bytecode_gen_option}: Guice would generate a FastClass with its ASM for every extension class
 *       (milab uses no method interception);</li>
 *   <li>{@code guice_include_stack_traces}: Guice would walk the stack at every binding to name its source;</li>
 *   <li>{@code picocli.converters.excludes}: every picocli command line registers converters for the
 *       {@code java.time} and {@code java.sql} types by reflection, which loads about 100 JDK classes and
 *       spins method handles; no milab option has such a type (issue 16).</li>
 * </ul>
 */
final class StartupDefaults {

    private StartupDefaults() {
    }

    /** Sets each default the user left unset. */
    static void apply() {
        setIfAbsent("picocli.disable.closures", "true");
        setIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        setIfAbsent("slf4j.internal.verbosity", "WARN");
        setIfAbsent("guice_bytecode_gen_option", "DISABLED");
        setIfAbsent("guice_include_stack_traces", "OFF");
        setIfAbsent("picocli.converters.excludes", "java\\.time\\..*,java\\.sql\\..*");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
