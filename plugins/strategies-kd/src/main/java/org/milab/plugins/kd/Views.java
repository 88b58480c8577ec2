package org.milab.plugins.kd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.milab.api.ConfigurationException;
import org.milab.api.RunContext;
import org.milab.api.param.Parameter;

/**
 * Several modality views of a prepared dataset, each standardised with the training rows (and optionally noised),
 * and side by side in one row per sample, the input of fusion models ({@code concat-fusion}, {@code late-fusion}).
 *
 * <p>The noise of {@code view-noise} is drawn from the split seed, not the node seed, so strategies given the same
 * {@code split-seed} (e.g. a balanced model and its plain baseline) see the same noisy data.
 *
 * @param names  view names, in input order
 * @param each   each view's rows
 * @param joined the views side by side
 */
record Views(List<String> names, List<Rows> each, Rows joined) {

    static final Parameter<String> VIEWS = Parameter.string("views").defaultValue("x1, x2")
            .description("the modality views, comma-separated, in the order the fusion model reads them").build();
    static final Parameter<List<Double>> NOISE = Parameter.reals("view-noise").defaultValue(List.of()).min(0)
            .description("sd of N(0, sd^2) noise added to each standardised view, one value per view (empty: "
                    + "none), e.g. [0, 2] to make the second modality weaker").build();

    static Views of(Prepared data, RunContext ctx) {
        List<String> names = names(ctx);
        List<Double> noise = noise(ctx, names);
        SplittableRandom rng = new SplittableRandom(ctx.param(Settings.SPLIT_SEED) * 0x9E3779B97F4A7C15L + 17);
        List<Rows> each = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            Rows v = data.view(names.get(m));
            each.add(noise.isEmpty() ? v : v.noisy(noise.get(m), rng.split()));
        }
        return new Views(names, each, join(each));
    }

    /** The {@code views} parameter's names, at least two. */
    private static List<String> names(RunContext ctx) {
        List<String> names = Arrays.stream(ctx.param(VIEWS).split(",")).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
        if (names.size() < 2) {
            throw new ConfigurationException("parameter 'views'", "a multimodal strategy needs at least two views, "
                    + "comma-separated, e.g. 'x1, x2'; got '" + ctx.param(VIEWS) + "'");
        }
        return names;
    }

    /** The {@code view-noise} parameter: none, or one level per view. */
    private static List<Double> noise(RunContext ctx, List<String> names) {
        List<Double> noise = ctx.param(NOISE);
        if (!noise.isEmpty() && noise.size() != names.size()) {
            throw new ConfigurationException("parameter 'view-noise'", "give one noise level per view (" + names.size()
                    + " views " + names + "), or none; got " + noise);
        }
        return noise;
    }

    /** The view widths, in input order. */
    List<Integer> dims() {
        return each.stream().map(Rows::cols).toList();
    }

    /** What a fusion model needs set from the data: its {@code dims} and {@code outputs}. */
    Map<String, Object> modelDefaults(int outputs) {
        return Map.of("dims", dims(), "outputs", outputs);
    }

    private static Rows join(List<Rows> each) {
        int n = each.get(0).rows();
        int width = each.stream().mapToInt(Rows::cols).sum();
        float[] v = new float[n * width];
        int offset = 0;
        for (Rows r : each) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(r.values(), i * r.cols(), v, i * width + offset, r.cols());
            }
            offset += r.cols();
        }
        return new Rows(v, width);
    }
}
