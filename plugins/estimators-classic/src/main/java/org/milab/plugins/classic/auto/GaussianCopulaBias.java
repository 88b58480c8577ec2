package org.milab.plugins.classic.auto;

import org.milab.plugins.classic.common.Digamma;

/**
 * The finite-sample bias of the Gaussian closed form Î = ½(ln det Σ̂<sub>x</sub> + ln det Σ̂<sub>y</sub> −
 * ln det Σ̂), from the expected log-determinant of a Wishart sample covariance with n − 1 degrees of freedom,
 * E[ln det Σ̂<sub>d</sub>] = ln det Σ<sub>d</sub> + Σ<sub>i=1..d</sub> ψ((n − i)/2) + d ln(2/(n − 1)):
 * <pre>
 *   E[Î] − I = ½ [ Σ<sub>i=1..dx</sub> ψ((n−i)/2) + Σ<sub>i=1..dy</sub> ψ((n−i)/2) − Σ<sub>i=1..dx+dy</sub> ψ((n−i)/2) ]
 * </pre>
 * (the ln(2/(n − 1)) terms cancel), about d<sub>x</sub>d<sub>y</sub>/(2n) for n ≫ d and exact for Gaussian data. The
 * bias-corrected Gaussian-copula estimator of Ince et al. (2017) subtracts it; it matters in high dimension (about
 * 1.2 nats for 50 x 50 at n = 1000).
 */
final class GaussianCopulaBias {

    private GaussianCopulaBias() {
    }

    /** The upward bias, in nats, of the Gaussian closed form on {@code n} rows of {@code dx} + {@code dy} columns. */
    static double of(int n, int dx, int dy) {
        return 0.5 * (sum(n, 1, dx) + sum(n, 1, dy) - sum(n, 1, dx + dy));
    }

    private static double sum(int n, int from, int to) {
        double s = 0;
        for (int i = from; i <= to; i++) {
            s += Digamma.of((n - i) / 2.0);
        }
        return s;
    }
}
