/**
 * Energy-based seed models and the analyses of their internal representations: the Hierarchical Feature Model
 * (Xie and Marsili 2022) solved by exact enumeration, binary RBMs and stacked DBNs trained by contrastive divergence
 * (Hinton 2002; Hinton, Osindero and Teh 2006), relevance H[K] and resolution H[S] (Song, Marsili and Jo 2018;
 * Cubero et al. 2019) and the energy-level spectrum of trained layers (Xie and Marsili 2021).
 */
package org.milab.plugins.energy;
