package org.milab.plugins.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * NumPy arrays as views: a {@code .npy} file becomes view {@code x}; each array {@code name.npy} inside an
 * {@code .npz} archive (stored or deflated) becomes view {@code name}. Arrays must be 1-D or 2-D and have the same
 * number of rows. Each array is read once, straight into its view's array. Cost: O(file size).
 */
@Extension
@Citation(authors = "Harris, C. R., et al.", year = 2020, title = "Array programming with NumPy",
        venue = "Nature 585", doi = "10.1038/s41586-020-2649-2")
public final class NumpyFile implements DatasetProvider {

    static final Parameter<String> PATH = Parameter.string("path").existingPath()
            .description(".npy file (view x) or .npz archive (one view per array, named after it)").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("numpy-file", "Arrays of a NumPy .npy or .npz file as views.", PATH);
    }

    @Override
    public Dataset load(RunContext ctx) {
        Path path = Path.of(ctx.param(PATH));
        Dataset.Builder b = Dataset.builder(path.getFileName().toString()).metadata("path", path.toString());
        try {
            if (path.toString().endsWith(".npz")) {
                addArchiveViews(b, path);
            } else {
                addArrayView(b, path);
            }
            return b.build();
        } catch (IOException e) {
            throw new InvalidDataException(path + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(path + ": arrays differ in their number of rows: " + e.getMessage());
        }
    }

    /** View {@code x} from the .npy file at {@code path}. */
    private static void addArrayView(Dataset.Builder b, Path path) throws IOException {
        try (InputStream in = Sources.open(path)) {
            b.view("x", toSamples(Npy.read(in, path.toString()), "x"));
        }
    }

    /** One view per array of the .npz archive at {@code path}, named after its entry. */
    private static void addArchiveViews(Dataset.Builder b, Path path) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int views = 0;
            while (entries.hasMoreElements()) {
                addEntryView(b, zip, entries.nextElement(), path);
                views++;
            }
            if (views == 0) {
                throw new InvalidDataException(path + ": the archive holds no arrays");
            }
        }
    }

    /** The view of one archive entry, named after it without {@code .npy}. */
    private static void addEntryView(Dataset.Builder b, ZipFile zip, ZipEntry e, Path path) throws IOException {
        String name = e.getName().replaceFirst("\\.npy$", "");
        try (InputStream in = zip.getInputStream(e)) {
            b.view(name, toSamples(Npy.read(in, path + "!" + e.getName()), name));
        }
    }

    @Override
    public Set<String> declaredViews(org.milab.api.param.ParameterValues p) {
        return p.get(PATH).endsWith(".npz") ? Set.of() : Set.of("x");
    }

    private static Samples toSamples(Npy.Matrix m, String name) {
        List<String> cols = m.cols() == 1 ? List.of(name) : Samples.names(name, m.cols());
        return Samples.wrap(m.rows(), m.cols(), m.values(), cols);
    }
}
