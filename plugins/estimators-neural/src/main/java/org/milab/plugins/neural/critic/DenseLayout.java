package org.milab.plugins.neural.critic;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dense layers and activation of a built-in critic, for trainers that run it outside the engine (the fused CPU
 * kernels of {@code org.milab.plugins.neural.fused}). A lab's own critic block has no layout and trains on the
 * engine.
 */
public sealed interface DenseLayout {

    /** The activation of every hidden layer. */
    Nonlinearity activation();

    /** A dense layer {@code y = x W^T + b} (no bias: {@code bias} null), then the activation when {@code activated}. */
    record Layer(Parameter weight, Parameter bias, boolean activated) {
    }

    /** {@link SeparableCritic}: the layers of g and of h. */
    record Separable(List<Layer> g, List<Layer> h, Nonlinearity activation) implements DenseLayout {
    }

    /** {@link JointCritic}: the two halves of the split first layer, then the MLP on all pairs. */
    record Joint(Layer fromX, Layer fromY, List<Layer> rest, Nonlinearity activation) implements DenseLayout {
    }

    /** The layout of {@code critic} when it is a built-in separable or joint critic. */
    static Optional<DenseLayout> of(Block critic) {
        if (critic instanceof SeparableCritic.Separable separable) {
            return Optional.of(separable.layout());
        }
        if (critic instanceof JointCritic.Joint joint) {
            return Optional.of(joint.layout());
        }
        return Optional.empty();
    }

    /** The layers of an {@link Mlp}: each {@link Linear}, activated when an activation block follows it. */
    static List<Layer> layers(SequentialBlock mlp) {
        List<Layer> layers = new ArrayList<>();
        for (Block child : mlp.getChildren().values()) {
            if (child instanceof Linear linear) {
                layers.add(layer(linear));
            } else if (child instanceof LambdaBlock && !layers.isEmpty()) {
                Layer last = layers.remove(layers.size() - 1);
                layers.add(new Layer(last.weight(), last.bias(), true));
            }
        }
        return layers;
    }

    /** The parameters of {@code linear}, not activated. */
    static Layer layer(Linear linear) {
        return new Layer(linear.getParameters().get("weight"), linear.getParameters().get("bias"), false);
    }
}
