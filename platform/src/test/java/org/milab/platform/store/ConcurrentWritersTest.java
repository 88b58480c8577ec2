package org.milab.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight writers at once, as threads (each with its own connection) and as separate processes, never fail with
 * "database is locked" and never lose a row.
 */
class ConcurrentWritersTest {

    private static final int WRITERS = 8;
    private static final int RUNS_EACH = 15;

    @TempDir
    Path tmp;

    @Test
    void eightThreadsWritingAtOnceLoseNothing() throws Exception {
        String db = tmp.resolve("runs.db").toString();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(pool.submit(() -> write(db, tmp.resolve("runs"), writer)));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertComplete(db);
    }

    @Test
    void eightProcessesWritingAtOnceLoseNothing() throws Exception {
        String db = tmp.resolve("runs.db").toString();
        RunStore.open(db).close();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            processes.add(new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath,
                    Writer.class.getName(), db, tmp.resolve("runs").toString(), String.valueOf(w))
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("writer-" + w + ".log").toFile()).start());
        }
        for (int w = 0; w < WRITERS; w++) {
            assertEquals(0, processes.get(w).waitFor(), "writer " + w + ": "
                    + Files.readString(tmp.resolve("writer-" + w + ".log")));
        }
        assertComplete(db);
    }

    private static void assertComplete(String db) {
        try (RunStore store = RunStore.open(db)) {
            List<StoredRun> runs = store.list(RunFilter.all());
            assertEquals(WRITERS * RUNS_EACH, runs.size());
            for (StoredRun r : runs) {
                RunDetails d = store.get(r.id()).orElseThrow();
                assertEquals(2, d.points().size(), r.id());
                assertEquals(2, d.points().get(1).nodes().size(), r.id());
                assertEquals(4, store.metrics(r.id()).size(), r.id());
            }
        }
    }

    static void write(String db, Path runs, int writer) {
        try (RunStore store = RunStore.open(db)) {
            for (int i = 0; i < RUNS_EACH; i++) {
                store.index(RunFolders.finished(runs, "w" + writer + "-" + i, "concurrent", 2));
            }
        }
    }

    /** One writer process: {@code Writer DB RUNS_DIR WRITER_INDEX}. */
    public static final class Writer {
        private Writer() {
        }

        /** Indexes this writer's runs. */
        public static void main(String[] args) {
            write(args[0], Path.of(args[1]), Integer.parseInt(args[2]));
        }
    }
}
