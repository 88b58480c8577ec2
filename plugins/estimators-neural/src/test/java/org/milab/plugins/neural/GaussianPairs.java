package org.milab.plugins.neural;

import java.util.SplittableRandom;
import org.milab.api.data.Samples;

/**
 * Test data: {@code x ~ N(0, I_d)}, {@code y = rho x + sqrt(1 - rho^2) e}, with
 * {@code I(X;Y) = -d/2 log(1 - rho^2)} nats in closed form.
 */
final class GaussianPairs {

    final Samples x;
    final Samples y;
    final double mi;

    private GaussianPairs(Samples x, Samples y, double mi) {
        this.x = x;
        this.y = y;
        this.mi = mi;
    }

    /** n pairs in d dimensions with total MI {@code nats}. */
    static GaussianPairs of(int n, int d, double nats, long seed) {
        double rho = rho(nats, d);
        SplittableRandom r = new SplittableRandom(seed);
        double[] xs = new double[n * d];
        double[] ys = new double[n * d];
        double noise = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n * d; i++) {
            xs[i] = r.nextGaussian();
            ys[i] = rho * xs[i] + noise * r.nextGaussian();
        }
        return new GaussianPairs(Samples.wrap(n, d, xs, Samples.names("x", d)),
                Samples.wrap(n, d, ys, Samples.names("y", d)), nats);
    }

    /** The per-dimension correlation giving total MI {@code nats} in d dimensions. */
    static double rho(double nats, int d) {
        return Math.sqrt(1 - Math.exp(-2 * nats / d));
    }

    /** The same pairs with y's rows in a random order (independent, MI 0). */
    GaussianPairs shuffled(long seed) {
        int n = y.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new GaussianPairs(x, y.selectRows(order), 0);
    }
}
