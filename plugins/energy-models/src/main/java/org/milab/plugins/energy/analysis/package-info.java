/** Relevance and resolution of internal representations, and the energy-level spectrum of trained layers. */
package org.milab.plugins.energy.analysis;
