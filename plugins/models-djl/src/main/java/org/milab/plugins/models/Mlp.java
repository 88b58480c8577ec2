package org.milab.plugins.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * A multilayer perceptron: dense layers of the {@code hidden} sizes, each followed by optional batch
 * normalisation, the activation and optional dropout, then a linear output layer of {@code outputs} units.
 *
 * <p>f(x) = W_L a(... a(W_1 x + b_1) ...) + b_L. Input: (batch, d). The forward pass returns
 * {@code [output, hidden1, ..., hiddenK]} (see {@link TappedSequence}), so the last hidden layer is the
 * penultimate representation that distillation losses and analyses read. Weights: DJL's default (He-normal) for
 * dense layers, biases zero.
 *
 * <p>Cost per row: sum of the products of consecutive layer widths, for the forward and again for the backward
 * pass; memory: the weights plus one activation per layer and row.
 */
@Extension
@Citation(authors = "Rumelhart, D. E., Hinton, G. E., Williams, R. J.", year = 1986,
        title = "Learning representations by back-propagating errors", venue = "Nature 323", doi = "10.1038/323533a0")
public final class Mlp implements ModelFactory {

    static final Parameter<List<Integer>> HIDDEN = Parameter.integers("hidden").defaultValue(List.of(64, 64)).min(1)
            .description("widths of the hidden layers, e.g. [64, 64]; [] for a linear model").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("mlp", "Multilayer perceptron exposing each hidden layer as a named feature.",
                HIDDEN, Layers.ACTIVATION, Layers.DROPOUT, Layers.BATCH_NORM, Layers.OUTPUTS);
    }

    @Override
    public Block build(Shape input, RunContext ctx) {
        if (input.dimension() != 2) {
            throw new InvalidDataException("mlp takes inputs of shape (batch, features), got " + input
                    + "; flatten images first or use cnn");
        }
        TappedSequence net = new TappedSequence();
        List<Integer> hidden = ctx.param(HIDDEN);
        for (int i = 0; i < hidden.size(); i++) {
            net.tapped("hidden" + (i + 1), Layers.dense(hidden.get(i), ctx));
        }
        return net.hidden("output", Layers.output(ctx));
    }
}
