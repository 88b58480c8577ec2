package org.milab.plugins.kd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The variational bottleneck kernel shared by {@link Vib} and {@link Mid}: a stochastic encoder p(z|x) = N(mu(x),
 * diag sigma(x)^2), sampled by reparameterisation, and a decoder q(y|z).
 *
 * <p>The encoder's output of width 2K is split into mu (first K) and sigma = softplus(rest) + 1e-4. In training
 * z = mu + sigma * eps with eps ~ N(0, I) (the engine's seeded generator); in inference z = mu. The forward pass
 * returns {@code [decoder(z), kl, z-mean]}: {@code kl} is per row KL(N(mu, sigma^2) || N(0, I)) =
 * 1/2 sum_k (mu_k^2 + sigma_k^2 - ln sigma_k^2 - 1) in nats, the variational upper bound on I(Z;X) once averaged
 * over x (exact when the aggregate posterior is the prior), and {@code z-mean} (= mu, the penultimate
 * representation).
 *
 * <p>Cost: the encoder's and decoder's, plus O(K) per row.
 */
final class Bottleneck extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float MIN_SIGMA = 1e-4f;

    private final Block encoder;
    private final Block decoder;
    private final int width;

    /**
     * @param encoder a block with a (batch, 2 * width) output first
     * @param decoder a block from (batch, width) to the prediction
     * @param width   K, the dimension of z
     */
    Bottleneck(Block encoder, Block decoder, int width) {
        super(VERSION);
        this.encoder = addChildBlock("encoder", encoder);
        this.decoder = addChildBlock("decoder", decoder);
        this.width = width;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray raw = encoder.forward(store, inputs, training, params).get(0);
        NDArray mu = raw.get(new NDIndex(":, :{}", width));
        NDArray sigma = Activation.softPlus(raw.get(new NDIndex(":, {}:", width))).add(MIN_SIGMA);
        NDArray z = training ? mu.add(sigma.mul(raw.getManager().randomNormal(mu.getShape()))) : mu;
        NDArray out = decoder.forward(store, new NDList(z), training, params).get(0);
        NDArray variance = sigma.square();
        NDArray kl = mu.square().add(variance).sub(variance.log()).sub(1).sum(new int[] {1}, true).mul(0.5f);
        kl.setName("kl");
        NDArray mean = mu.duplicate();
        mean.setName("z-mean");
        return new NDList(out, kl, mean);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        Shape z = new Shape(batch, width);
        return new Shape[] {decoder.getOutputShapes(new Shape[] {z})[0], new Shape(batch, 1), z};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        Shape raw = encoder.getOutputShapes(inputShapes)[0];
        if (raw.dimension() != 2 || raw.get(1) != 2L * width) {
            throw new org.milab.api.InvalidDataException("the bottleneck's encoder must output (batch, " + (2 * width)
                    + ") = mean and scale of z; it outputs " + raw);
        }
        decoder.initialize(manager, dataType, new Shape(inputShapes[0].get(0), width));
    }
}
