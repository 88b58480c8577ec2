package org.milab.platform.share;

import java.util.Locale;

/** What a scaffolded plugin's one extension is, with the summary its example class starts with. */
public enum PluginKind {
    /** An MI estimator (the Gaussian MI from Pearson's r). */
    ESTIMATOR("Gaussian MI of one column pair from Pearson's r."),
    /** A variational MI bound on critic scores (InfoNCE). */
    BOUND("The InfoNCE lower bound on MI from critic scores."),
    /** A dataset with known ground truth (correlated Gaussian pairs). */
    DATASET("Correlated Gaussian pairs with their true MI."),
    /** A DJL model factory (a one-hidden-layer perceptron). */
    MODEL("A one-hidden-layer perceptron."),
    /** A training strategy (the predict-the-mean baseline). */
    STRATEGY("Predicts the target by its training mean: a baseline to beat."),
    /** A distillation loss (logit matching). */
    LOSS("Squared error between teacher and student logits."),
    /** An analysis of results (an estimate against a threshold). */
    ANALYSIS("Whether an MI estimate exceeds a threshold.");

    private final String summary;

    PluginKind(String summary) {
        this.summary = summary;
    }

    /** The example extension's one-line summary. */
    public String summary() {
        return summary;
    }

    /** The lower-case name used on the command line and in template names. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
