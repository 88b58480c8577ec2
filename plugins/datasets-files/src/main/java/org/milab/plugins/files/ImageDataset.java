package org.milab.plugins.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.milab.api.Citation;
import org.milab.api.ConfigurationException;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabException;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;
import org.pf4j.Extension;

/**
 * Named image datasets read from a local folder: MNIST, Fashion-MNIST (IDX, gzip) and the UCI 8 x 8 optical digits
 * (CSV), with multi-view construction and seeded stratified splits.
 *
 * <p>Files looked for in {@code dir}: MNIST and Fashion-MNIST {@code train-} or {@code t10k-images-idx3-ubyte.gz}
 * and {@code ...-labels-idx1-ubyte.gz} (the originals), or {@code images-idx3-ubyte.gz} and
 * {@code labels-idx1-ubyte.gz} (a single-part copy, as in {@code shared/data/mnist-10k}); UCI digits
 * {@code uci-digits-8x8.csv.gz} or the original {@code optdigits.tra} / {@code optdigits.tes} (64 values 0..16, then
 * the label). With {@code download: true} and a network, missing MNIST / Fashion-MNIST originals are fetched and
 * their MD5 checked against the published checksums before use; offline, the error says which files to put where.
 * Pixels are scaled to [0, 1]. Views: {@code x} and {@code label}; with {@code views: halves}, {@code left},
 * {@code right} and {@code label}; with {@code views: corrupted}, {@code x}, {@code corrupted} and {@code label}.
 * Cost: one pass over the files, one double per pixel.
 */
@Extension
@Citation(authors = "LeCun, Y., Bottou, L., Bengio, Y., Haffner, P.", year = 1998,
        title = "Gradient-based learning applied to document recognition", venue = "Proceedings of the IEEE 86(11)",
        doi = "10.1109/5.726791")
@Citation(authors = "Xiao, H., Rasul, K., Vollgraf, R.", year = 2017,
        title = "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms",
        arxiv = "1708.07747")
@Citation(authors = "Alpaydin, E., Kaynak, C.", year = 1998, title = "Optical Recognition of Handwritten Digits",
        venue = "UCI Machine Learning Repository", doi = "10.24432/C50P49")
public final class ImageDataset implements DatasetProvider {

    /** The named datasets. */
    public enum Name {
        /** Handwritten digits, 28 x 28. */
        MNIST("https://ossci-datasets.s3.amazonaws.com/mnist/", "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                "d53e105ee54ea40749a09fcbcd1e9432", "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"),
        /** Zalando clothing images, 28 x 28. */
        FASHION_MNIST("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                "25c81989df183df01b3e8a0aad5dffbe", "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310"),
        /** UCI optical digits, 8 x 8, grey levels 0..16. */
        UCI_DIGITS(null);

        private final String url;
        private final String[] md5;

        Name(String url, String... md5) {
            this.url = url;
            this.md5 = md5;
        }
    }

    /** Which original file set to read. */
    public enum FileSet {
        /** The training files. */
        TRAIN,
        /** The test files ({@code t10k-}, {@code optdigits.tes}). */
        TEST
    }

    /** How the views are built. */
    public enum Views {
        /** The whole image as {@code x}. */
        IMAGE,
        /** Left and right halves as two views. */
        HALVES,
        /** The image and a corrupted copy. */
        CORRUPTED
    }

    static final Parameter<Name> NAME = Parameter.choice("name", Name.class).defaultValue(Name.MNIST)
            .description("which dataset").build();
    static final Parameter<String> DIR = Parameter.string("dir").existingPath()
            .description("local folder holding the dataset's files").build();
    static final Parameter<FileSet> FILES = Parameter.choice("files", FileSet.class).defaultValue(FileSet.TRAIN)
            .description("original file set to read when the folder holds both").build();
    static final Parameter<Boolean> DOWNLOAD = Parameter.bool("download").defaultValue(false)
            .description("fetch missing originals (MNIST, Fashion-MNIST) and verify their MD5 before use").build();
    static final Parameter<Views> VIEWS = Parameter.choice("views", Views.class).defaultValue(Views.IMAGE)
            .description("view construction: the image, left/right halves, or the image and a corrupted copy").build();
    static final Parameter<ImageViews.Corruption> CORRUPTION = Parameter.choice("corruption", ImageViews.Corruption.class)
            .defaultValue(ImageViews.Corruption.NOISE).description("damage applied to the corrupted copy").build();
    static final Parameter<Double> STRENGTH = Parameter.real("strength").defaultValue(0.3).range(0, 1)
            .description("strength of the corruption, 0 (none) to 1").build();
    static final Parameter<Splits.Part> SPLIT = Parameter.choice("split", Splits.Part.class).defaultValue(Splits.Part.ALL)
            .description("part of a seeded, stratified train/validation/test split to return").build();
    static final Parameter<Double> VALIDATION = Parameter.real("validation-fraction").defaultValue(0.1).range(0, 1)
            .description("fraction of each class in the validation part").build();
    static final Parameter<Double> TEST = Parameter.real("test-fraction").defaultValue(0.2).range(0, 1)
            .description("fraction of each class in the test part").build();
    static final Parameter<Integer> LIMIT = Parameter.integer("limit").defaultValue(Integer.MAX_VALUE).min(1)
            .description("read at most this many images (before splitting)").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("image-dataset",
                "MNIST, Fashion-MNIST or UCI 8x8 digits from a local folder, as image views with labels and splits.",
                NAME, DIR, FILES, DOWNLOAD, VIEWS, CORRUPTION, STRENGTH, SPLIT, VALIDATION, TEST, LIMIT);
    }

