package org.milab.plugins.infoplane.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompressionVerdictTest {

    private static LayerCurve curve(double[][] ixtPerSeed) {
        List<PlanePoint> points = new ArrayList<>();
        int[] epochs = {0, 10, 100, 1000};
        for (int s = 0; s < ixtPerSeed.length; s++) {
            for (int i = 0; i < epochs.length; i++) {
                points.add(new PlanePoint("ip-binning", s, epochs[i], 1, "hidden1", ixtPerSeed[s][i], 0.5));
            }
        }
        return LayerCurve.of(points, 0.95).get(0);
    }

    @Test
    void riseThenFallIsCompression() {
        LayerCurve c = curve(new double[][] {{2, 5, 4, 3}, {2, 5.2, 4.1, 3.1}, {2, 4.9, 3.8, 2.9}});
        CompressionVerdict v = CompressionVerdict.of(c, 0.05, 0.95);
        assertTrue(v.compresses(), v.sentence(0.95));
        assertEquals(10, v.peakEpoch());
        assertEquals(6.1 / 3, v.drop().mean(), 1e-9);
    }

    @Test
    void aMonotoneRiseIsNot() {
        LayerCurve c = curve(new double[][] {{2, 3, 4, 5}, {2, 3, 4.5, 5}});
        assertFalse(CompressionVerdict.of(c, 0.05, 0.95).compresses());
    }

    @Test
    void aDropThatTheSeedsDisagreeOnIsNot() {
        // one seed falls, the others rise at the end: the interval of the drop includes 0
        LayerCurve c = curve(new double[][] {{2, 5, 5, 3}, {2, 5, 5, 5}, {2, 5, 4.9, 5}});
        assertFalse(CompressionVerdict.of(c, 0.05, 0.95).compresses());
    }
}
