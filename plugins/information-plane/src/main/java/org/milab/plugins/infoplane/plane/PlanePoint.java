package org.milab.plugins.infoplane.plane;

/**
 * One point of the information plane: what one estimator says about one layer of one seed after one epoch.
 *
 * @param estimator the estimator's spec, e.g. {@code ip-binning(bins=30)}
 * @param seed      seed index
 * @param epoch     epochs trained
 * @param layer     layer index (1 = first hidden)
 * @param name      layer name
 * @param ixt       I(X;T), bits
 * @param ity       I(T;Y), bits
 */
record PlanePoint(String estimator, int seed, int epoch, int layer, String name, double ixt, double ity) {
}
