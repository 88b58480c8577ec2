/**
 * The {@code information-plane} analysis: I(X;T) and I(T;Y) per layer and captured epoch with any milab estimator,
 * means and t-intervals over seeds, the classic figure and a compression verdict per layer.
 */
package org.milab.plugins.infoplane.plane;
