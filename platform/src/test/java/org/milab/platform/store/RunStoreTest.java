package org.milab.platform.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run store indexes run folders faithfully and refuses, clearly, stores it cannot use. */
class RunStoreTest {

    @TempDir
    Path tmp;

    private String db() {
        return tmp.resolve("store/runs.db").toString();
    }

    @Test
    void indexesEverythingARunFolderHolds() throws Exception {
        Path run = RunFolders.finished(tmp.resolve("runs"), "20261202-100000-aaaaaa", "staircase", 2);
        try (RunStore store = RunStore.open(db())) {
            StoredRun r = store.index(run);
            assertEquals("staircase", r.experiment());
            assertEquals("ok", r.status());
            RunDetails d = store.get("20261202-100000").orElseThrow();
            assertEquals(2, d.points().size());
            RunDetails.Node ksg = d.points().get(1).nodes().get(1);
            assertEquals("ksg", ksg.id());
            assertEquals(8014745638676040957L, ksg.seed(), "64-bit seeds survive exactly");
            assertEquals(0.2, ksg.estimate().orElseThrow().nats(), 0);
            assertEquals(0.5, ksg.estimate().orElseThrow().truth().getAsDouble(), 0);
            assertEquals(0.01, ksg.estimate().orElseThrow().stderr().getAsDouble(), 0);
            assertEquals("200", d.points().get(1).sweep().get("data.n"));
            assertEquals("200", d.points().get(1).nodes().get(0).parameters().get("n"));
            assertEquals(List.of(new RunDetails.Plugin("estimators-classic", "1.0.0", "ab".repeat(32))),
                    d.plugins());
            assertEquals(List.of("points/0/ksg/artifacts/fig.txt", "points/1/ksg/artifacts/fig.txt"),
                    d.artifacts().stream().map(RunDetails.Artifact::path).toList());
            List<RunDetails.Metric> m = store.metrics(r.id());
            assertEquals(4, m.size());
            assertEquals(new RunDetails.Metric(1, "ksg", "loss", 1, 0.75), m.get(3));
            assertEquals(Schema.LATEST, store.schemaVersion());
        }
    }

    @Test
    void reindexingReplacesInsteadOfDuplicating() {
        Path run = RunFolders.finished(tmp.resolve("runs"), "r1", "e", 3);
        try (RunStore store = RunStore.open(db())) {
            store.index(run);
            store.index(run);
            assertEquals(1, store.list(RunFilter.all()).size());
            assertEquals(6, store.metrics("r1").size());
            assertEquals(3, store.get("r1").orElseThrow().points().size());
        }
    }

    @Test
    void filtersByExperimentAndParameters() {
        try (RunStore store = RunStore.open(db())) {
            store.index(RunFolders.finished(tmp.resolve("runs"), "a", "one", 1));
            store.index(RunFolders.finished(tmp.resolve("runs"), "b", "one", 3));
            store.index(RunFolders.finished(tmp.resolve("runs"), "c", "two", 2));
            assertEquals(List.of("b", "a"), ids(store.list(RunFilter.all().experiment("one"))));
            assertEquals(List.of("c", "b"), ids(store.list(RunFilter.all().where("data.n", "200"))));
            assertEquals(List.of("b"), ids(store.list(RunFilter.all().where("n", "300"))));
            assertEquals(List.of("c", "b", "a"), ids(store.list(RunFilter.all().where("ksg.k", "3"))));
            assertEquals(List.of(), ids(store.list(RunFilter.all().where("ksg.k", "4"))));
            assertTrue(store.delete("b"));
            assertFalse(store.delete("b"));
            assertEquals(List.of("c", "a"), ids(store.list(RunFilter.all())));
            assertTrue(Files.isDirectory(tmp.resolve("runs/one/b")), "deleting never touches the folder");
        }
    }

    @Test
    void aKilledRunIsIndexedFromItsJournal() {
        Path run = RunFolders.killed(tmp.resolve("runs"), "k", "e", 0, 2, 3);
        try (RunStore store = RunStore.open(db())) {
            StoredRun r = store.index(run);
            assertEquals("incomplete", r.status());
            assertEquals(List.of(0, 2, 3), store.get("k").orElseThrow().points().stream()
                    .map(RunDetails.Point::index).toList());
        }
    }

    @Test
    void anAmbiguousPrefixIsAnError() {
        try (RunStore store = RunStore.open(db())) {
            store.index(RunFolders.finished(tmp.resolve("runs"), "x-1", "e", 1));
            store.index(RunFolders.finished(tmp.resolve("runs"), "x-2", "e", 1));
            StoreException e = assertThrows(StoreException.class, () -> store.get("x-"));
            assertTrue(e.getMessage().contains("matches 2 runs"), e.getMessage());
        }
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftUntouched() throws Exception {
        RunStore.open(db()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version VALUES (" + (Schema.LATEST + 1) + ", 'future', 'now')");
        }
        byte[] before = Files.readAllBytes(Path.of(db()));
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(db()));
        assertTrue(e.getMessage().contains("schema version " + (Schema.LATEST + 1) + ", newer than this milab's "
                + Schema.LATEST), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(Path.of(db())));
    }

    @Test
    void aCorruptFileIsAClearErrorAndIsNotOverwritten() throws Exception {
        Path file = Path.of(db());
        Files.createDirectories(file.getParent());
        byte[] garbage = "this is not a database, but it is somebody's file ".repeat(100).getBytes();
        Files.write(file, garbage);
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(file.toString()));
        assertTrue(e.getMessage().contains("is not a SQLite database or is corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains("milab runs import"), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    void aLockHeldTooLongIsAClearErrorAndTheRunCanBeIndexedLater() throws Exception {
        Path run = RunFolders.finished(tmp.resolve("runs"), "late", "e", 1);
        RunStore.open(db()).close();
        try (RunStore store = RunStore.open(db(), Duration.ofMillis(400))) {
            try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db());
                 Statement s = holder.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                StoreException e = assertThrows(StoreException.class, () -> store.index(run));
                assertTrue(e.getMessage().contains("stayed locked"), e.getMessage());
                s.execute("ROLLBACK");
            }
            store.index(run);
            assertEquals(List.of("late"), ids(store.list(RunFilter.all())));
        }
    }

    @Test
    void onlySqliteUrlsAreAccepted() {
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open("jdbc:postgresql://db/runs"));
        assertTrue(e.getMessage().contains("jdbc:sqlite:FILE"), e.getMessage());
    }

    static List<String> ids(List<StoredRun> runs) {
        return runs.stream().map(StoredRun::id).toList();
    }
}
