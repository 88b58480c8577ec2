package org.milab.plugins.synthetic;

/**
 * A smooth injective map applied to each row of a view (R^d to R^outDim(d)). Injective smooth maps of X (or Y)
 * leave I(X;Y) unchanged, which is how the transformed benchmark tasks keep a known ground truth.
 */
interface RowMap {

    /** The identity. */
    RowMap IDENTITY = new RowMap() {
        @Override
        public void apply(double[] in, int inOff, int dim, double[] out, int outOff) {
            System.arraycopy(in, inOff, out, outOff, dim);
        }
    };

    /** Maps {@code dim} values at {@code in[inOff..]} to {@link #outDim(int)} values at {@code out[outOff..]}. */
    void apply(double[] in, int inOff, int dim, double[] out, int outOff);

    /** Output dimension for input dimension {@code dim}; the same unless the map is an embedding. */
    default int outDim(int dim) {
        return dim;
    }

    /** Applies the map to every row of an n x dim row-major array; returns a new array. */
    default double[] applyRows(double[] rows, int n, int dim) {
        int od = outDim(dim);
        double[] out = new double[n * od];
        for (int r = 0; r < n; r++) {
            apply(rows, r * dim, dim, out, r * od);
        }
        return out;
    }

    /** This map followed by {@code next}. */
    default RowMap andThen(RowMap next) {
        RowMap first = this;
        return new RowMap() {
            @Override
            public void apply(double[] in, int inOff, int dim, double[] out, int outOff) {
                double[] mid = new double[first.outDim(dim)];
                first.apply(in, inOff, dim, mid, 0);
                next.apply(mid, 0, mid.length, out, outOff);
            }

            @Override
            public int outDim(int dim) {
                return next.outDim(first.outDim(dim));
            }
        };
    }

    /** A map applying {@code f} to each coordinate separately. */
    static RowMap elementwise(java.util.function.DoubleUnaryOperator f) {
        return (in, inOff, dim, out, outOff) -> {
            for (int i = 0; i < dim; i++) {
                out[outOff + i] = f.applyAsDouble(in[inOff + i]);
            }
        };
    }
}
