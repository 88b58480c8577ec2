package org.milab.plugins.kd;

/** What the model predicts. */
public enum Task {
    /** Class labels, cross-entropy loss, accuracy. */
    CLASSIFICATION,
    /** A real value, half squared-error loss. */
    REGRESSION
}
