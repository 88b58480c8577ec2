package org.milab.plugins.infoplane.plane;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milab.api.Citation;
import org.milab.api.Configured;
import org.milab.api.ExtensionInfo;
import org.milab.api.InfoUnit;
import org.milab.api.Inputs;
import org.milab.api.InvalidDataException;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.analysis.Analysis;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.milab.api.train.TrainingResult;
import org.milab.plugins.infoplane.capture.CaptureHandle;
import org.milab.plugins.infoplane.capture.CaptureReader;
import org.milab.plugins.infoplane.capture.Snapshot;
import org.pf4j.Extension;

/**
 * The information plane of a trained network (Shwartz-Ziv and Tishby 2017): for each captured layer T, epoch and
 * seed, I(X;T) between the probe inputs and the layer and I(T;Y) between the layer and the labels, by every estimator
 * named in {@code estimators} (any milab {@code Estimator}: {@code ip-binning}, {@code ebab}, {@code kde-upper},
 * {@code kde-lower}, {@code adaptive-kde}, {@code ksg}, {@code renyi}, ...), called as estimate(T, X) and
 * estimate(T, Y), the layer first (the KDE bounds need it there). Units constant on the probe set (dead ReLUs) are
 * dropped first ({@link ConstantUnits}); a layer with no varying unit has I(X;T) = I(T;Y) = 0.
 *
 * <p>Output, in bits: a table of every point, a table of means and t-intervals over seeds per estimator, layer and
 * epoch, one compression verdict per estimator and layer ({@link CompressionVerdict}), and per estimator the classic
 * figure and I(X;T) against epoch ({@link PlanePlot}), PNG and SVG. Snapshots are read one at a time from the
 * capture folder. Cost: estimators x snapshots x 2 estimates.
 */
@Extension
@Citation(authors = "Shwartz-Ziv, R., Tishby, N.", year = 2017,
        title = "Opening the Black Box of Deep Neural Networks via Information", arxiv = "1703.00810")
@Citation(authors = "Saxe, A. M., Bansal, Y., Dapello, J., Advani, M., Kolchinsky, A., Tracey, B. D., Cox, D. D.",
        year = 2018, title = "On the Information Bottleneck Theory of Deep Learning", venue = "ICLR",
        doi = "10.1088/1742-5468/ab3985")
@Citation(authors = "Chelombiev, I., Houghton, C., O'Donnell, C.", year = 2019,
        title = "Adaptive estimators show information compression in deep neural networks",
        venue = "International Conference on Learning Representations", arxiv = "1902.09037")
public final class InformationPlane implements Analysis {

