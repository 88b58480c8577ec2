/**
 * Numerics shared by the estimator families of this plugin: input checks, preprocessing (scaling, seeded jitter),
 * the digamma function and deterministic chunked parallel sums. Not part of any SPI.
 */
package org.milab.plugins.classic.common;
