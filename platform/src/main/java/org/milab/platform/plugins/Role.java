package org.milab.platform.plugins;

import java.util.List;
import org.milab.api.MilabExtension;
import org.milab.api.analysis.Analysis;
import org.milab.api.bound.MiBound;
import org.milab.api.data.DatasetProvider;
import org.milab.api.estimate.ConditionalMiEstimator;
import org.milab.api.estimate.EntropyEstimator;
import org.milab.api.estimate.Estimator;
import org.milab.api.model.ModelFactory;
import org.milab.api.train.DistillationLoss;
import org.milab.api.train.TrainingStrategy;

/** The extension points of the plugin API, as the host knows them. */
public enum Role {
    /** {@link DatasetProvider}. */
    DATASET(DatasetProvider.class, "dataset"),
    /** {@link Estimator}. */
    ESTIMATOR(Estimator.class, "MI estimator"),
    /** {@link EntropyEstimator}. */
    ENTROPY_ESTIMATOR(EntropyEstimator.class, "entropy estimator"),
    /** {@link ConditionalMiEstimator}. */
    CONDITIONAL_MI_ESTIMATOR(ConditionalMiEstimator.class, "conditional MI estimator"),
    /** {@link MiBound}. */
    MI_BOUND(MiBound.class, "MI bound"),
    /** {@link ModelFactory}. */
    MODEL(ModelFactory.class, "model"),
    /** {@link TrainingStrategy}. */
    TRAINING_STRATEGY(TrainingStrategy.class, "training strategy"),
    /** {@link DistillationLoss}. */
    DISTILLATION_LOSS(DistillationLoss.class, "distillation loss"),
    /** {@link Analysis}. */
    ANALYSIS(Analysis.class, "analysis");

    private final Class<? extends MilabExtension> type;
    private final String label;

    Role(Class<? extends MilabExtension> type, String label) {
        this.type = type;
        this.label = label;
    }

    /** The extension-point interface. */
    public Class<? extends MilabExtension> type() {
        return type;
    }

    /** Human name. */
    public String label() {
        return label;
    }

    /** The roles an extension instance plays. */
    public static List<Role> of(Object extension) {
        return java.util.Arrays.stream(values()).filter(r -> r.type.isInstance(extension)).toList();
    }
}