    static final Parameter<List<ComponentSpec>> ESTIMATORS = Parameter.components("estimators", Estimator.class)
            .defaultValue(ComponentSpec.parseList("ip-binning(bins=30)"))
            .description("estimators of I(X;T) and I(T;Y), e.g. ip-binning(bins=30), kde-upper, ksg(k=5)").build();
    static final Parameter<Double> THRESHOLD = Parameter.real("compression-threshold").defaultValue(0.05)
            .range(0, 1).description("smallest drop of I(X;T) after its peak, as a fraction of the peak, that counts "
                    + "as compression").build();
    static final Parameter<Double> CONFIDENCE = Parameter.real("confidence").defaultValue(0.95).range(0.5, 0.999)
            .description("level of the t-intervals over seeds").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("information-plane",
                "I(X;T) and I(T;Y) per layer and epoch from captured activations, over seeds, with compression verdicts.",
                ESTIMATORS, THRESHOLD, CONFIDENCE);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.required("capture", TrainingResult.class, "the result of a capture-training node"));
    }

    @Override
    public AnalysisResult analyse(Inputs inputs, RunContext ctx) {
        List<PlanePoint> points = measure(inputs.get("capture", TrainingResult.class), ctx);
        double confidence = ctx.param(CONFIDENCE);
        List<LayerCurve> curves = LayerCurve.of(points, confidence);
        List<CompressionVerdict> verdicts = curves.stream()
                .map(c -> CompressionVerdict.of(c, ctx.param(THRESHOLD), confidence)).toList();
        List<Path> figures = figures(ctx.artifactsDir(), ctx.param(ESTIMATORS), curves);
        return new AnalysisResult(List.of(PlaneTables.points(points), PlaneTables.summary(curves, confidence)),
                compressionBits(verdicts), verdicts.stream().map(v -> v.sentence(confidence)).toList(), figures);
    }

    /** Each curve's compression drop in bits, keyed {@code <estimator>/layer<k>/compression-bits}. */
    private static Map<String, Double> compressionBits(List<CompressionVerdict> verdicts) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        for (CompressionVerdict v : verdicts) {
            LayerCurve c = v.curve();
            scalars.put(c.estimator() + "/layer" + c.layer() + "/compression-bits", v.drop().mean());
        }
        return scalars;
    }

    /** The plane points of every captured snapshot under every configured estimator. */
    private static List<PlanePoint> measure(TrainingResult training, RunContext ctx) {
        CaptureReader reader = CaptureReader.open(CaptureHandle.folder(training));
        Samples x = training.representations().get(CaptureHandle.PROBE_X);
        Samples y = training.representations().get(CaptureHandle.PROBE_Y);
        List<Configured<Estimator>> estimators = ctx.param(ESTIMATORS).stream()
                .map(spec -> ctx.component(Estimator.class, spec)).toList();
        return measure(reader, x, y, ctx.param(ESTIMATORS), estimators, ctx);
    }

    private static List<PlanePoint> measure(CaptureReader reader, Samples x, Samples y, List<ComponentSpec> specs,
                                            List<Configured<Estimator>> estimators, RunContext ctx) {
        List<PlanePoint> points = new ArrayList<>();
        List<Snapshot> snapshots = reader.snapshots();
        long done = 0;
        for (Snapshot s : snapshots) {
            ctx.checkCancelled();
            Optional<Samples> t = ConstantUnits.dropped(CaptureReader.load(s));
            for (int k = 0; k < estimators.size(); k++) {
                points.add(point(estimators.get(k), specs.get(k).toString(), s, t, x, y));
            }
            ctx.progress(++done, snapshots.size());
        }
        return points;
    }

    /** I(X;T) and I(T;Y) of one snapshot under one estimator; both 0 when every unit is constant. */
    private static PlanePoint point(Configured<Estimator> e, String spec, Snapshot s, Optional<Samples> t, Samples x,
                                    Samples y) {
        double ixt = t.isEmpty() ? 0 : bits(e, t.get(), x, spec, s, "I(X;T)");
        double ity = t.isEmpty() ? 0 : bits(e, t.get(), y, spec, s, "I(T;Y)");
        return new PlanePoint(spec, s.seed(), s.epoch(), s.layer(), s.name(), ixt, ity);
    }

    private static double bits(Configured<Estimator> e, Samples t, Samples other, String spec, Snapshot s,
                               String what) {
        try {
            return e.extension().estimate(t, other, e.context()).in(InfoUnit.BITS);
        } catch (InvalidDataException ex) {
            throw new InvalidDataException(spec + " cannot estimate " + what + " of layer " + s.layer() + " (" + s.name()
                    + "), epoch " + s.epoch() + ", seed " + s.seed() + ": " + ex.getMessage());
        }
    }

    private static List<Path> figures(Path dir, List<ComponentSpec> specs, List<LayerCurve> curves) {
        List<Path> out = new ArrayList<>();
        for (ComponentSpec spec : specs) {
            String name = spec.toString();
            List<LayerCurve> mine = curves.stream().filter(c -> c.estimator().equals(name)).toList();
            String stem = name.replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("-+$", "");
            out.addAll(PlanePlot.plane(dir, "plane-" + stem, name, mine));
            out.addAll(PlanePlot.epochs(dir, "ixt-" + stem, name, mine));
        }
        return out;
    }
}
