package org.milab.plugins.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.milab.plugins.neural.fused.FusedCritic;

/**
 * A built-in critic trained by milab's fused CPU kernels ({@link FusedCritic}): the batch is copied out of the
 * engine, the scores are computed on float arrays and handed to the engine as a leaf that requires a gradient, so
 * that the bound (any {@code MiBound}, through its engine code) backpropagates only to the scores; that gradient
 * comes back for the fused backward pass and Adam. Per step: two copies out, one in, one back out.
 */
final class FusedCriticModel implements CriticModel {

    private final FusedCritic fused;

    FusedCriticModel(FusedCritic fused) {
        this.fused = fused;
    }

    @Override
    public NDArray trainingScores(NDList batch) {
        NDArray scores = scores(batch);
        scores.setRequiresGradient(true);
        return scores;
    }

    @Override
    public void update(NDArray scores) {
        NDArray gradient = scores.getGradient();
        gradient.attach(scores.getManager());
        fused.backward(gradient.toFloatArray());
        fused.update();
    }

    @Override
    public NDArray scores(NDList batch) {
        NDArray x = batch.get(0);
        NDArray y = batch.get(1);
        int n = Math.toIntExact(x.getShape().get(0));
        int m = Math.toIntExact(y.getShape().get(0));
        float[] scores = fused.scores(Floats.of(x), Floats.of(y), n, m);
        return x.getManager().create(scores.length == n * m ? scores : Arrays.copyOf(scores, n * m), new Shape(n, m));
    }

    @Override
    public String description() {
        return "milab's fused CPU kernels";
    }
}
