/**
 * Estimators of the information-plane literature, as ordinary milab {@code Estimator}s: binning on one grid shared by
 * every unit of a layer (equal width, Shwartz-Ziv and Tishby 2017; equal mass, Chelombiev et al. 2019) and the
 * pairwise-distance bounds on the entropy of a Gaussian mixture (Kolchinsky and Tracey 2017), with a fixed noise
 * variance (Saxe et al. 2018) or one scaled to the layer's range (adaptive KDE, Chelombiev et al. 2019).
 */
package org.milab.plugins.infoplane.estimate;
