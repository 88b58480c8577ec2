package org.milab.plugins.synthetic;

import java.util.Set;
import org.milab.api.Citation;
import org.milab.api.Configured;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.GroundTruth;
import org.milab.api.data.Samples;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;
import org.pf4j.Extension;

/**
 * Any dataset with views x and y, pushed through chains of MI-preserving maps (see the list in the parameter
 * descriptions): half-cube, asinh, normal-cdf, wiggly, spiral, swiss-roll, bimodal.
 *
 * <p>Formula: for injective smooth f, g, I(f(X); g(Y)) = I(X; Y), and likewise I(f(X); Z) = I(X; Z) for any other
 * view Z, so every ground truth of the base dataset carries over unchanged. Chains apply left to right, e.g.
 * {@code normal-cdf, spiral}. Caveat: a map that squeezes the data (normal-cdf far in the tails, where values round
 * to 0 or 1 in double precision) loses information numerically, not in theory.
 *
 * <p>Cost: the base dataset plus O(n d) per map (the bimodal map bisects, about 100 CDF evaluations per value);
 * one new array per transformed view.
 */
@Extension
@Citation(authors = "Czyż, P., Grabowski, F., Vogt, J. E., Beerenwinkel, N., Marx, A.", year = 2023,
        title = "Beyond Normal: On the Evaluation of Mutual Information Estimators", venue = "NeurIPS 2023",
        arxiv = "2306.11078")
public final class Transformed implements DatasetProvider {

    private static final String MAPS = "comma-separated chain of none, half-cube, asinh, normal-cdf, wiggly, spiral, "
            + "swiss-roll, bimodal (applied left to right)";

    static final Parameter<ComponentSpec> BASE = Parameter.component("base", DatasetProvider.class)
            .defaultValue(ComponentSpec.parse("correlated-gaussian"))
            .description("dataset to transform, with its parameters, e.g. correlated-gaussian(n=5000, dim=3); "
                    + "it must produce views x and y").build();
    static final Parameter<String> X_MAPS = Parameter.string("x-maps").defaultValue("none")
            .description("maps applied to x: " + MAPS).build();
    static final Parameter<String> Y_MAPS = Parameter.string("y-maps").defaultValue("none")
            .description("maps applied to y: " + MAPS).build();
    static final Parameter<Double> SPEED = Parameter.real("speed").defaultValue(1.0 / 3).min(0)
            .description("spiral speed s: rotation angle s |v|^2").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("transformed",
                "Another dataset's x and y pushed through MI-preserving maps (spiral, half-cube, wiggly, ...).",
                BASE, X_MAPS, Y_MAPS, SPEED);
    }

    @Override
    public Set<String> declaredViews(ParameterValues parameters) {
        return Set.of("x", "y");
    }

    @Override
    public Dataset load(RunContext ctx) {
        double speed = ctx.param(SPEED);
        RowMap fx = Diffeomorphism.chain(ctx.param(X_MAPS), Diffeomorphism.Side.X, speed, X_MAPS.name());
        RowMap fy = Diffeomorphism.chain(ctx.param(Y_MAPS), Diffeomorphism.Side.Y, speed, Y_MAPS.name());
        Configured<DatasetProvider> base = ctx.component(DatasetProvider.class, ctx.param(BASE));
        Dataset in = base.extension().load(base.context());
        Samples x = mapped(in.view("x"), fx, "x");
        Samples y = mapped(in.view("y"), fy, "y");
        Dataset.Builder out = Dataset.builder("transformed(" + in.name() + ")");
        for (String view : in.viewNames()) {
            out.view(view, view.equals("x") ? x : view.equals("y") ? y : in.view(view));
        }
        copyGroundTruthAndMetadata(in, out,
                "; invariant under x-maps [" + ctx.param(X_MAPS) + "], y-maps [" + ctx.param(Y_MAPS) + "]");
        return out.build();
    }

    /** The base's ground truth (which injective maps keep), its method extended by {@code how}, and metadata. */
    private static void copyGroundTruthAndMetadata(Dataset in, Dataset.Builder out, String how) {
        for (GroundTruth t : in.groundTruth()) {
            out.groundTruth(t.viewA(), t.viewB(), t.nats(), t.method() + how);
        }
        in.metadata().forEach(out::metadata);
    }

    /** {@code view} with {@code map} applied to each row, its columns named {@code prefix} 0, 1, ... */
    private static Samples mapped(Samples view, RowMap map, String prefix) {
        int d = map.outDim(view.cols());
        return Samples.wrap(view.rows(), d, map.applyRows(view.toRowMajor(), view.rows(), view.cols()),
                Samples.names(prefix, d));
    }
}
