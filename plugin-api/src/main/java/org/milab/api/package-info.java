/**
 * The milab plugin API (SPI), version 1.
 *
 * <p>Every extension implements {@link org.milab.api.MilabExtension} through one of the role interfaces:
 * {@link org.milab.api.estimate.Estimator}, {@link org.milab.api.bound.MiBound},
 * {@link org.milab.api.data.DatasetProvider}, {@link org.milab.api.model.ModelFactory},
 * {@link org.milab.api.train.TrainingStrategy}, {@link org.milab.api.train.DistillationLoss} and
 * {@link org.milab.api.analysis.Analysis}. Extensions are stateless: parameters arrive per call through the
 * {@link org.milab.api.RunContext}, already validated against the extension's declared
 * {@link org.milab.api.param.Parameter}s, so one instance is safe to share between threads and runs.
 *
 * <p>Versioning is semantic: removing or changing anything public here is a major version.
 */
package org.milab.api;
