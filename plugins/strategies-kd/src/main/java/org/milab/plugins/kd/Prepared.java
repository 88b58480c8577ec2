package org.milab.plugins.kd;

import org.milab.api.Inputs;
import org.milab.api.InvalidDataException;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;

/**
 * A dataset made ready for training: the target, the seeded split (from {@code split-seed}) and standardised views
 * (each column to mean 0 and deviation 1 with the training rows' statistics).
 *
 * @param dataset the dataset
 * @param target  the target
 * @param split   the split
 */
record Prepared(Dataset dataset, Target target, Split split) {

    /** Name of the dataset port. */
    static final String PORT = "dataset";

    /** The port every strategy here reads its dataset from, with what the dataset must hold. */
    static Port port(String holding) {
        return Port.required(PORT, Dataset.class, "the dataset holding " + holding);
    }

    /** The dataset wired into {@link #port}, with the target view of {@code target} ({@link Supervised#TARGET}). */
    static Prepared of(Inputs inputs, Task task, RunContext ctx) {
        return of(inputs.get(PORT, Dataset.class), ctx.param(Supervised.TARGET), task, ctx);
    }

    static Prepared of(Dataset dataset, String targetView, Task task, RunContext ctx) {
        Target t = Target.of(dataset.view(targetView), task == Task.CLASSIFICATION, targetView);
        Split s = Split.of(t, dataset.size(), ctx.param(Settings.VALIDATION), ctx.param(Settings.TEST),
                ctx.param(Settings.SPLIT_SEED));
        return new Prepared(dataset, t, s);
    }

    /** One view, standardised with the training rows. */
    Rows view(String name) {
        Samples v = dataset.view(name);
        v.requireFinite("view '" + name + "'");
        if (v.rows() < 2) {
            throw new InvalidDataException("view '" + name + "' has " + v.rows() + " rows; training needs at least 2");
        }
        return Rows.standardised(v, split.train());
    }

    /** The target of the test rows as one column named after the view. */
    Samples testTarget(String view) {
        return dataset.view(view).selectRows(split.test());
    }
}
