package org.milab.plugins.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class MlpTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new Mlp();
    }

    @Test
    void exposesEveryHiddenLayerByName() {
        try (TestRunContext ctx = TestRunContext.of(new Mlp(), 1,
                Map.of("hidden", List.of(8, 4), "outputs", 3, "batch-norm", true, "dropout", 0.5))) {
            List<String> out = ModelShapes.run(new Mlp().build(new Shape(5, 7), ctx), new Shape(5, 7),
                    ctx.ndManager(), true);
            assertEquals(List.of("output(5, 3)", "hidden1(5, 8)", "hidden2(5, 4)"), out);
        }
    }

    @Test
    void emptyHiddenIsALinearModel() {
        try (TestRunContext ctx = TestRunContext.of(new Mlp(), 1, Map.of("hidden", List.of(), "outputs", 1))) {
            List<String> out = ModelShapes.run(new Mlp().build(new Shape(2, 3), ctx), new Shape(2, 3),
                    ctx.ndManager(), false);
            assertEquals(List.of("output(2, 1)"), out);
        }
    }

    @Test
    void rejectsImagesWithAMessage() {
        try (TestRunContext ctx = TestRunContext.of(new Mlp(), 1)) {
            InvalidDataException e = assertThrows(InvalidDataException.class,
                    () -> new Mlp().build(new Shape(2, 1, 8, 8), ctx));
            assertEquals(true, e.getMessage().contains("cnn"));
        }
    }
}