    @Override
    public Set<String> declaredViews(ParameterValues p) {
        Set<String> v = new LinkedHashSet<>();
        switch (p.get(VIEWS)) {
            case HALVES -> v.addAll(List.of("left", "right"));
            case CORRUPTED -> v.addAll(List.of("x", "corrupted"));
            default -> v.add("x");
        }
        v.add("label");
        return v;
    }

    @Override
    public Dataset load(RunContext ctx) {
        Name name = ctx.param(NAME);
        Path dir = Path.of(ctx.param(DIR));
        requireFractionsFit(ctx);
        Images img = name == Name.UCI_DIGITS ? uci(dir, ctx.param(FILES), ctx.param(LIMIT))
                : idx(name, dir, ctx.param(FILES), ctx.param(DOWNLOAD), ctx.param(LIMIT));
        int[] rows = Splits.rows(img.n, img.labels, ctx.param(VALIDATION), ctx.param(TEST), ctx.param(SPLIT),
                ctx.splittableRandom());
        Dataset.Builder b = Dataset.builder(NAME.format(name))
                .metadata("source", img.source).metadata("height", Integer.toString(img.h))
                .metadata("width", Integer.toString(img.w));
        addImageViews(b, img, rows, ctx);
        return b.view("label", Samples.wrap(img.n, 1, img.labels, List.of("label")).selectRows(rows)).build();
    }

    private static void requireFractionsFit(RunContext ctx) {
        if (ctx.param(VALIDATION) + ctx.param(TEST) > 1) {
            throw new ConfigurationException("parameters 'validation-fraction', 'test-fraction'",
                    "add up to more than 1");
        }
    }

    /** Adds the views that parameter {@code views} asks for, built from the selected {@code rows}. */
    private static void addImageViews(Dataset.Builder b, Images img, int[] rows, RunContext ctx) {
        int px = img.h * img.w;
        Samples all = Samples.wrap(img.n, px, img.pixels, Samples.names("p", px)).selectRows(rows);
        switch (ctx.param(VIEWS)) {
            case HALVES -> addHalves(b, img, all.toRowMajor(), rows.length);
            case CORRUPTED -> {
                b.view("x", all);
                b.view("corrupted", Samples.wrap(rows.length, px, ImageViews.corrupt(all.toRowMajor(), rows.length,
                        img.h, img.w, ctx.param(CORRUPTION), ctx.param(STRENGTH), ctx.splittableRandom()),
                        Samples.names("c", px)));
            }
            default -> b.view("x", all);
        }
    }

    /** Views {@code left} and {@code right}: the left half of each image (rounded down) and the rest. */
    private static void addHalves(Dataset.Builder b, Images img, double[] x, int n) {
        int lw = img.w / 2;
        int rw = img.w - lw;
        b.view("left", Samples.wrap(n, img.h * lw, ImageViews.half(x, n, img.h, img.w, true),
                Samples.names("l", img.h * lw)));
        b.view("right", Samples.wrap(n, img.h * rw, ImageViews.half(x, n, img.h, img.w, false),
                Samples.names("r", img.h * rw)));
    }

    /** Decoded images: n rows of h x w values in [0, 1], and labels. */
    record Images(int n, int h, int w, double[] pixels, double[] labels, String source) {
    }

    /** The image file and the label file of an IDX dataset. */
    private record IdxFiles(Path images, Path labels) {
    }

    private static Images idx(Name name, Path dir, FileSet set, boolean download, int limit) {
        IdxFiles files = idxFiles(name, dir, set, download);
        Idx.Array im = Idx.read(files.images(), limit);
        Idx.Array lab = Idx.read(files.labels(), limit);
        if (im.sizes().length != 3 || lab.items() != im.items()) {
            throw new InvalidDataException(files.images() + ": expected n x h x w images and as many labels, got sizes "
                    + java.util.Arrays.toString(im.sizes()) + " and " + lab.items() + " labels");
        }
        double[] v = im.values();
        for (int i = 0; i < v.length; i++) {
            v[i] /= 255.0;
        }
        return new Images(im.items(), im.sizes()[1], im.sizes()[2], v, lab.values(), files.images().toString());
    }

