package org.milab.plugins.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Engine arrays read back into Java floats. */
final class Floats {

    private Floats() {
    }

    /** The values of {@code a} as floats, converted on the engine side first when it is not float32. */
    static float[] of(NDArray a) {
        return (a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false)).toFloatArray();
    }
}
