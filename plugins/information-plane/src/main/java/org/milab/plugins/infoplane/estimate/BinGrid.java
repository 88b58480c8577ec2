package org.milab.plugins.infoplane.estimate;

/**
 * How one grid of bins is laid over all the values of a layer (every unit and every row pooled), so that all units
 * share the same bin edges, as in the information-plane papers.
 */
interface BinGrid {

    /**
     * The interior bin edges, ascending and distinct, for {@code bins} bins over {@code sortedPooled}; a value v falls
     * into bin {@code #edges <= v}.
     *
     * @param sortedPooled every value of the layer, sorted ascending
     * @param bins         the number of bins wanted (at least 1)
     */
    double[] edges(double[] sortedPooled, int bins);
}
