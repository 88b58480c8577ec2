package org.milab.plugins.models;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import java.util.List;
import org.milab.api.ConfigurationException;
import org.milab.api.RunContext;
import org.milab.api.param.Parameter;

/** The building blocks and parameters the model factories share. */
final class Layers {

    static final Parameter<Nonlinearity> ACTIVATION = Parameter.choice("activation", Nonlinearity.class)
            .defaultValue(Nonlinearity.RELU).description("activation of the hidden layers").build();
    static final Parameter<Double> DROPOUT = Parameter.real("dropout").defaultValue(0.0).range(0, 0.95)
            .description("dropout rate after each hidden layer, active in training only (0: none)").build();
    static final Parameter<Boolean> BATCH_NORM = Parameter.bool("batch-norm").defaultValue(false)
            .description("batch normalisation before each hidden activation").build();
    static final Parameter<Integer> OUTPUTS = Parameter.integer("outputs").defaultValue(2).min(1)
            .description("output units: the number of classes (logits) or 1 for regression; strategies set it from "
                    + "the data when the spec leaves it out").build();

    private Layers() {
    }

    /** A dense layer of {@code units}, then batch norm, activation and dropout as configured. */
    static Block dense(int units, RunContext ctx) {
        SequentialBlock b = new SequentialBlock().add(Linear.builder().setUnits(units).build());
        return finish(b, ctx);
    }

    /** Appends batch norm, the activation and dropout (as configured) to {@code b}. */
    static Block finish(SequentialBlock b, RunContext ctx) {
        if (ctx.param(BATCH_NORM)) {
            b.add(BatchNorm.builder().build());
        }
        Nonlinearity f = ctx.param(ACTIVATION);
        b.addSingleton(f::apply);
        double rate = ctx.param(DROPOUT);
        if (rate > 0) {
            b.add(Dropout.builder().optRate((float) rate).build());
        }
        return b;
    }

    /** The linear output layer. */
    static Block output(RunContext ctx) {
        return Linear.builder().setUnits(ctx.param(OUTPUTS)).build();
    }

    /** Checks a list of layer sizes. */
    static List<Integer> sizes(List<Integer> sizes, String parameter) {
        for (int s : sizes) {
            if (s < 1) {
                throw new ConfigurationException("parameter '" + parameter + "'", "layer sizes must be >= 1, got "
                        + sizes);
            }
        }
        return sizes;
    }
}
