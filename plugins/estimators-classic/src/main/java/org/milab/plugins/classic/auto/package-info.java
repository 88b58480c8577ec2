/**
 * The {@code auto} estimator: profiles the data (discrete or continuous columns, heavy tails, dimension, sample size),
 * picks an estimator and its preprocessing from that profile, and reports what it chose and why.
 */
package org.milab.plugins.classic.auto;
