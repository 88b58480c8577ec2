package org.milab.api.estimate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.milab.api.EstimationException;
import org.milab.api.InfoUnit;

/**
 * The result of one estimation: a value in nats (never NaN), the number of samples it used, an optional standard
 * error, named diagnostics (e.g. {@code k}, {@code bandwidth}), warnings (sentences saying which assumption of the
 * estimator the data break and what to do, shown beside the value in every output) and, for an estimator of
 * something other than Shannon mutual information, what it estimates. Immutable.
 */
public final class Estimate {

    private final double nats;
    private final long sampleCount;
    private final double standardError;
    private final Map<String, Double> diagnostics;
    private final List<String> warnings;
    private final List<String> notes;
    private final String quantity;

    private Estimate(double nats, long sampleCount, double standardError, Map<String, Double> diagnostics,
                     List<String> warnings, List<String> notes, String quantity) {
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
        this.warnings = warnings;
        this.notes = notes;
        this.quantity = quantity;
    }

    /** A point estimate from {@code sampleCount} samples. */
    public static Estimate of(double nats, long sampleCount) {
        return new Estimate(nats, sampleCount, Double.NaN, Map.of(), List.of(), List.of(), null);
    }

    /** This estimate with a standard error (nats). */
    public Estimate withStandardError(double nats) {
        if (!(nats >= 0)) {
            throw new IllegalArgumentException("standard error must be >= 0, got " + nats);
        }
        return new Estimate(this.nats, sampleCount, nats, diagnostics, warnings, notes, quantity);
    }

    /** This estimate with one more diagnostic value. */
    public Estimate withDiagnostic(String name, double value) {
        Map<String, Double> d = new LinkedHashMap<>(diagnostics);
        d.put(Objects.requireNonNull(name, "name"), value);
        return new Estimate(nats, sampleCount, standardError, Collections.unmodifiableMap(d), warnings, notes,
                quantity);
    }

    /**
     * This estimate with one more warning: a plain sentence naming the assumption the data break (e.g. too few
     * samples per bin) and what to do instead. Hosts show warnings beside the value, in text and JSON.
     *
     * @since 1.1.0
     */
    public Estimate withWarning(String sentence) {
        if (Objects.requireNonNull(sentence, "sentence").isBlank()) {
            throw new IllegalArgumentException("a warning needs a sentence");
        }
        List<String> w = new ArrayList<>(warnings);
        w.add(sentence);
        return new Estimate(nats, sampleCount, standardError, diagnostics, List.copyOf(w), notes, quantity);
    }

    /**
     * This estimate labelled as a quantity other than Shannon mutual information (e.g. {@code matrix Renyi
     * alpha-order mutual information, alpha = 1.01}); hosts then show the label and never compare the value with a
     * Shannon ground truth.
     *
     * @since 1.1.0
     */
    public Estimate withQuantity(String label) {
        if (Objects.requireNonNull(label, "label").isBlank()) {
            throw new IllegalArgumentException("a quantity needs a label");
        }
        return new Estimate(nats, sampleCount, standardError, diagnostics, warnings, notes, label);
    }

    /**
     * This estimate with one more note: a plain sentence about how it was obtained (e.g. which method an automatic
     * estimator chose and why), shown beside the value like a warning but not one.
     *
     * @since 1.1.0
     */
    public Estimate withNote(String sentence) {
        if (Objects.requireNonNull(sentence, "sentence").isBlank()) {
            throw new IllegalArgumentException("a note needs a sentence");
        }
        List<String> n = new ArrayList<>(notes);
        n.add(sentence);
        return new Estimate(nats, sampleCount, standardError, diagnostics, warnings, List.copyOf(n), quantity);
    }

    /**
     * Notes in the order added.
     *
     * @since 1.1.0
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * Warnings in the order added; empty when every assumption held.
     *
     * @since 1.1.0
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * What the value estimates when it is not Shannon mutual information (or entropy); empty for Shannon.
     *
     * @since 1.1.0
     */
    public Optional<String> quantity() {
        return Optional.ofNullable(quantity);
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
