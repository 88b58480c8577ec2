/** Binary restricted Boltzmann machines, contrastive divergence, and their stacking into deep belief networks. */
package org.milab.plugins.energy.rbm;
