/** Variational bounds on mutual information, as functions of a critic's score matrix. */
package org.milab.api.bound;
