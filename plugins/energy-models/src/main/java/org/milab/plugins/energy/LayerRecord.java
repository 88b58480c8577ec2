package org.milab.plugins.energy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.milab.api.data.Samples;
import org.milab.api.train.TrainingResult;
import org.milab.plugins.energy.rbm.Rbm;

/**
 * How the energy models hand their layers to the analyses inside a {@link TrainingResult}, one entry per layer k
 * (1 = nearest the data): {@code layer<k>/states} (the layer's binary state on every data row), and for an RBM layer
 * {@code layer<k>/weights} (V x H), {@code layer<k>/visible-bias} (1 x V) and {@code layer<k>/hidden-bias} (1 x H),
 * for an HFM layer {@code layer<k>/hfm-g} (1 x 1). This class is the only place that knows the keys.
 *
 * @param index  k
 * @param states the layer's states on the data
 * @param rbm    the RBM that produced the layer, when it is one
 * @param hfmG   the HFM's g, when the layer is an HFM
 */
public record LayerRecord(int index, Samples states, Optional<Rbm> rbm, Optional<Double> hfmG) {

    /** Writes an RBM layer into {@code out}. */
    public static void putRbm(Map<String, Samples> out, int k, Samples states, Rbm m) {
        String p = "layer" + k + "/";
        out.put(p + "states", states);
        out.put(p + "weights", Samples.wrap(m.visible(), m.hidden(), m.weights(), Samples.names("h", m.hidden())));
        out.put(p + "visible-bias", Samples.wrap(1, m.visible(), m.visibleBias(), Samples.names("b", m.visible())));
        out.put(p + "hidden-bias", Samples.wrap(1, m.hidden(), m.hiddenBias(), Samples.names("c", m.hidden())));
    }

    /** Writes an HFM layer into {@code out}. */
    public static void putHfm(Map<String, Samples> out, int k, Samples states, double g) {
        out.put("layer" + k + "/states", states);
        out.put("layer" + k + "/hfm-g", Samples.wrap(1, 1, new double[] {g}, List.of("g")));
    }

    /** Every layer of a result, by ascending index. */
    public static List<LayerRecord> read(TrainingResult r) {
        Map<String, Samples> reps = r.representations();
        TreeMap<Integer, LayerRecord> layers = new TreeMap<>();
        for (String key : reps.keySet()) {
            if (key.matches("layer[0-9]+/states")) {
                int k = Integer.parseInt(key.substring(5, key.indexOf('/')));
                String p = "layer" + k + "/";
                Optional<Rbm> rbm = Optional.ofNullable(reps.get(p + "weights")).map(w -> Rbm.of(w.rows(), w.cols(),
                        w.toRowMajor(), reps.get(p + "visible-bias").toRowMajor(),
                        reps.get(p + "hidden-bias").toRowMajor()));
                Optional<Double> g = Optional.ofNullable(reps.get(p + "hfm-g")).map(s -> s.get(0, 0));
                layers.put(k, new LayerRecord(k, reps.get(key), rbm, g));
            }
        }
        return List.copyOf(layers.values());
    }
}
