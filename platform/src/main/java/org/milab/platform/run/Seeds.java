package org.milab.platform.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Node seeds: the first 8 bytes of SHA-256(experiment seed, node id). Stable across JVMs and independent of the
 * order in which nodes run, so the same graph and seed give the same numbers.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The seed of {@code nodeId} in an experiment seeded with {@code experimentSeed}. */
    public static long derive(long experimentSeed, String nodeId) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(ByteBuffer.allocate(8).putLong(experimentSeed).array());
            md.update(nodeId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(md.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
