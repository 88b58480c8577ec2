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

class CnnTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new Cnn();
    }

    @Test
    void mnistSizedRowsGiveNamedBlocks() {
        try (TestRunContext ctx = TestRunContext.of(new Cnn(), 1, Map.of("channels", List.of(4, 8), "hidden", 16,
                "outputs", 10))) {
            List<String> out = ModelShapes.run(new Cnn().build(new Shape(3, 784), ctx), new Shape(3, 784),
                    ctx.ndManager(), true);
            assertEquals(List.of("output(3, 10)", "conv1(3, 4, 14, 14)", "conv2(3, 8, 7, 7)", "hidden(3, 16)"), out);
        }
    }

    @Test
    void eightByEightDigits() {
        try (TestRunContext ctx = TestRunContext.of(new Cnn(), 1, Map.of("outputs", 10, "batch-norm", true))) {
            List<String> out = ModelShapes.run(new Cnn().build(new Shape(2, 64), ctx), new Shape(2, 64),
                    ctx.ndManager(), false);
            assertEquals(List.of("output(2, 10)", "conv1(2, 16, 4, 4)", "conv2(2, 32, 2, 2)", "hidden(2, 64)"), out);
        }
    }

    @Test
    void rejectsNonSquareRows() {
        try (TestRunContext ctx = TestRunContext.of(new Cnn(), 1)) {
            assertThrows(InvalidDataException.class, () -> new Cnn().build(new Shape(2, 50), ctx));
            assertThrows(InvalidDataException.class, () -> new Cnn().build(new Shape(2, 4), ctx.withComponents()));
        }
    }
}
