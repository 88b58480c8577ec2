/** Estimates and the estimator extension points (mutual information, entropy, conditional MI). */
package org.milab.api.estimate;
