package org.milab.kit.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlatParametersTest {

    private static SequentialBlock mlp(NDManager m) {
        SequentialBlock block = new SequentialBlock();
        block.add(Linear.builder().setUnits(4).build());
        block.add(Activation::tanh);
        block.add(Linear.builder().setUnits(2).build());
        block.initialize(m, DataType.FLOAT32, new Shape(5, 3));
        return block;
    }

    private static NDArray loss(SequentialBlock block, ParameterStore store, NDArray x) {
        return block.forward(store, new NDList(x), true).singletonOrThrow().square().sum();
    }

    @Test
    void trainsExactlyAsSeparateParametersDo() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            SequentialBlock block = mlp(m);
            List<NDArray> separate = new ArrayList<>();
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray copy = p.getValue().getArray().duplicate();
                copy.setRequiresGradient(true);
                separate.add(copy);
            }
            FlatParameters flat = new FlatParameters(block, m);
            assertEquals(3 * 4 + 4 + 4 * 2 + 2, flat.size());
            ParameterStore separateStore = new ParameterStore(m, false) {
                @Override
                public NDArray getValue(Parameter parameter, ai.djl.Device device, boolean training) {
                    int i = 0;
                    for (Pair<String, Parameter> p : block.getParameters()) {
                        if (p.getValue() == parameter) {
                            return separate.get(i);
                        }
                        i++;
                    }
                    throw new AssertionError(parameter.getName());
                }
            };
            AdamW flatAdam = new AdamW(List.of(flat.buffer()), 0.05, 0.0, m);
            AdamW separateAdam = new AdamW(separate, 0.05, 0.0, m);
            for (int step = 0; step < 5; step++) {
                try (NDManager s = m.newSubManager()) {
                    NDArray x = s.randomNormal(new Shape(5, 3));
                    try (GradientCollector c = m.getEngine().newGradientCollector()) {
                        flat.beginStep(s);
                        c.backward(loss(block, flat, x));
                    }
                    try (GradientCollector c = m.getEngine().newGradientCollector()) {
                        c.backward(loss(block, separateStore, x));
                    }
                    float[] expected = concat(separate, true);
                    assertArrayEquals(expected, flat.buffer().getGradient().toFloatArray(), 1e-6f);
                    flatAdam.update(s);
                    separateAdam.update(s);
                }
            }
            assertArrayEquals(concat(separate, false), flat.buffer().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void aSingleParameterBlockSurvivesItsSteps() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear block = Linear.builder().setUnits(2).optBias(false).build();
            block.initialize(m, DataType.FLOAT32, new Shape(5, 3));
            FlatParameters flat = new FlatParameters(block, m);
            AdamW adam = new AdamW(List.of(flat.buffer()), 0.1, 0.0, m);
            float[] before = flat.buffer().toFloatArray();
            for (int step = 0; step < 3; step++) {
                try (NDManager s = m.newSubManager()) {
                    try (GradientCollector c = m.getEngine().newGradientCollector()) {
                        flat.beginStep(s);
                        c.backward(block.forward(flat, new NDList(s.ones(new Shape(5, 3))), true).head().sum());
                    }
                    adam.update(s);
                }
            }
            // a gradient of 5 on every weight: three Adam steps of 0.1 each downwards
            float[] after = flat.buffer().toFloatArray();
            for (int i = 0; i < after.length; i++) {
                assertEquals(before[i] - 0.3f, after[i], 1e-5f);
            }
        }
    }

    @Test
    void aForwardPassWithoutBeginStepIsAnError() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock block = mlp(m);
            FlatParameters flat = new FlatParameters(block, m);
            assertThrows(IllegalStateException.class, () -> loss(block, flat, m.ones(new Shape(5, 3))));
        }
    }

    private static float[] concat(List<NDArray> arrays, boolean gradients) {
        List<Float> all = new ArrayList<>();
        for (NDArray a : arrays) {
            for (float v : (gradients ? a.getGradient() : a).toFloatArray()) {
                all.add(v);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }
}
