package org.milab.api.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.MilabException;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;

/**
 * The test kit's reference strategy, with deliberate defects: "trains" the mean of view x by stochastic
 * averaging of rows drawn with the context's generator, and reports it as a metric and a representation.
 */
@Citation(authors = "Robbins, H., Monro, S.", year = 1951, title = "A stochastic approximation method",
        venue = "Annals of Mathematical Statistics 22(3)", doi = "10.1214/aoms/1177729586")
final class MeanStrategy implements TrainingStrategy {

    /** One defect at a time; {@link #NONE} is the correct strategy. */
    enum Defect { NONE, UNSEEDED, DUPLICATE_PORT, NAN_METRIC, VAGUE_MISSING_INPUT }

    private final Defect defect;
    private final AtomicLong calls = new AtomicLong();

    MeanStrategy(Defect defect) {
        this.defect = defect;
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("mean-strategy", "Stochastic mean of view x (test kit reference).");
    }

    @Override
    public List<Port> inputs() {
        Port dataset = Port.required("dataset", Dataset.class, "the data");
        return defect == Defect.DUPLICATE_PORT ? List.of(dataset, dataset) : List.of(dataset);
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        if (defect == Defect.VAGUE_MISSING_INPUT && inputs.find("dataset", Dataset.class).isEmpty()) {
            throw new MilabException("an input is missing");
        }
        Samples x = inputs.get("dataset", Dataset.class).view("x");
        double mean = 0;
        for (int step = 1; step <= 100; step++) {
            mean += (x.get(ctx.splittableRandom().nextInt(x.rows()), 0) - mean) / step;
        }
        if (defect == Defect.UNSEEDED) {
            mean += 1e-9 * calls.incrementAndGet();
        }
        double reported = defect == Defect.NAN_METRIC ? Double.NaN : mean;
        return new TrainingResult(Map.of(), Map.of("mean", reported),
                Map.of("mean", Samples.ofColumns(List.of("mean"), new double[] {mean})));
    }
}
