package org.milab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class ConcatFusionTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new ConcatFusion();
    }

    @Test
    void exposesEmbeddingsAndUnimodalLogitsPerModality() {
        try (TestRunContext ctx = TestRunContext.of(new ConcatFusion(), 1, Map.of("dims", List.of(3, 5),
                "encoder", "mlp(hidden=[8])", "embedding", 6, "outputs", 4)).withComponents(new Mlp())) {
            List<String> out = ModelShapes.run(new ConcatFusion().build(new Shape(2, 8), ctx), new Shape(2, 8),
                    ctx.ndManager(), true);
            assertEquals(List.of("output(2, 4)", "embedding1(2, 6)", "logits1(2, 4)", "embedding2(2, 6)",
                    "logits2(2, 4)", "embedding(2, 12)"), out);
        }
    }

    @Test
    void dimsMustCoverTheInput() {
        try (TestRunContext ctx = TestRunContext.of(new ConcatFusion(), 1, Map.of("dims", List.of(3, 4)))
                .withComponents(new Mlp())) {
            InvalidDataException e = assertThrows(InvalidDataException.class,
                    () -> new ConcatFusion().build(new Shape(2, 8), ctx));
            assertTrue(e.getMessage().contains("input width 8"), e.getMessage());
        }
    }
}
