/**
 * Critics for the variational bounds, built through the {@link org.milab.api.model.ModelFactory} extension point.
 *
 * <p><b>The critic convention</b> (what a lab's own critic factory follows): {@code build} receives
 * {@link org.milab.plugins.neural.critic.CriticShapes#of(long, long, long) Shape(batch, dx, dy)}; the block's
 * forward takes {@code NDList(x, y)} with {@code x} of shape {@code (n, dx)} and {@code y} of shape {@code (n, dy)}
 * and returns {@code NDList(scores)} of shape {@code (n, n)} with {@code scores[i][j] = f(x_i, y_j)} (or
 * {@code log q(y_j | x_i)} for a log-density critic); the trainer initialises it with the two input shapes
 * {@code (n, dx)} and {@code (n, dy)}.
 */
package org.milab.plugins.neural.critic;
