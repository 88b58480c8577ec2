/**
 * Classical (non-neural) estimators of mutual information, entropy and conditional mutual information: k-nearest
 * neighbour ({@code knn}), Gaussian closed form ({@code gaussian}), discrete and binned plug-in ({@code discrete}),
 * kernel density ({@code kde}) and matrix-based Rényi ({@code renyi}). Every value is in nats.
 */
package org.milab.plugins.classic;
