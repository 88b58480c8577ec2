package org.milab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class LateFusionTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new LateFusion();
    }

    @Test
    void fusedLogitsAreTheMeanOfTheUnimodalLogits() {
        try (TestRunContext ctx = TestRunContext.of(new LateFusion(), 1, Map.of("dims", List.of(2, 3, 1),
                "encoder", "mlp(hidden=[4])", "outputs", 3)).withComponents(new Mlp())) {
            Shape in = new Shape(5, 6);
            Block b = new LateFusion().build(in, ctx);
            assertEquals(List.of("output(5, 3)", "embedding1(5, 16)", "logits1(5, 3)", "embedding2(5, 16)",
                    "logits2(5, 3)", "embedding3(5, 16)", "logits3(5, 3)", "embedding(5, 48)"),
                    ModelShapes.run(b, in, ctx.ndManager(), false));
            NDList out = b.forward(new ParameterStore(ctx.ndManager(), false),
                    new NDList(ctx.ndManager().randomNormal(in)), false);
            NDArray mean = out.get(2).add(out.get(4)).add(out.get(6)).div(3);
            float[] expected = mean.toType(DataType.FLOAT32, false).toFloatArray();
            // the same float operations in another order: a few ulps at logits of order 1
            assertArrayEquals(expected, out.get(0).toFloatArray(), 1e-5f);
        }
    }
}
