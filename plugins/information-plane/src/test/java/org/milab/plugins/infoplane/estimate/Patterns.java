package org.milab.plugins.infoplane.estimate;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.milab.api.data.Samples;

/** Test inputs with known information: all 2^bits binary patterns, each once, and layers computed from them. */
final class Patterns {

    private Patterns() {
    }

    /** All 2^bits patterns, one row each, bit b of row r in column b. */
    static Samples all(int bits) {
        int n = 1 << bits;
        double[] v = new double[n * bits];
        for (int r = 0; r < n; r++) {
            for (int b = 0; b < bits; b++) {
                v[r * bits + b] = (r >> b) & 1;
            }
        }
        return Samples.wrap(n, bits, v, Samples.names("b", bits));
    }

    /** One column computed from each row index. */
    static Samples column(int n, IntToDoubleFunction f) {
        double[] v = new double[n];
        for (int r = 0; r < n; r++) {
            v[r] = f.applyAsDouble(r);
        }
        return Samples.wrap(n, 1, v, List.of("t"));
    }

    /** The columns {@code from..to-1} of {@code s}. */
    static Samples columns(Samples s, int from, int to) {
        return s.selectColumns(s.columnNames().subList(from, to));
    }

    /** H of Binomial(m, 1/2) in nats. */
    static double binomialEntropy(int m) {
        double h = 0;
        double total = Math.pow(2, m);
        double c = 1;
        for (int k = 0; k <= m; k++) {
            double p = c / total;
            h -= p * Math.log(p);
            c = c * (m - k) / (k + 1);
        }
        return h;
    }
}
