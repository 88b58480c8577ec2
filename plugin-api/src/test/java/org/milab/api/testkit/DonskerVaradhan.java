package org.milab.api.testkit;

import ai.djl.ndarray.NDArray;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.bound.MiBound;
import org.milab.api.bound.TrainingObjective;

/**
 * The test kit's reference bound, with deliberate defects for the kit's self-tests: Donsker-Varadhan,
 * {@code mean_i f_ii - log mean_{i!=j} exp f_ij}.
 */
@Citation(authors = "Donsker, M. D., Varadhan, S. R. S.", year = 1983,
        title = "Asymptotic evaluation of certain Markov process expectations for large time IV",
        venue = "Communications on Pure and Applied Mathematics", doi = "10.1002/cpa.3160360204")
final class DonskerVaradhan implements MiBound {

    /** One defect at a time; {@link #NONE} is the correct bound. */
    enum Defect { NONE, BIASED, IGNORES_PAIRING, STATEFUL, POSITIONAL, ASYMMETRIC, NO_SHAPE_CHECK, HIDES_NAN }

    private final Defect defect;
    private int objectives;

    DonskerVaradhan(Defect defect) {
        this.defect = defect;
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("dv-reference", "Donsker-Varadhan bound (test kit reference).");
    }

    /** The formula in double precision. */
    static double reference(double[][] f) {
        int n = f.length;
        double paired = 0;
        double unpaired = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    paired += f[i][i] / n;
                } else {
                    unpaired += Math.exp(f[i][j]) / (n * (n - 1.0));
                }
            }
        }
        return paired - Math.log(unpaired);
    }

    @Override
    public NDArray value(NDArray scores) {
        long n = scores.getShape().get(0);
        if (defect != Defect.NO_SHAPE_CHECK && (scores.getShape().dimension() != 2 || n < 2
                || scores.getShape().get(1) != n)) {
            throw new InvalidDataException("scores must be n x n with n >= 2, got " + scores.getShape());
        }
        NDArray f = defect == Defect.HIDES_NAN ? ai.djl.ndarray.NDArrays.where(scores.isNaN(), scores.zerosLike(), scores) : scores;
        NDArray diag = f.diagonal();
        NDArray offSum = f.exp().sum().sub(diag.exp().sum());
        NDArray logPartition = offSum.div((float) (n * (n - 1))).log();
        NDArray value = defect == Defect.IGNORES_PAIRING
                ? f.exp().mean().log().sub(f.exp().mean().log()) : diag.mean().sub(logPartition);
        return switch (defect) {
            case BIASED -> value.add(0.1f);
            case POSITIONAL -> value.add(f.getScalar(0, 0).mul(0.01f));
            case ASYMMETRIC -> value.add(f.getScalar(0, 1).sub(f.getScalar(1, 0)).mul(0.01f));
            default -> value;
        };
    }

    @Override
    public TrainingObjective newObjective() {
        if (defect != Defect.STATEFUL) {
            return this::value;
        }
        int offset = objectives++;
        return s -> value(s).add((float) offset);
    }
}
