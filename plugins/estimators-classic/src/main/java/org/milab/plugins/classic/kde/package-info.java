/**
 * Kernel density (Gaussian kernel) estimators of mutual information: exact pairwise sums ({@code kde}) and an
 * FFT-convolved binned approximation for one-dimensional X and Y ({@code kde-fft}).
 */
package org.milab.plugins.classic.kde;
