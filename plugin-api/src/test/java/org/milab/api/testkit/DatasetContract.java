package org.milab.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabException;
import org.milab.api.MilabExtension;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.GroundTruth;

/**
 * What every {@link DatasetProvider} must satisfy. A plugin's test class implements it and supplies the provider,
 * parameters that load a small dataset (file readers write their file first) and, where it applies, parameters
 * that must be rejected:
 *
 * <pre>{@code
 * class StudentTTest implements DatasetContract {
 *     public DatasetProvider dataset() { return new StudentT(); }
 *     public Map<String, ?> contractParameters() { return Map.of("n", 500); }
 * }
 * }</pre>
 *
 * <p>Checks: the same seed gives the same data and truth; another seed gives other data for {@link #stochastic()}
 * providers (generators) and the same data otherwise (file readers), and never another ground truth (a truth
 * depends on the parameters, not on the draw); the views announced by {@link DatasetProvider#declaredViews} are the
 * views loaded; every view is finite and non-empty and every ground truth says how it is known; each of
 * {@link #invalidParameters()} fails with a {@link MilabException} whose message names the problem.
 */
public interface DatasetContract extends ExtensionContract {

    /** The provider under test. */
    DatasetProvider dataset();

    @Override
    default MilabExtension extension() {
        return dataset();
    }

    /** Parameters that load a small dataset; none by default. */
    default Map<String, ?> contractParameters() {
        return Map.of();
    }

    /** Extensions the provider resolves as components (a wrapped generator); none by default. */
    default MilabExtension[] contractComponents() {
        return new MilabExtension[0];
    }

    /** Whether the data are drawn from the context's seed (generators, true by default) or read (false). */
    default boolean stochastic() {
        return true;
    }

    /** Parameters that must be rejected, each with a fragment its message must contain (a parameter, a file...). */
    default Map<Map<String, ?>, String> invalidParameters() {
        return Map.of();
    }

    /** Loads with {@code parameters} and {@code seed}. */
    default Dataset contractLoad(Map<String, ?> parameters, long seed) {
        try (TestRunContext ctx = TestRunContext.of(dataset(), seed, parameters)) {
            return dataset().load(ctx.withComponents(contractComponents()));
        }
    }

    /** The fingerprint of every view, in order. */
    private static List<String> fingerprints(Dataset d) {
        return d.viewNames().stream().map(v -> v + ":" + d.view(v).fingerprint()).toList();
    }

    /** The same seed gives the same views, values and ground truth. */
    @Test
    default void contractSameSeedSameData() {
        Dataset a = contractLoad(contractParameters(), 1);
        Dataset b = contractLoad(contractParameters(), 1);
        assertEquals(fingerprints(a), fingerprints(b), "two loads with seed 1");
        assertEquals(a.groundTruth(), b.groundTruth());
    }

    /** Another seed: other data for a generator, the same for a reader; the ground truth never changes. */
    @Test
    default void contractOtherSeedChangesOnlyTheDraw() {
        Dataset a = contractLoad(contractParameters(), 1);
        Dataset b = contractLoad(contractParameters(), 2);
        if (stochastic()) {
            assertNotEquals(fingerprints(a), fingerprints(b), "declared stochastic, yet seeds 1 and 2 give the "
                    + "same data: is the context's random generator used?");
        } else {
            assertEquals(fingerprints(a), fingerprints(b), "not stochastic, yet seeds 1 and 2 give other data");
        }
        assertEquals(a.groundTruth(), b.groundTruth(), "the ground truth depends on the parameters only");
    }

    /** The views announced before loading (when announced) are the views loaded. */
    @Test
    default void contractDeclaredViewsAreLoaded() {
        Set<String> declared = dataset().declaredViews(dataset().info().bind(contractParameters()));
        Dataset d = contractLoad(contractParameters(), 1);
        if (!declared.isEmpty()) {
            assertEquals(declared, new HashSet<>(d.viewNames()), "declaredViews against the loaded views");
        }
    }

    /** Every view has rows and finite values; every ground truth says how it is known. */
    @Test
    default void contractViewsAreFiniteAndTruthIsExplained() {
        Dataset d = contractLoad(contractParameters(), 1);
        assertTrue(d.size() > 0, "no rows");
        for (String v : d.viewNames()) {
            d.view(v).requireFinite("view '" + v + "'");
        }
        for (GroundTruth t : d.groundTruth()) {
            assertFalse(t.method().isBlank(), "ground truth " + t + " does not say how it is known");
        }
    }

    /** Each invalid parameter set fails with a message naming the problem. */
    @Test
    default void contractRejectsInvalidParameters() {
        assumeFalse(invalidParameters().isEmpty(), "no invalid parameters declared");
        invalidParameters().forEach((params, fragment) -> {
            MilabException e = assertThrows(MilabException.class, () -> contractLoad(params, 1), params.toString());
            assertTrue(e.getMessage() != null && e.getMessage().contains(fragment),
                    params + ": the message should mention '" + fragment + "': " + e.getMessage());
        });
    }
}
