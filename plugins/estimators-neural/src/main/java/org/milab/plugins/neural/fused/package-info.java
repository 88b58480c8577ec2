/**
 * milab's fused CPU kernels for the built-in critics: forward pass, backward pass and Adam of the separable and joint
 * MLP critics on flat float arrays, with the JDK's incubating Vector API ({@code --add-modules
 * jdk.incubator.vector}). {@link org.milab.plugins.neural.fused.FusedCritic} is the entry point; {@code Gemm} is
 * the one matrix-product kernel everything else stands on, {@code DenseStack} an MLP's layers, {@code SeparableNet}
 * and {@code JointNet} the two critics' score matrices. The engine keeps the bound: the trainer hands it the scores
 * and gets dL/dS back.
 */
package org.milab.plugins.neural.fused;
