package org.milab.platform.run;

import ai.djl.ndarray.NDManager;

/**
 * The tensor scope of a whole run ({@link org.milab.api.RunContext#runManager()}): created on first use, so runs
 * without tensors never load the engine, and closed when the run ends.
 */
public final class RunScope implements AutoCloseable {

    private NDManager manager;

    /** The run's manager, created on first use. */
    public synchronized NDManager manager() {
        if (manager == null) {
            manager = NDManager.newBaseManager();
        }
        return manager;
    }

    @Override
    public synchronized void close() {
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }
}
