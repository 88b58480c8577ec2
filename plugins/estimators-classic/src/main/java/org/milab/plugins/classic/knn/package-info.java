/**
 * k-nearest-neighbour estimators (KSG 1 and 2, Kozachenko–Leonenko entropy, Frenzel–Pompe conditional MI, the
 * mixed discrete–continuous estimators of Ross and of Gao et al.), all in the max norm, on shared kernels: a
 * KD-tree over primitive arrays ({@code KdTree}) and sorted one-dimensional marginals ({@code SortedColumn}).
 */
package org.milab.plugins.classic.knn;
