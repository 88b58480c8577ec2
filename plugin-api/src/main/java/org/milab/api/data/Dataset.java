package org.milab.api.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.milab.api.InvalidDataException;

/**
 * A dataset: {@code n} samples seen through named views (modalities, or the X and Y of an MI task), each a
 * {@link Samples} matrix with the same number of rows, plus the ground truth known for pairs of views. Immutable.
 */
public final class Dataset {

    private final String name;
    private final Map<String, Samples> views;
    private final List<GroundTruth> groundTruth;
    private final Map<String, String> metadata;

    private Dataset(Builder b) {
        requireConsistent(b);
        this.name = b.name;
        this.views = Collections.unmodifiableMap(new LinkedHashMap<>(b.views));
        this.groundTruth = List.copyOf(b.groundTruth);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /** Checks there is a view, all views have the same rows and the ground truth names existing views. */
    private static void requireConsistent(Builder b) {
        if (b.views.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + b.name + "' has no views");
        }
        int n = b.views.values().iterator().next().rows();
        b.views.forEach((view, s) -> {
            if (s.rows() != n) {
                throw new IllegalArgumentException("view '" + view + "' of dataset '" + b.name + "' has " + s.rows()
                        + " rows, expected " + n);
            }
        });
        requireGroundTruthViews(b);
    }

    private static void requireGroundTruthViews(Builder b) {
        for (GroundTruth t : b.groundTruth) {
            if (!b.views.containsKey(t.viewA()) || !b.views.containsKey(t.viewB())) {
                throw new IllegalArgumentException("ground truth names views " + t.viewA() + ", " + t.viewB()
                        + " but the dataset has " + b.views.keySet());
            }
        }
    }

    /** Starts a dataset with a name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The dataset's name. */
    public String name() {
        return name;
    }

    /** Number of samples. */
    public int size() {
        return views.values().iterator().next().rows();
    }

    /** View names in insertion order. */
    public List<String> viewNames() {
        return List.copyOf(views.keySet());
    }

    /**
     * One view.
     *
     * @throws InvalidDataException naming the views that exist
     */
    public Samples view(String viewName) {
        Samples s = views.get(viewName);
        if (s == null) {
            throw new InvalidDataException("dataset '" + name + "' has no view '" + viewName + "'; views are "
                    + views.keySet());
        }
        return s;
    }

    /** Every known ground truth. */
    public List<GroundTruth> groundTruth() {
        return groundTruth;
    }

    /** The true I(a;b) in nats, when known. */
    public Optional<GroundTruth> trueMi(String a, String b) {
        return groundTruth.stream().filter(t -> t.concerns(a, b)).findFirst();
    }

    /** Free-form descriptive metadata (generator settings, source file, checksum). */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", n=" + size() + ", views=" + views.keySet() + "]";
    }

    /** Builds a {@link Dataset}. */
    public static final class Builder {
        private final String name;
        private final Map<String, Samples> views = new LinkedHashMap<>();
        private final List<GroundTruth> groundTruth = new ArrayList<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Adds a view. */
        public Builder view(String viewName, Samples samples) {
            if (views.putIfAbsent(Objects.requireNonNull(viewName), Objects.requireNonNull(samples)) != null) {
                throw new IllegalArgumentException("view '" + viewName + "' added twice");
            }
            return this;
        }

        /** Adds a known MI between two views. */
        public Builder groundTruth(String viewA, String viewB, double nats, String method) {
            groundTruth.add(new GroundTruth(viewA, viewB, nats, method));
            return this;
        }

        /** Adds a metadata entry. */
        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        /** Checks view sizes and ground-truth names. */
        public Dataset build() {
            return new Dataset(this);
        }
    }
}
