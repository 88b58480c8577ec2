package org.milab.plugins.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * A small convolutional network for square grey-level images such as MNIST (28 x 28) and the UCI digits (8 x 8):
 * per entry of {@code channels}, a 3 x 3 convolution (padding 1), optional batch normalisation, the activation and
 * 2 x 2 max pooling; then a dense layer of {@code hidden} units and a linear output layer.
 *
 * <p>Input: rows of side*side pixels (batch, side^2), as image datasets provide them, or (batch, 1, side, side). The
 * forward pass returns {@code [output, conv1, conv2, ..., hidden]}: every block's output, named; {@code hidden} is
 * the penultimate representation. Each pooling halves the side (rounding down), so the side must stay >= 1.
 *
 * <p>Cost per image: about 9 side^2 (c_1 + sum_k c_k c_{k+1} / 4^k) multiply-adds for the convolutions, plus the
 * dense layers; memory: the activations of one batch.
 */
@Extension
@Citation(authors = "LeCun, Y., Bottou, L., Bengio, Y., Haffner, P.", year = 1998,
        title = "Gradient-based learning applied to document recognition", venue = "Proceedings of the IEEE 86(11)",
        doi = "10.1109/5.726791")
public final class Cnn implements ModelFactory {

    static final Parameter<List<Integer>> CHANNELS = Parameter.integers("channels").defaultValue(List.of(16, 32))
            .min(1).description("output channels of each convolution block, e.g. [16, 32]").build();
    static final Parameter<Integer> HIDDEN = Parameter.integer("hidden").defaultValue(64).min(1)
            .description("width of the dense layer before the output").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("cnn", "Small convolutional network for square grey-level images (28x28, 8x8).",
                CHANNELS, HIDDEN, Layers.ACTIVATION, Layers.DROPOUT, Layers.BATCH_NORM, Layers.OUTPUTS);
    }

    @Override
    public Block build(Shape input, RunContext ctx) {
        int side = side(input);
        List<Integer> channels = ctx.param(CHANNELS);
        if ((side >> channels.size()) < 1) {
            throw new InvalidDataException("cnn: " + channels.size() + " pooling steps need images of side >= "
                    + (1 << channels.size()) + ", got " + side + "; use fewer channels entries");
        }
        TappedSequence net = new TappedSequence();
        net.hidden("image", new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, 1, side, side))));
        for (int i = 0; i < channels.size(); i++) {
            net.tapped("conv" + (i + 1), convolution(channels.get(i), ctx));
        }
        net.hidden("flatten", Blocks.batchFlattenBlock());
        net.tapped("hidden", Layers.dense(ctx.param(HIDDEN), ctx));
        return net.hidden("output", Layers.output(ctx));
    }

    /** A 3x3 same-padding convolution with {@code filters} filters, finished as the layers say, then 2x2 max-pooling. */
    private static Block convolution(int filters, RunContext ctx) {
        SequentialBlock conv = new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1)).setFilters(filters).build());
        Layers.finish(conv, ctx);
        return conv.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    }

    private static int side(Shape input) {
        if (input.dimension() == 4 && input.get(1) == 1 && input.get(2) == input.get(3)) {
            return (int) input.get(2);
        }
        if (input.dimension() == 2) {
            int side = (int) Math.round(Math.sqrt(input.get(1)));
            if ((long) side * side == input.get(1)) {
                return side;
            }
        }
        throw new InvalidDataException("cnn takes square grey-level images, as (batch, side*side) rows or (batch, 1, "
                + "side, side); got shape " + input);
    }
}
