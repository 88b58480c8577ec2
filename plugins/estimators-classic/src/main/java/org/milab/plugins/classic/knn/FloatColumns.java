package org.milab.plugins.classic.knn;

/**
 * A single-precision copy of a {@link KdTree}'s column copy, for SIMD prefilters that test twice as many points per
 * instruction as double precision and read half the memory, and the threshold that keeps such a prefilter exact: it
 * never rejects a point that the double-precision test accepts, so the candidates it passes, checked again in
 * double precision, give the same answers bit for bit.
 *
 * <p>The bound. Let |p|, |q| ≤ M, p' and q' their nearest floats (|p' − p| ≤ 2<sup>−24</sup>|p| + 2<sup>−150</sup>,
 * the second term for subnormals), and s = fl(p' − q') (relative error ≤ 2<sup>−24</sup>). If |p − q| &lt; r then
 * |s| &lt; (r + 2<sup>−23</sup>M + 2<sup>−149</sup>)(1 + 2<sup>−24</sup>) ≤ r + 2<sup>−22</sup>(r + 2M) +
 * 2<sup>−148</sup> =: t (computed in double precision with room to spare), and the float threshold is the float
 * just above t. With standardised data (M ≈ 5) the threshold exceeds r by about 2.4·10<sup>−6</sup>, so the
 * prefilter passes almost exactly the points inside. Values of magnitude 2<sup>100</sup> or more have no copy
 * ({@link #of} returns null) and keep the double-precision scans.
 *
 * <p>Cost: n d floats (half the column copy), one O(n d) pass to build.
 */
final class FloatColumns {

    /** Magnitude from which values get no float copy: far below the float range, so no difference overflows. */
    private static final double LARGEST = 0x1p100;

    /** The columns, {@code values[j * n + t]}, padded like the double column copy. */
    final float[] values;
    /** M: the largest magnitude of a value in the tree. */
    private final double magnitude;

    private FloatColumns(float[] values, double magnitude) {
        this.values = values;
        this.magnitude = magnitude;
    }

    /** A float copy of the padded column copy {@code cols}, or null when a value is too large for the bound. */
    static FloatColumns of(double[] cols) {
        float[] values = new float[cols.length];
        double magnitude = 0;
        for (int i = 0; i < cols.length; i++) {
            values[i] = (float) cols[i];
            magnitude = Math.max(magnitude, Math.abs(cols[i]));
        }
        return magnitude < LARGEST ? new FloatColumns(values, magnitude) : null;
    }

    /**
     * The float threshold T such that |p − q| &lt; r in double precision implies fl(|fl(p) − fl(q)|) &lt; T, for
     * points p and q of the tree (r ≥ 0; an infinite r gives an infinite T, which passes every point).
     */
    float threshold(double r) {
        double t = r + 0x1p-22 * (r + 2 * magnitude) + 0x1p-148;
        return Math.nextUp((float) t);
    }
}
