package org.milab.plugins.files;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Multi-view construction from images stored as rows of h x w grey values: left/right halves, or the image and a
 * corrupted copy (Gaussian noise, box blur or a square occlusion) whose damage grows with a strength in [0, 1].
 */
final class ImageViews {

    /** How the second view is damaged. */
    enum Corruption {
        /** Additive Gaussian noise, sd = strength times the image's value range. */
        NOISE,
        /** Box blur of radius round(strength * min(h, w) / 4). */
        BLUR,
        /** A square of side round(strength * min(h, w)) at a random place set to the minimum value. */
        OCCLUSION
    }

    private ImageViews() {
    }

    /** Columns 0..w/2-1 of each image row (left) or w/2..w-1 (right), row-major per image. */
    static double[] half(double[] images, int n, int h, int w, boolean left) {
        int hw = left ? w / 2 : w - w / 2;
        int off = left ? 0 : w / 2;
        double[] out = new double[n * h * hw];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(images, i * h * w + r * w + off, out, (i * h + r) * hw, hw);
            }
        }
        return out;
    }

    /** A corrupted copy of every image. */
    static double[] corrupt(double[] images, int n, int h, int w, Corruption kind, double strength, RandomGenerator rng) {
        double lo = Arrays.stream(images).reduce(Double.POSITIVE_INFINITY, Math::min);
        double hi = Arrays.stream(images).reduce(Double.NEGATIVE_INFINITY, Math::max);
        double[] out = images.clone();
        switch (kind) {
            case NOISE -> addNoise(out, strength * (hi - lo), rng);
            case BLUR -> blur(images, out, n, h, w, (int) Math.round(strength * Math.min(h, w) / 4.0));
            case OCCLUSION -> occlude(out, n, h, w, (int) Math.round(strength * Math.min(h, w)), lo, rng);
            default -> throw new IllegalStateException(kind.toString());
        }
        return out;
    }

    /** Adds N(0, sd^2) noise to every pixel. */
    private static void addNoise(double[] out, double sd, RandomGenerator rng) {
        for (int i = 0; i < out.length; i++) {
            out[i] += sd * rng.nextGaussian();
        }
    }

    /** Replaces every pixel of the n images by the mean of its (2 rad + 1)^2 box, clipped at the borders. */
    private static void blur(double[] images, double[] out, int n, int h, int w, int rad) {
        int px = h * w;
        for (int i = 0; i < n && rad > 0; i++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    out[i * px + r * w + c] = boxMean(images, i * px, h, w, r, c, rad);
                }
            }
        }
    }

    /** Mean of the pixels of the image at {@code base} within {@code rad} rows and columns of (r, c). */
    private static double boxMean(double[] images, int base, int h, int w, int r, int c, int rad) {
        double s = 0;
        int k = 0;
        for (int dr = -rad; dr <= rad; dr++) {
            for (int dc = -rad; dc <= rad; dc++) {
                int rr = r + dr;
                int cc = c + dc;
                if (rr >= 0 && rr < h && cc >= 0 && cc < w) {
                    s += images[base + rr * w + cc];
                    k++;
                }
            }
        }
        return s / k;
    }

    /** Sets a side x side square at a random place of each image to {@code fill}. */
    private static void occlude(double[] out, int n, int h, int w, int side, double fill, RandomGenerator rng) {
        int px = h * w;
        for (int i = 0; i < n && side > 0; i++) {
            int r0 = rng.nextInt(h - side + 1);
            int c0 = rng.nextInt(w - side + 1);
            for (int r = r0; r < r0 + side; r++) {
                java.util.Arrays.fill(out, i * px + r * w + c0, i * px + r * w + c0 + side, fill);
            }
        }
    }
}
