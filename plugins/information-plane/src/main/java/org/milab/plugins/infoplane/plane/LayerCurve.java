package org.milab.plugins.infoplane.plane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * One layer's path through the information plane under one estimator: per captured epoch, the mean and t-interval
 * over seeds of I(X;T) and I(T;Y) (bits), plus each seed's own I(X;T) series for the compression verdict.
 *
 * @param estimator estimator spec
 * @param layer     layer index
 * @param name      layer name
 * @param epochs    captured epochs, ascending
 * @param ixt       I(X;T) per epoch
 * @param ity       I(T;Y) per epoch
 * @param perSeed   I(X;T) per seed (outer) and epoch (inner), seeds that have every epoch
 */
record LayerCurve(String estimator, int layer, String name, int[] epochs, List<MeanBand> ixt, List<MeanBand> ity,
                  List<double[]> perSeed) {

    /** Groups points by estimator and layer, in first-seen estimator order and ascending layer order. */
    static List<LayerCurve> of(List<PlanePoint> points, double confidence) {
        Map<String, TreeMap<Integer, List<PlanePoint>>> by = new LinkedHashMap<>();
        for (PlanePoint p : points) {
            by.computeIfAbsent(p.estimator(), k -> new TreeMap<>()).computeIfAbsent(p.layer(), k -> new ArrayList<>())
                    .add(p);
        }
        List<LayerCurve> out = new ArrayList<>();
        by.forEach((est, layers) -> layers.forEach((layer, ps) -> out.add(curve(est, layer, ps, confidence))));
        return out;
    }

    private static LayerCurve curve(String est, int layer, List<PlanePoint> ps, double confidence) {
        TreeSet<Integer> epochSet = new TreeSet<>();
        TreeSet<Integer> seeds = new TreeSet<>();
        Map<Long, PlanePoint> at = new LinkedHashMap<>();
        for (PlanePoint p : ps) {
            epochSet.add(p.epoch());
            seeds.add(p.seed());
            at.put(((long) p.seed() << 32) | p.epoch(), p);
        }
        int[] epochs = epochSet.stream().mapToInt(Integer::intValue).toArray();
        return new LayerCurve(est, layer, ps.get(0).name(), epochs, bands(ps, epochs, PlanePoint::ixt, confidence),
                bands(ps, epochs, PlanePoint::ity, confidence), completeSeries(seeds, epochs, at));
    }

    /** Per epoch, the mean and interval over seeds of {@code value}. */
    private static List<MeanBand> bands(List<PlanePoint> ps, int[] epochs, ToDoubleFunction<PlanePoint> value,
                                        double confidence) {
        List<MeanBand> out = new ArrayList<>();
        for (int e : epochs) {
            out.add(MeanBand.of(ps.stream().filter(p -> p.epoch() == e).mapToDouble(value).toArray(), confidence));
        }
        return out;
    }

    /** The I(X;T) series of every seed that has a point at every epoch; {@code at} is keyed by seed and epoch. */
    private static List<double[]> completeSeries(TreeSet<Integer> seeds, int[] epochs, Map<Long, PlanePoint> at) {
        List<double[]> perSeed = new ArrayList<>();
        for (int s : seeds) {
            double[] series = new double[epochs.length];
            boolean complete = true;
            for (int i = 0; i < epochs.length && complete; i++) {
                PlanePoint p = at.get(((long) s << 32) | epochs[i]);
                complete = p != null;
                series[i] = complete ? p.ixt() : Double.NaN;
            }
            if (complete) {
                perSeed.add(series);
            }
        }
        return perSeed;
    }
}
