package org.milab.api.testkit;

import java.util.concurrent.atomic.AtomicLong;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;

/**
 * The test kit's own reference estimator, with deliberate defects for the kit's self-tests: the Gaussian MI of
 * the first columns from Pearson's r, {@code I = -1/2 log(1 - r^2)}, with the delta-method standard error
 * {@code |r| / sqrt(n)}.
 */
@Citation(authors = "Pearson, K.", year = 1895, title = "Notes on regression and inheritance in the case of two parents",
        venue = "Proceedings of the Royal Society of London 58", doi = "10.1098/rspl.1895.0041")
final class PearsonMi implements Estimator {

    /** One defect at a time; {@link #NONE} is the correct estimator. */
    enum Defect { NONE, BIASED, IGNORES_PAIRING, ASYMMETRIC, ORDER_DEPENDENT, UNSEEDED, SEED_IGNORED, NAME_DEPENDENT,
        NO_ROW_CHECK, NO_NAN_CHECK, NO_LENGTH_CHECK, VAGUE_MESSAGES }

    private final Defect defect;
    private final AtomicLong calls = new AtomicLong();

    PearsonMi(Defect defect) {
        this.defect = defect;
    }

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("pearson-mi", "Gaussian MI of the first columns from Pearson's r.");
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        check(x, y);
        int n = x.rows();
        if (defect == Defect.ORDER_DEPENDENT) {
            n = n * 9 / 10;
        }
        double[] a = x.column(0);
        double[] b = y.column(0);
        if (defect == Defect.IGNORES_PAIRING) {
            java.util.Arrays.sort(a);
            java.util.Arrays.sort(b);
        }
        double r = correlation(a, b, n);
        double mi = -0.5 * Math.log1p(-r * r);
        mi += switch (defect) {
            case BIASED -> 0.2;
            case ASYMMETRIC -> 1e-3 * Math.signum(a[0] - b[0]);
            case UNSEEDED -> 1e-6 * calls.incrementAndGet();
            case NAME_DEPENDENT -> y.columnNames().get(0).startsWith("y") ? 0 : 1e-3;
            default -> 0;
        };
        return Estimate.of(mi, n).withStandardError(Math.abs(r) / Math.sqrt(n));
    }

    private void check(Samples x, Samples y) {
        String vague = defect == Defect.VAGUE_MESSAGES ? "bad input" : null;
        if (defect != Defect.NO_LENGTH_CHECK && x.rows() != y.rows()) {
            throw new InvalidDataException(vague != null ? vague : "x has " + x.rows() + " rows, y " + y.rows());
        }
        if (defect != Defect.NO_ROW_CHECK && x.rows() < 3) {
            throw new InvalidDataException(vague != null ? vague : "needs 3 rows or more, got " + x.rows());
        }
        if (defect != Defect.NO_NAN_CHECK) {
            try {
                x.requireFinite("x");
                y.requireFinite("y");
            } catch (InvalidDataException e) {
                throw vague != null ? new InvalidDataException(vague) : e;
            }
        }
    }

    private static double correlation(double[] a, double[] b, int n) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return n < 2 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
