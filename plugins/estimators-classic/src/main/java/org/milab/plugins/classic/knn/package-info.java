/**
 * k-nearest-neighbour estimators (KSG 1 and 2, Kozachenko–Leonenko entropy, Frenzel–Pompe conditional MI, the
 * mixed discrete–continuous estimators of Ross and of Gao et al.), all in the max norm, on shared kernels: a
 * KD-tree over primitive arrays ({@code KdTreeBuilder} builds it, {@code KdTree} answers queries), sorted
 * one-dimensional marginals ({@code SortedColumn}), and, from eight dimensions on, SIMD leaf scans
 * ({@code VectorLeafScan}, JDK Vector API) and whole-leaf query batches ({@code LeafBatches}). The inputs are
 * checked and prepared once for all of them ({@code NeighbourInputs}), and their per-sample sums run on one
 * parallel kernel ({@code PerSampleSum}).
 */
package org.milab.plugins.classic.knn;
