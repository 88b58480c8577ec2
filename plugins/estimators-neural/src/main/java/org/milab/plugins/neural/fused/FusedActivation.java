package org.milab.plugins.neural.fused;

import java.util.Optional;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.milab.plugins.neural.critic.Nonlinearity;

/**
 * The hidden-layer activations the fused kernels apply in place, and their derivatives, written as functions of the
 * activation's output {@code y = f(z)} so that backpropagation needs no copy of the pre-activations:
 * ReLU {@code f' = [y > 0]}; leaky ReLU {@code f' = 1 if y > 0 else 0.01}; tanh {@code f' = 1 - y^2}; softplus
 * {@code f' = sigmoid(z) = 1 - e^{-y}} (with PyTorch's threshold: {@code f(z) = z} above 20). GELU's derivative
 * needs z, so a GELU critic trains on the engine.
 */
enum FusedActivation {
    RELU, LEAKY_RELU, TANH, SOFTPLUS;

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
    private static final float LEAK = 0.01f;
    private static final float SOFTPLUS_THRESHOLD = 20f;

    /** The fused form of {@code nonlinearity}, if there is one. */
    static Optional<FusedActivation> of(Nonlinearity nonlinearity) {
        return switch (nonlinearity) {
            case RELU -> Optional.of(RELU);
            case LEAKY_RELU -> Optional.of(LEAKY_RELU);
            case TANH -> Optional.of(TANH);
            case SOFTPLUS -> Optional.of(SOFTPLUS);
            case GELU -> Optional.empty();
        };
    }

    /** {@code v = f(v)} for {@code v[from..from+length)}. */
    void apply(float[] v, int from, int length) {
        int i = from;
        int end = from + length;
        if (this == RELU || this == LEAKY_RELU) {
            float slope = this == RELU ? 0f : LEAK;
            for (; i <= end - LANES.length(); i += LANES.length()) {
                FloatVector z = FloatVector.fromArray(LANES, v, i);
                z.max(z.mul(slope)).intoArray(v, i);
            }
        }
        for (; i < end; i++) {
            v[i] = scalar(v[i]);
        }
    }

    private float scalar(float z) {
        return switch (this) {
            case RELU -> Math.max(z, 0f);
            case LEAKY_RELU -> Math.max(z, LEAK * z);
            case TANH -> (float) Math.tanh(z);
            case SOFTPLUS -> z > SOFTPLUS_THRESHOLD ? z : (float) (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
        };
    }

    /** {@code g *= f'} at outputs {@code y}, for {@code [0, length)} of both arrays. */
    void backpropagate(float[] y, float[] g, int length) {
        backpropagate(y, 0, g, 0, length);
    }

    /** {@code g[gAt + i] *= f'(y[yAt + i])} for i in {@code [0, length)}. */
    void backpropagate(float[] y, int yAt, float[] g, int gAt, int length) {
        int i = switch (this) {
            case RELU -> rectifierBackward(y, yAt, g, gAt, length, 0f);
            case LEAKY_RELU -> rectifierBackward(y, yAt, g, gAt, length, LEAK);
            case TANH -> tanhBackward(y, yAt, g, gAt, length);
            case SOFTPLUS -> 0;
        };
        for (; i < length; i++) {
            g[gAt + i] *= derivative(y[yAt + i]);
        }
    }

    /** {@code g *= (y > 0 ? 1 : slope)} a vector at a time; returns where the scalar tail starts. */
    private static int rectifierBackward(float[] y, int yAt, float[] g, int gAt, int length, float slope) {
        int i = 0;
        for (; i <= length - LANES.length(); i += LANES.length()) {
            FloatVector grad = FloatVector.fromArray(LANES, g, gAt + i);
            grad.blend(grad.mul(slope), FloatVector.fromArray(LANES, y, yAt + i).compare(VectorOperators.LE, 0f))
                    .intoArray(g, gAt + i);
        }
        return i;
    }

    /** {@code g *= 1 - y^2} a vector at a time; returns where the scalar tail starts. */
    private static int tanhBackward(float[] y, int yAt, float[] g, int gAt, int length) {
        int i = 0;
        for (; i <= length - LANES.length(); i += LANES.length()) {
            FloatVector out = FloatVector.fromArray(LANES, y, yAt + i);
            FloatVector.fromArray(LANES, g, gAt + i).mul(out.mul(out).neg().add(1f)).intoArray(g, gAt + i);
        }
        return i;
    }

    private float derivative(float y) {
        return switch (this) {
            case RELU -> y > 0 ? 1f : 0f;
            case LEAKY_RELU -> y > 0 ? 1f : LEAK;
            case TANH -> 1 - y * y;
            case SOFTPLUS -> y > SOFTPLUS_THRESHOLD ? 1f : (float) -Math.expm1(-y);
        };
    }
}
