package org.milab.plugins.infoplane.capture;

import java.nio.file.Path;

/**
 * One captured matrix: the activations of one layer on the probe rows, after one epoch of one seed.
 *
 * @param seed  index of the seed (0-based)
 * @param epoch training epochs done (0: the initialisation)
 * @param layer index of the layer (1 = first hidden layer; the output layer last)
 * @param name  the layer's name, e.g. {@code hidden1} or {@code output}
 * @param rows  probe rows
 * @param cols  units of the layer
 * @param file  the float32 file, little-endian, row-major
 */
public record Snapshot(int seed, int epoch, int layer, String name, int rows, int cols, Path file) {
}
