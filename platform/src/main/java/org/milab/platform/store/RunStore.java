package org.milab.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The run store: an SQLite index of run folders (see the package documentation for the tables and the
 * concurrency design). Thread-safe; one instance holds one connection, and any number of instances and processes
 * may write to one store at once.
 *
 * <pre>{@code
 * try (RunStore store = RunStore.open(url)) {
 *     store.index(runFolder);
 *     store.list(RunFilter.all().experiment("staircase")).forEach(...);
 * }
 * }</pre>
 */
public final class RunStore implements AutoCloseable {

    /** How long a write waits for another process's lock before it fails with a {@link StoreException}. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private static final String SQLITE = "jdbc:sqlite:";

    private final String name;
    private final Connection connection;
    private final Transactions tx;

    private RunStore(String name, Connection connection, Duration lockTimeout) {
        this.name = name;
        this.connection = connection;
        this.tx = new Transactions(connection, name, lockTimeout);
    }

    /**
     * Opens (creating if needed) the store at {@code urlOrPath}: a {@code jdbc:sqlite:FILE} URL or a file path.
     * Missing migrations are applied.
     *
     * @throws StoreException when it is not a SQLite URL, is corrupt, stays locked, or is of a newer schema
     */
    public static RunStore open(String urlOrPath) {
        return open(urlOrPath, DEFAULT_LOCK_TIMEOUT);
    }

    /** {@link #open(String)} with a lock timeout other than {@link #DEFAULT_LOCK_TIMEOUT}. */
    public static RunStore open(String urlOrPath, Duration lockTimeout) {
        String url = url(urlOrPath);
        RunStore store = new RunStore(urlOrPath, connect(url, urlOrPath, lockTimeout), lockTimeout);
        try {
            store.walMode();
            store.tx.write(conn -> Schema.migrate(conn, urlOrPath));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static Connection connect(String url, String urlOrPath, Duration lockTimeout) {
        try {
            return config(lockTimeout).createConnection(url);
        } catch (SQLException e) {
            throw Transactions.translate(urlOrPath, e, lockTimeout);
        }
    }

    /** Waits a quarter of the lock timeout inside SQLite (then retries), takes write locks at once, syncs less. */
    private static SQLiteConfig config(Duration lockTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, lockTimeout.toMillis() / 4)));
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return config;
    }

    /** The store's schema version. */
    public int schemaVersion() {
        return tx.read(c -> {
            try (Statement s = c.createStatement()) {
                return Schema.version(s);
            }
        });
    }

    /**
     * Indexes (or re-indexes) the run folder {@code runFolder}, replacing whatever the store held for it, in one
     * transaction.
     *
     * @throws org.milab.api.ConfigurationException when it is not a readable run folder
     * @throws StoreException                       when the store cannot be written
     */
    public StoredRun index(Path runFolder) {
        RunFolderReader.IndexedRun run = RunFolderReader.read(runFolder);
        tx.write(c -> {
            StoreWriter.replace(c, run);
            return null;
        });
        return run.details().run();
    }

    /** The runs matching {@code filter}, newest first. */
    public List<StoredRun> list(RunFilter filter) {
        return tx.read(c -> StoreReader.list(c, filter));
    }

    /**
     * The run {@code idOrPrefix} (a run id, or a prefix of exactly one).
     *
     * @throws StoreException when a prefix matches several runs
     */
    public Optional<RunDetails> get(String idOrPrefix) {
        return tx.read(c -> {
            Optional<String> id = StoreReader.resolve(c, idOrPrefix, name);
            return id.isPresent() ? StoreReader.details(c, id.get()) : Optional.<RunDetails>empty();
        });
    }

    /** The metric series of run {@code id}, by point, node, metric and step. */
    public List<RunDetails.Metric> metrics(String id) {
        return tx.read(c -> StoreReader.metrics(c, id));
    }

    /** Forgets run {@code idOrPrefix} (its folder is never touched); false when there is no such run. */
    public boolean delete(String idOrPrefix) {
        return tx.write(c -> {
            Optional<String> id = StoreReader.resolve(c, idOrPrefix, name);
            if (id.isPresent()) {
                StoreWriter.delete(c, id.get());
            }
            return id.isPresent();
        });
    }

    /** The store's name as given to {@link #open(String)}. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw Transactions.translate(name, e, Duration.ZERO);
        }
    }

    /** WAL lets readers run beside the one writer; the mode is stored in the file, so this runs once per file. */
    private void walMode() {
        tx.outside(c -> {
            try (Statement s = c.createStatement(); var r = s.executeQuery("PRAGMA journal_mode=WAL")) {
                return r.next() ? r.getString(1) : "";
            }
        });
    }

    private static String url(String urlOrPath) {
        if (urlOrPath.startsWith(SQLITE)) {
            String file = urlOrPath.substring(SQLITE.length());
            createParent(file);
            return urlOrPath;
        }
        if (urlOrPath.startsWith("jdbc:")) {
            throw new StoreException("the run store '" + urlOrPath + "' is not a SQLite URL; milab's store needs "
                    + "jdbc:sqlite:FILE (or a plain file path)");
        }
        Path file = Path.of(urlOrPath).toAbsolutePath();
        createParent(file.toString());
        return SQLITE + file;
    }

    private static void createParent(String file) {
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run store's folder " + parent, e);
        }
    }
}
