package org.milab.plugins.files;

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
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : images) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] out = images.clone();
        int px = h * w;
        switch (kind) {
            case NOISE -> {
                double sd = strength * (hi - lo);
                for (int i = 0; i < out.length; i++) {
                    out[i] += sd * rng.nextGaussian();
                }
            }
            case BLUR -> {
                int rad = (int) Math.round(strength * Math.min(h, w) / 4.0);
                for (int i = 0; i < n && rad > 0; i++) {
                    for (int r = 0; r < h; r++) {
                        for (int c = 0; c < w; c++) {
                            double s = 0;
                            int k = 0;
                            for (int dr = -rad; dr <= rad; dr++) {
                                for (int dc = -rad; dc <= rad; dc++) {
                                    int rr = r + dr;
                                    int cc = c + dc;
                                    if (rr >= 0 && rr < h && cc >= 0 && cc < w) {
                                        s += images[i * px + rr * w + cc];
                                        k++;
                                    }
                                }
                            }
                            out[i * px + r * w + c] = s / k;
                        }
                    }
                }
            }
            case OCCLUSION -> {
                int side = (int) Math.round(strength * Math.min(h, w));
                for (int i = 0; i < n && side > 0; i++) {
                    int r0 = rng.nextInt(h - side + 1);
                    int c0 = rng.nextInt(w - side + 1);
                    for (int r = r0; r < r0 + side; r++) {
                        java.util.Arrays.fill(out, i * px + r * w + c0, i * px + r * w + c0 + side, lo);
                    }
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return out;
    }
}
