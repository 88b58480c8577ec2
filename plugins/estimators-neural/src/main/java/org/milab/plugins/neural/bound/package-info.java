/**
 * The variational bounds on I(X;Y), one {@link org.milab.api.bound.MiBound} per published bound. Every bound reads
 * an {@code n x n} score matrix {@code f[i][j] = f(x_i, y_j)}: the diagonal holds the n paired samples, the
 * {@code n(n-1)} off-diagonal entries stand for samples of the product of marginals. Shared numerics live in the
 * package-private {@code Scores} kernel.
 */
package org.milab.plugins.neural.bound;
