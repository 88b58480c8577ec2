package org.milab.platform.run;

import java.nio.file.Path;
import java.util.Optional;
import org.milab.api.ConfigurationException;
import java.util.function.Consumer;

/**
 * How to run: points in parallel, the node cache, resuming, and the run store to index the run folder in.
 *
 * @param jobs     sweep points run at once (1: one after another); at most {@code jobs} points are in memory
 * @param cacheDir the node cache's folder; empty disables the cache ({@code --no-cache})
 * @param resume   continue the newest unfinished run folder of the experiment instead of starting a new one
 * @param recorded told the run folder once the run has ended, whether ok, failed or cancelled (the CLI indexes it
 *                 in the run store: {@code store::index}); its errors become warnings, the folder is kept
 */
public record RunOptions(int jobs, Optional<Path> cacheDir, boolean resume, Consumer<Path> recorded) {

    /** Checks {@code jobs}. */
    public RunOptions {
        if (jobs < 1) {
            throw new ConfigurationException("--jobs " + jobs, "must be at least 1");
        }
    }

    /** One point at a time, no cache, a new run folder, nobody told. */
    public static RunOptions defaults() {
        return new RunOptions(1, Optional.empty(), false, folder -> { });
    }
}
