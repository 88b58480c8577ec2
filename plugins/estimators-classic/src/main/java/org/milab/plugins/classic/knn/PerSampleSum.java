package org.milab.plugins.classic.knn;

import java.util.function.Supplier;
import org.milab.api.RunContext;
import org.milab.plugins.classic.common.ParallelSum;

/**
 * The per-sample sum the neighbour estimators end with: the sum over tree positions t = 0 … n − 1 of a term of
 * the sample at t, on {@code threads} workers of {@link ParallelSum} (fixed chunks added in order, so the result
 * does not depend on the thread count), with the context polled for cancellation between chunks.
 */
final class PerSampleSum {

    /** The term of one sample. One is made per chunk, so it may own scratch state such as search buffers. */
    @FunctionalInterface
    interface Term {
        /** The term of the sample at tree position {@code t}. */
        double at(int t);
    }

    private PerSampleSum() {
    }

    /** The sum of the terms of samples 0 … n − 1, with a fresh term from {@code perChunk} for each chunk. */
    static double over(int n, int threads, RunContext ctx, Supplier<Term> perChunk) {
        return ParallelSum.sum(n, threads, (from, to) -> {
            Term term = perChunk.get();
            double acc = 0;
            for (int t = from; t < to; t++) {
                acc += term.at(t);
            }
            return acc;
        }, ctx::cancelled);
    }
}
