package org.milab.plugins.neural;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.milab.api.Inputs;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.testkit.TestRunContext;

/**
 * Not a test: runs the full staircase of {@code experiments/staircase.yaml} for one critic outside the host and
 * writes the figure, the traces and the bias/variance table (Markdown) to a folder.
 *
 * <pre>
 * java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
 *      -cp CLASSPATH org.milab.plugins.neural.StaircaseReproduction joint-critic OUT_DIR [steps-per-stage]
 * </pre>
 */
public final class StaircaseReproduction {

    private StaircaseReproduction() {
    }

    /** Arguments: critic, output folder, optional steps per stage (default 4000). */
    public static void main(String[] args) throws Exception {
        String critic = args[0];
        Path out = Files.createDirectories(Path.of(args[1]));
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
        long start = System.nanoTime();
        try (TestRunContext ctx = TestRunContext.of(new GaussianStaircase(), 2019,
                Map.of("critic", critic, "steps-per-stage", steps))) {
            ctx.withComponents(NeuralComponents.all());
            AnalysisResult result = new GaussianStaircase().analyse(Inputs.of(Map.of()), ctx);
            try (Stream<Path> files = Files.list(ctx.artifactsDir())) {
                for (Path f : files.toList()) {
                    Files.copy(f, out.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            StringBuilder md = new StringBuilder();
            for (Table t : result.tables()) {
                md.append(markdown(t));
            }
            md.append('\n');
            result.verdicts().forEach(v -> md.append("- ").append(v).append('\n'));
            md.append(String.format(Locale.ROOT, "%nwall time %.0f s%n", (System.nanoTime() - start) / 1e9));
            Files.writeString(out.resolve("staircase-" + critic + ".md"), md);
            System.out.print(md);
        }
    }

    private static String markdown(Table t) {
        StringBuilder sb = new StringBuilder("| " + String.join(" | ", t.columns()) + " |\n|");
        t.columns().forEach(c -> sb.append(" --- |"));
        sb.append('\n');
        for (List<Object> row : t.rows()) {
            sb.append('|');
            for (Object cell : row) {
                sb.append(' ').append(cell instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : cell)
                        .append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