    /** The originals of {@code set}, else a single-part copy, else the originals fetched when allowed. */
    private static IdxFiles idxFiles(Name name, Path dir, FileSet set, boolean download) {
        String prefix = set == FileSet.TRAIN ? "train-" : "t10k-";
        IdxFiles originals = new IdxFiles(dir.resolve(prefix + "images-idx3-ubyte.gz"),
                dir.resolve(prefix + "labels-idx1-ubyte.gz"));
        if (!Files.exists(originals.images()) && Files.exists(dir.resolve("images-idx3-ubyte.gz"))) {
            return new IdxFiles(dir.resolve("images-idx3-ubyte.gz"), dir.resolve("labels-idx1-ubyte.gz"));
        }
        if (!Files.exists(originals.images()) || !Files.exists(originals.labels())) {
            fetchOriginals(name, dir, set == FileSet.TRAIN ? 0 : 2, download, originals);
        }
        return originals;
    }

    /** Downloads both originals, {@code base} indexing their MD5s, or says where to put them when offline. */
    private static void fetchOriginals(Name name, Path dir, int base, boolean download, IdxFiles files) {
        if (!download) {
            throw new InvalidDataException(NAME.format(name) + " files are not in " + dir.toAbsolutePath()
                    + ": put " + files.images().getFileName() + " and " + files.labels().getFileName() + " there (from "
                    + name.url + "), or set download: true when online");
        }
        fetch(name.url + files.images().getFileName(), files.images(), name.md5[base]);
        fetch(name.url + files.labels().getFileName(), files.labels(), name.md5[base + 1]);
    }

    private static Images uci(Path dir, FileSet set, int limit) {
        Path file = uciFile(dir, set);
        CsvFile.Growable px = new CsvFile.Growable(64);
        CsvFile.Growable lab = new CsvFile.Growable(1);
        int n;
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(Sources.open(file),
                java.nio.charset.StandardCharsets.US_ASCII))) {
            n = readUciRows(r, file, limit, px, lab);
        } catch (IOException e) {
            throw new InvalidDataException(file + ": " + e.getMessage());
        }
        return new Images(n, 8, 8, px.trim(), lab.trim(), file.toString());
    }

    /** The single-file copy, else the original file of {@code set}. */
    private static Path uciFile(Path dir, FileSet set) {
        Path file = dir.resolve("uci-digits-8x8.csv.gz");
        if (!Files.exists(file)) {
            file = dir.resolve(set == FileSet.TRAIN ? "optdigits.tra" : "optdigits.tes");
        }
        if (!Files.exists(file)) {
            throw new InvalidDataException("UCI digits are not in " + dir.toAbsolutePath() + ": put "
                    + "uci-digits-8x8.csv.gz (64 values then the label per line) or optdigits.tra / optdigits.tes from "
                    + "https://archive.ics.uci.edu/dataset/80 there (no automatic download: no published checksum)");
        }
        return file;
    }

    /** Reads up to {@code limit} non-blank lines into {@code px} (scaled to [0, 1]) and {@code lab}; their count. */
    private static int readUciRows(java.io.BufferedReader r, Path file, int limit, CsvFile.Growable px,
                                   CsvFile.Growable lab) throws IOException {
        String line;
        int lineNo = 0;
        int n = 0;
        while ((line = r.readLine()) != null && n < limit) {
            lineNo++;
            if (!line.isBlank()) {
                addUciRow(line.split(","), file, lineNo, px, lab);
                n++;
            }
        }
        return n;
    }

    private static void addUciRow(String[] f, Path file, int lineNo, CsvFile.Growable px, CsvFile.Growable lab) {
        if (f.length != 65) {
            throw new InvalidDataException(file + ": line " + lineNo + " has " + f.length
                    + " fields, expected 64 pixel values and a label");
        }
        try {
            for (int i = 0; i < 64; i++) {
                px.add(Double.parseDouble(f[i].trim()) / 16.0);
            }
            lab.add(Double.parseDouble(f[64].trim()));
        } catch (NumberFormatException e) {
            throw new InvalidDataException(file + ": line " + lineNo + " holds a non-number: " + e.getMessage());
        }
    }

    /** Downloads {@code url} to {@code target} through a temporary file, keeping it only when the MD5 matches. */
    static void fetch(String url, Path target, String md5) {
        try {
            Path tmp = download(url, target.toAbsolutePath().getParent());
            requireMd5(url, tmp, md5);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MilabException("cannot download " + url + " (offline?): " + e.getMessage()
                    + "; put the file at " + target.toAbsolutePath() + " instead", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MilabException("download of " + url + " was interrupted", e);
        }
    }

    /** Downloads {@code url} into a new temporary file in {@code folder}. */
    private static Path download(String url, Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "download", ".part");
        HttpResponse<Path> resp = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(tmp));
        if (resp.statusCode() != 200) {
            Files.deleteIfExists(tmp);
            throw new MilabException("download of " + url + " failed with HTTP " + resp.statusCode());
        }
        return tmp;
    }

    /** Fails, deleting {@code tmp}, unless its MD5 is {@code md5}. */
    private static void requireMd5(String url, Path tmp, String md5) throws IOException {
        String got = md5(tmp);
        if (!got.equals(md5)) {
            Files.deleteIfExists(tmp);
            throw new MilabException("download of " + url + " has MD5 " + got + ", expected " + md5
                    + "; the file was discarded");
        }
    }

    /** Hex MD5 of a file. */
    static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("MD5");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java platform", e);
        }
    }
}
