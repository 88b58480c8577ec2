package org.milab.plugins.classic.kde;

/** In-place iterative radix-2 complex FFT on separate real and imaginary arrays, and a linear convolution on it. */
final class Fft {

    private Fft() {
    }

    /** The smallest power of two ≥ {@code m}. */
    static int powerOfTwoAtLeast(int m) {
        int p = 1;
        while (p < m) {
            p <<= 1;
        }
        return p;
    }

    /** Forward (sign −1) or inverse (sign +1, unscaled) transform; the length must be a power of two. */
    static void transform(double[] re, double[] im, int sign) {
        bitReversePermute(re, im);
        for (int len = 2; len <= re.length; len <<= 1) {
            double angle = sign * 2 * Math.PI / len;
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int start = 0; start < re.length; start += len) {
                butterflies(re, im, start, len, wr, wi);
            }
        }
    }

    /** Puts each element at the index whose bits are its own index's, reversed. */
    private static void bitReversePermute(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                swap(re, i, j);
                swap(im, i, j);
            }
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** The butterflies of one block of {@code len} from {@code start}, the twiddle turning by (wr, wi) each step. */
    private static void butterflies(double[] re, double[] im, int start, int len, double wr, double wi) {
        double cr = 1;
        double ci = 0;
        for (int k = 0; k < len / 2; k++) {
            int a = start + k;
            int b = a + len / 2;
            double br = re[b] * cr - im[b] * ci;
            double bi = re[b] * ci + im[b] * cr;
            re[b] = re[a] - br;
            im[b] = im[a] - bi;
            re[a] += br;
            im[a] += bi;
            double nr = cr * wr - ci * wi;
            ci = cr * wi + ci * wr;
            cr = nr;
        }
    }

    /**
     * A symmetric kernel {@code k(a)}, a = −(g−1)..g−1, transformed for convolutions of lines of length g:
     * returns {re, im} of length {@code powerOfTwoAtLeast(2g − 1)}.
     */
    static double[][] kernelSpectrum(double[] halfKernel) {
        int g = halfKernel.length;
        int p = powerOfTwoAtLeast(2 * g - 1);
        double[] re = new double[p];
        double[] im = new double[p];
        re[0] = halfKernel[0];
        for (int a = 1; a < g; a++) {
            re[a] = halfKernel[a];
            re[p - a] = halfKernel[a];
        }
        transform(re, im, -1);
        return new double[][] {re, im};
    }

    /** Replaces {@code line} (length g) by its linear convolution with the kernel of {@code spectrum}. */
    static void convolve(double[] line, double[][] spectrum, double[] re, double[] im) {
        int p = re.length;
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        System.arraycopy(line, 0, re, 0, line.length);
        transform(re, im, -1);
        multiply(re, im, spectrum[0], spectrum[1]);
        transform(re, im, 1);
        for (int i = 0; i < line.length; i++) {
            line[i] = re[i] / p;
        }
    }

    /** (re, im) times (kr, ki), element by element, in place. */
    private static void multiply(double[] re, double[] im, double[] kr, double[] ki) {
        for (int f = 0; f < re.length; f++) {
            double r = re[f] * kr[f] - im[f] * ki[f];
            im[f] = re[f] * ki[f] + im[f] * kr[f];
            re[f] = r;
        }
    }
}
