package org.milab.api;

/**
 * Units of information. Every estimate in milab is computed and stored in {@link #NATS}; other units exist for
 * display only, chosen per call, never by a global setting.
 */
public enum InfoUnit {
    /** Natural logarithm. */
    NATS(1.0),
    /** Base-2 logarithm. */
    BITS(1.0 / Math.log(2.0));

    private final double perNat;

    InfoUnit(double perNat) {
        this.perNat = perNat;
    }

    /** Converts a value in nats to this unit. */
    public double fromNats(double nats) {
        return nats * perNat;
    }
}
