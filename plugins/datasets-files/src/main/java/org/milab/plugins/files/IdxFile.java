package org.milab.plugins.files;

import java.nio.file.Path;
import java.util.Set;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.Samples;
import org.milab.api.param.ParameterValues;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * MNIST-style IDX files (gzip or not) as views: {@code data} becomes view {@code x} (each item flattened to one row,
 * e.g. 28x28 images to 784 columns), and an optional {@code labels} file (rank 1) becomes view {@code label}. Each
 * file is read once, straight into its view's array. Cost: O(file size).
 */
@Extension
@Citation(authors = "LeCun, Y., Bottou, L., Bengio, Y., Haffner, P.", year = 1998,
        title = "Gradient-based learning applied to document recognition", venue = "Proceedings of the IEEE 86(11)",
        doi = "10.1109/5.726791")
public final class IdxFile implements DatasetProvider {

    static final Parameter<String> DATA = Parameter.string("data").existingPath()
            .description("IDX file of the items (e.g. train-images-idx3-ubyte.gz); becomes view x").build();
    static final Parameter<String> LABELS = Parameter.string("labels").defaultValue("").existingPath()
            .description("IDX file of one label per item (rank 1); becomes view label; empty: none").build();
    static final Parameter<Integer> LIMIT = Parameter.integer("limit").defaultValue(Integer.MAX_VALUE).min(1)
            .description("read at most this many items").build();
    static final Parameter<Double> SCALE = Parameter.real("scale").defaultValue(1.0).min(0)
            .description("factor applied to the item values, e.g. 1/255 = 0.00392156862745098 for pixels").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("idx-file", "Items (and labels) of MNIST-style IDX files as views.", DATA, LABELS,
                LIMIT, SCALE);
    }

    @Override
    public Set<String> declaredViews(ParameterValues p) {
        return p.get(LABELS).isEmpty() ? Set.of("x") : Set.of("x", "label");
    }

    @Override
    public Dataset load(RunContext ctx) {
        Path data = Path.of(ctx.param(DATA));
        Idx.Array items = Idx.read(data, ctx.param(LIMIT));
        double[] v = scaled(items.values(), ctx.param(SCALE));
        int d = items.itemSize();
        Dataset.Builder b = Dataset.builder(data.getFileName().toString()).metadata("data", data.toString())
                .view("x", Samples.wrap(items.items(), d, v, d == 1 ? java.util.List.of("x") : Samples.names("x", d)));
        if (!ctx.param(LABELS).isEmpty()) {
            addLabels(b, Path.of(ctx.param(LABELS)), ctx.param(LIMIT), items.items(), data);
        }
        return b.build();
    }

    /** {@code v} multiplied in place by {@code scale} (untouched when it is 1). */
    private static double[] scaled(double[] v, double scale) {
        if (scale != 1.0) {
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }

    /** View {@code label} from the rank-1 IDX file {@code labels}, which must hold one label per item. */
    private static void addLabels(Dataset.Builder b, Path labels, int limit, int items, Path data) {
        Idx.Array l = Idx.read(labels, limit);
        if (l.itemSize() != 1 || l.items() != items) {
            throw new org.milab.api.InvalidDataException(labels + ": expected " + items
                    + " labels (one per item of " + data.getFileName() + "), got " + l.items() + " items of "
                    + l.itemSize() + " values");
        }
        b.view("label", Samples.wrap(l.items(), 1, l.values(), java.util.List.of("label")))
                .metadata("labels", labels.toString());
    }
}
