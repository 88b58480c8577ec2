package org.milab.api.estimate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.milab.api.EstimationException;
import org.milab.api.InfoUnit;

/**
 * The result of one estimation: a value in nats (never NaN), the number of samples it used, an optional standard
 * error, and named diagnostics (e.g. {@code k}, {@code bandwidth}). Immutable.
 */
public final class Estimate {

    private final double nats;
    private final long sampleCount;
    private final double standardError;
    private final Map<String, Double> diagnostics;

    private Estimate(double nats, long sampleCount, double standardError, Map<String, Double> diagnostics) {
        if (Double.isNaN(nats)) {
            throw new EstimationException("the estimate is NaN; this is a bug in the estimator or a numerical "
                    + "breakdown it failed to report");
        }
        if (sampleCount < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, got " + sampleCount);
        }
        this.nats = nats;
        this.sampleCount = sampleCount;
        this.standardError = standardError;
        this.diagnostics = diagnostics;
    }

    /** A point estimate from {@code sampleCount} samples. */
    public static Estimate of(double nats, long sampleCount) {
        return new Estimate(nats, sampleCount, Double.NaN, Map.of());
    }

    /** This estimate with a standard error (nats). */
    public Estimate withStandardError(double nats) {
        if (!(nats >= 0)) {
            throw new IllegalArgumentException("standard error must be >= 0, got " + nats);
        }
        return new Estimate(this.nats, sampleCount, nats, diagnostics);
    }

    /** This estimate with one more diagnostic value. */
    public Estimate withDiagnostic(String name, double value) {
        Map<String, Double> d = new LinkedHashMap<>(diagnostics);
        d.put(Objects.requireNonNull(name, "name"), value);
        return new Estimate(nats, sampleCount, standardError, Collections.unmodifiableMap(d));
    }

    /** The estimate in nats. */
    public double nats() {
        return nats;
    }

    /** The estimate in {@code unit}. */
    public double in(InfoUnit unit) {
        return unit.fromNats(nats);
    }

    /** Number of samples used. */
    public long sampleCount() {
        return sampleCount;
    }

    /** Standard error in nats, when computed. */
    public OptionalDouble standardError() {
        return Double.isNaN(standardError) ? OptionalDouble.empty() : OptionalDouble.of(standardError);
    }

    /** Diagnostics by name, in insertion order. */
    public Map<String, Double> diagnostics() {
        return diagnostics;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.6f nats (n=%d%s)", nats, sampleCount,
                standardError().isPresent() ? String.format(java.util.Locale.ROOT, ", se=%.6f", standardError) : "");
    }
}
