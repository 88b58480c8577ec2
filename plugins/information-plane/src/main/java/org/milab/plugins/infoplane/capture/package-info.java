/**
 * Activation capture: a training strategy that trains a DJL network and streams every layer's activations on a
 * fixed probe set to the run's artifacts folder at log-spaced epochs (float32, one file per seed, epoch and layer,
 * indexed by a manifest), so that no more than one snapshot is ever held in memory.
 */
package org.milab.plugins.infoplane.capture;
