/** The Hierarchical Feature Model: exact enumeration of its states and maximum-likelihood fitting to data. */
package org.milab.plugins.energy.hfm;
