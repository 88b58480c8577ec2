package org.milab.plugins.kd;

import ai.djl.ndarray.NDManager;
import org.milab.api.RunContext;

/**
 * What every fit of one strategy call shares: the optimisation settings, the run context (metrics, cancellation),
 * the progress counter across the fits and the manager that owns the trained models.
 *
 * @param settings optimisation settings of this fit
 * @param ctx      the strategy's run context
 * @param progress steps done across the call's fits
 * @param model    owner of the models' parameters; it outlives the call ({@link RunContext#runManager()})
 */
record Session(Settings settings, RunContext ctx, Trainer.Progress progress, NDManager model) {

    /** A session of {@code fits} fits of {@code settings.epochs()} epochs over the training rows of {@code split}. */
    static Session of(RunContext ctx, Settings settings, Split split, int fits) {
        long steps = fits * settings.epochs() * Trainer.steps(split.train().length, settings);
        return of(ctx, settings, steps);
    }

    /** A session that reports progress out of {@code totalSteps}. */
    static Session of(RunContext ctx, Settings settings, long totalSteps) {
        return new Session(settings, ctx, new Trainer.Progress(ctx, totalSteps), ctx.runManager());
    }

    /** The same session with other settings (e.g. the epochs of a pretraining stage). */
    Session with(Settings other) {
        return new Session(other, ctx, progress, model);
    }

    /** The same session with its models owned by {@code owner} (e.g. a scope closed after one fit). */
    Session in(NDManager owner) {
        return new Session(settings, ctx, progress, owner);
    }
}
