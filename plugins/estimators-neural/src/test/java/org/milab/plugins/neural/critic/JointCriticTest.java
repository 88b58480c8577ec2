package org.milab.plugins.neural.critic;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class JointCriticTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new JointCritic();
    }

    @Test
    void scoresEachPairAlone() {
        try (CriticHarness h = new CriticHarness(new JointCritic(), Map.of("hidden", "[16, 8]"), 5, 3, 2)) {
            h.checkConvention(5, 4, 3, 2);
        }
        try (CriticHarness h = new CriticHarness(new JointCritic(), Map.of("hidden", "[7]", "activation", "gelu"),
                3, 1, 1)) {
            h.checkConvention(3, 3, 1, 1);
        }
    }

    @Test
    void needsAHiddenLayer() {
        try (TestRunContext ctx = TestRunContext.of(new JointCritic(), 1, Map.of("hidden", List.of()))) {
            assertThrows(ConfigurationException.class, () -> new JointCritic().build(CriticShapes.of(4, 2, 2), ctx));
        }
    }
}
