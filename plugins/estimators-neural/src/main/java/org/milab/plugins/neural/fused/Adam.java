package org.milab.plugins.neural.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam (Kingma and Ba 2015, "Adam: A method for stochastic optimization", ICLR, arXiv:1412.6980) on a flat float
 * array, betas 0.9 and 0.999, epsilon 1e-8, in the form the engine's fused update uses:
 * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code w -= lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}.
 */
final class Adam {

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final float[] mean;
    private final float[] variance;
    private final double learningRate;
    private int t;

    Adam(int size, double learningRate) {
        this.mean = new float[size];
        this.variance = new float[size];
        this.learningRate = learningRate;
    }

    /** One update of {@code params} from {@code grads}. */
    void step(float[] params, float[] grads) {
        t++;
        float rate = (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
        int i = 0;
        for (; i <= params.length - LANES.length(); i += LANES.length()) {
            FloatVector g = FloatVector.fromArray(LANES, grads, i);
            FloatVector m = FloatVector.fromArray(LANES, mean, i).mul(BETA1).add(g.mul(1 - BETA1));
            FloatVector v = FloatVector.fromArray(LANES, variance, i).mul(BETA2).add(g.mul(g).mul(1 - BETA2));
            m.intoArray(mean, i);
            v.intoArray(variance, i);
            FloatVector step = m.mul(rate).div(v.lanewise(VectorOperators.SQRT).add(EPSILON));
            FloatVector.fromArray(LANES, params, i).sub(step).intoArray(params, i);
        }
        for (; i < params.length; i++) {
            float g = grads[i];
            mean[i] = mean[i] * BETA1 + g * (1 - BETA1);
            variance[i] = variance[i] * BETA2 + g * g * (1 - BETA2);
            params[i] -= mean[i] * rate / ((float) Math.sqrt(variance[i]) + EPSILON);
        }
    }
}
