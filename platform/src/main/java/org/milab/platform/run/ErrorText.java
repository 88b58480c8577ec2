package org.milab.platform.run;

import org.milab.api.ConfigurationException;
import org.milab.api.MilabException;
import org.milab.api.Problem;

/** One-screen human text for an error: every problem on its own line, no stack trace. */
public final class ErrorText {

    private ErrorText() {
    }

    /** {@code error} as text: the problems of a configuration error one per line, else its message. */
    public static String of(Throwable error) {
        if (error instanceof ConfigurationException c) {
            return problems(c);
        }
        if (error instanceof GraphRunner.NodeFailure f && f.getCause() instanceof ConfigurationException c) {
            return "milab: node '" + f.node().id() + "' failed:\n" + of(c).replaceFirst("^milab: ", "  ");
        }
        if (error instanceof MilabException) {
            return "milab: " + error.getMessage();
        }
        return "milab: unexpected " + error.getClass().getSimpleName() + ": " + error.getMessage()
                + " (run with --verbose for the stack trace)";
    }

    private static String problems(ConfigurationException c) {
        StringBuilder sb = new StringBuilder("milab: ").append(c.problems().size() == 1 ? "1 problem"
                : c.problems().size() + " problems").append(":\n");
        for (Problem p : c.problems()) {
            sb.append("  ").append(p).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
