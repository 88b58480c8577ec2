package org.milab.plugins.neural.fused;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milab.plugins.neural.critic.DenseLayout;

/**
 * A built-in critic (separable or joint MLP, any activation but GELU) trained on the CPU by milab's own fused
 * kernels instead of the engine's autograd: forward, backward and Adam on flat float arrays with the JDK's Vector
 * API, one packed matrix-product kernel ({@link Gemm}) and no per-operation dispatch, so a training step allocates
 * nothing and makes no engine call. The bound stays the engine's: the trainer hands it the scores and returns its
 * gradient {@code dL/dS} to {@link #backward}.
 *
 * <p>Large matrix products (the joint critic's) are split over {@link KernelThreads#count()} threads, the same
 * setting as the engine's intra-op threads.
 *
 * <p>The parameters start as copies of the initialised block's, in the block's parameter order (the layout of
 * {@code FlatParameters}), so the same seed gives the same initial critic on either path; the gradients are the
 * engine's up to float rounding ({@code FusedCriticTest}).
 */
public final class FusedCritic {

    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private final ScoreNet net;
    private final float[] params;
    private final float[] grads;
    private final Adam adam;

    private FusedCritic(ScoreNet net, float[] params, double learningRate) {
        this.net = net;
        this.params = params;
        this.grads = new float[params.length];
        this.adam = new Adam(params.length, learningRate);
    }

    /**
     * Why the fused kernels cannot train {@code critic} in this JVM, or empty when they can: they need the Vector API
     * module ({@code --add-modules jdk.incubator.vector}, which the {@code milab} launcher passes to training runs),
     * the optimising compiler, and a built-in critic without GELU.
     */
    public static Optional<String> unsupported(Block critic) {
        if (!VECTOR_API) {
            return Optional.of("the JVM was started without --add-modules jdk.incubator.vector");
        }
        if (!optimisingCompiler()) {
            return Optional.of("the JVM runs without its optimising compiler (-XX:TieredStopAtLevel below 4)");
        }
        Optional<DenseLayout> layout = DenseLayout.of(critic);
        if (layout.isEmpty()) {
            return Optional.of("only the built-in separable-critic and joint-critic have fused kernels");
        }
        if (FusedActivation.of(layout.get().activation()).isEmpty()) {
            return Optional.of("activation " + layout.get().activation().name().toLowerCase(java.util.Locale.ROOT)
                    + " has no fused kernel (its derivative needs the pre-activations)");
        }
        return Optional.empty();
    }

    private static boolean optimisingCompiler() {
        var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        try {
            return Integer.parseInt(bean.getVMOption("TieredStopAtLevel").getValue()) >= 4
                    || !Boolean.parseBoolean(bean.getVMOption("TieredCompilation").getValue());
        } catch (IllegalArgumentException e) {
            return true; // not HotSpot's options: assume a full compiler
        }
    }

    /**
     * The fused form of {@code critic}, initialised (by the engine) for x of width {@code dx};
     * throws {@link IllegalArgumentException} with the reason when {@link #unsupported} gives one.
     */
    public static FusedCritic of(Block critic, int dx, double learningRate) {
        unsupported(critic).ifPresent(why -> {
            throw new IllegalArgumentException("the fused kernels cannot train this critic: " + why);
        });
        DenseLayout layout = DenseLayout.of(critic).orElseThrow();
        Map<Parameter, Integer> offsets = new IdentityHashMap<>();
        float[] params = flatten(critic, offsets);
        FusedActivation activation = FusedActivation.of(layout.activation()).orElseThrow();
        Gemm gemm = new Gemm(KernelThreads.count());
        ScoreNet net;
        if (layout instanceof DenseLayout.Separable s) {
            net = new SeparableNet(stack(s.g(), offsets, activation, gemm), stack(s.h(), offsets, activation, gemm),
                    dx, gemm);
        } else {
            DenseLayout.Joint j = (DenseLayout.Joint) layout;
            net = new JointNet(stack(List.of(j.fromX()), offsets, activation, gemm),
                    stack(List.of(j.fromY()), offsets, activation, gemm), stack(j.rest(), offsets, activation, gemm),
                    activation, (int) j.fromX().weight().getArray().getShape().get(0));
        }
        return new FusedCritic(net, params, learningRate);
    }

    /** The trainable parameters' values, flattened in the block's order, recording where each starts. */
    private static float[] flatten(Block critic, Map<Parameter, Integer> offsets) {
        List<float[]> values = new ArrayList<>();
        int size = 0;
        for (Pair<String, Parameter> p : critic.getParameters()) {
            if (p.getValue().requiresGradient()) {
                offsets.put(p.getValue(), size);
                float[] value = p.getValue().getArray().toFloatArray();
                values.add(value);
                size += value.length;
            }
        }
        float[] flat = new float[size];
        int at = 0;
        for (float[] value : values) {
            System.arraycopy(value, 0, flat, at, value.length);
            at += value.length;
        }
        return flat;
    }

    private static DenseStack stack(List<DenseLayout.Layer> layers, Map<Parameter, Integer> offsets,
                                    FusedActivation activation, Gemm gemm) {
        List<Dense> dense = new ArrayList<>();
        for (DenseLayout.Layer layer : layers) {
            long[] shape = layer.weight().getArray().getShape().getShape();
            int bias = layer.bias() == null ? -1 : offsets.get(layer.bias());
            dense.add(new Dense((int) shape[1], (int) shape[0], offsets.get(layer.weight()), bias, layer.activated()));
        }
        return new DenseStack(dense, activation, gemm);
    }

    /**
     * The scores {@code f(x_i, y_j)}, row-major {@code n x m}, for row-major {@code x (n x dx)} and {@code y (m x dy)};
     * the array is this critic's and valid until the next call; x and y must stay unchanged until {@link #backward}.
     */
    public float[] scores(float[] x, float[] y, int n, int m) {
        return net.forward(params, x, y, n, m);
    }

    /** The loss's gradient at every parameter, from its gradient {@code dScores} at the last scores (overwritten). */
    public void backward(float[] dScores) {
        net.backward(params, grads, dScores);
    }

    /** One Adam update from the last {@link #backward}. */
    public void update() {
        adam.step(params, grads);
    }

    /** The last {@link #backward}'s gradient, in the parameters' layout (a copy). */
    public float[] gradients() {
        return grads.clone();
    }
}
