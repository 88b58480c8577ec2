/** Closed-form mutual information under a joint Gaussian model, from canonical correlations. */
package org.milab.plugins.classic.gaussian;
