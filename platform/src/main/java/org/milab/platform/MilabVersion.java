package org.milab.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions of this host: the milab release and the plugin API version it provides (PF4J's system version,
 * which every plugin's {@code Plugin-Requires} is checked against).
 *
 * @param milab      the milab release, e.g. {@code 1.0.0-SNAPSHOT}
 * @param pluginApi  the plugin API version, e.g. {@code 1.0.0}
 */
public record MilabVersion(String milab, String pluginApi) {

    /** Reads the versions the build wrote into {@code milab.properties}. */
    public static MilabVersion current() {
        Properties p = new Properties();
        try (InputStream in = MilabVersion.class.getResourceAsStream("milab.properties")) {
            if (in == null) {
                throw new IllegalStateException("milab.properties is missing from the platform jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MilabVersion(p.getProperty("milab.version"), p.getProperty("api.version"));
    }
}
