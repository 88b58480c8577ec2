package org.milab.api.testkit;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.milab.api.Citation;
import org.milab.api.ConfigurationException;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;

/** The test kit's reference dataset, with deliberate defects: n correlated Gaussian pairs (rho = 0.5). */
@Citation(authors = "Cover, T. M., Thomas, J. A.", year = 2006, title = "Elements of Information Theory",
        venue = "Wiley", doi = "10.1002/047174882X")
final class GaussianPairsProvider implements DatasetProvider {

    /** One defect at a time; {@link #NONE} is the correct provider. */
    enum Defect { NONE, UNSEEDED, SEED_IGNORED, TRUTH_FROM_THE_SAMPLE, WRONG_DECLARED_VIEWS, NAN, LAX }

    static final Parameter<Integer> N = Parameter.integer("n").defaultValue(200).description("rows").build();

    private final Defect defect;
    private final AtomicLong calls = new AtomicLong();

    GaussianPairsProvider(Defect defect) {
        this.defect = defect;
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("gaussian-pairs", "Correlated Gaussian pairs (test kit reference).", N);
    }

    @Override
    public Set<String> declaredViews(ParameterValues parameters) {
        return defect == Defect.WRONG_DECLARED_VIEWS ? Set.of("x", "z") : Set.of("x", "y");
    }

    @Override
    public Dataset load(RunContext ctx) {
        int n = ctx.param(N);
        if (n < 2 && defect != Defect.LAX) {
            throw new ConfigurationException("parameter 'n'", "needs at least 2 rows, got " + n);
        }
        long seed = switch (defect) {
            case UNSEEDED -> calls.incrementAndGet();
            case SEED_IGNORED -> 7;
            default -> ctx.splittableRandom().nextLong();
        };
        Samples[] xy = ContractData.gaussian(Math.max(n, 1), 0.5, seed);
        Samples x = defect == Defect.NAN ? ContractData.withNaN(xy[0], 0) : xy[0];
        double truth = defect == Defect.TRUTH_FROM_THE_SAMPLE ? 0.14 + 1e-3 * xy[0].get(0, 0) * xy[0].get(0, 0)
                : ContractData.gaussianMi(1, 0.5);
        return Dataset.builder("gaussian-pairs").view("x", x).view("y", xy[1])
                .groundTruth("x", "y", truth, "closed form").build();
    }
}
