package org.milab.platform.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.milab.platform.cli.Main;

/**
 * Runs the {@code milab} CLI in-process against the built distribution's plugins ({@code milab.dist}, set by the
 * build), with {@code milab.home} pointed at an empty folder so the user's own plugins do not interfere.
 */
public final class Cli {

    /** One CLI invocation's outcome. */
    public record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    /** The built distribution. */
    public static Path dist() {
        return Path.of(System.getProperty("milab.dist", "target/milab"));
    }

    /** The repository root. */
    public static Path repo() {
        return Path.of(System.getProperty("milab.repo", ".."));
    }

    /** Runs {@code milab args...}. */
    public static Result run(Path home, String... args) {
        System.setProperty("milab.plugins", dist().resolve("plugins").toString());
        System.setProperty("milab.home", home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(rc, out.toString(), err.toString());
    }
}
