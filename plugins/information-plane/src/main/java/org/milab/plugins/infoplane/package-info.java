/**
 * The information plane of trained networks (Shwartz-Ziv and Tishby 2017; Saxe et al. 2018; Chelombiev et al.
 * 2019): {@code estimate} holds the estimators those papers use, {@code capture} the training strategy that streams
 * every layer's activations on a probe set to disk at log-spaced epochs, {@code plane} the analysis that turns the
 * captured activations into I(X;T) and I(T;Y) per layer and epoch, with seeds, figures and compression verdicts.
 */
package org.milab.plugins.infoplane;
