package org.milab.platform.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Runs units of work on one SQLite connection, each as one transaction ({@code BEGIN IMMEDIATE}, so a writer takes
 * the write lock up front and never has to upgrade it), retried with jittered exponential back-off while another
 * connection holds the lock. SQLite's own busy timeout waits inside each attempt; this loop covers the cases it
 * does not (a busy snapshot in WAL mode, a lock at {@code BEGIN}). Errors other than "busy" are translated into
 * {@link StoreException}s at once.
 */
final class Transactions {

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private final Connection connection;
    private final String store;
    private final Duration lockTimeout;
    private final SplittableRandom jitter = new SplittableRandom();

    Transactions(Connection connection, String store, Duration lockTimeout) {
        this.connection = connection;
        this.store = store;
        this.lockTimeout = lockTimeout;
    }

    /** Runs {@code work} in a transaction, committing it; retries while the store is busy. */
    <T> T write(Work<T> work) {
        return attempt(work, true);
    }

    /** Runs {@code work} outside a transaction (for pragmas that refuse to run inside one), retrying while busy. */
    <T> T outside(Work<T> work) {
        return attempt(work, false);
    }

    private synchronized <T> T attempt(Work<T> work, boolean transaction) {
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        long backoffMillis = 5;
        while (true) {
            try {
                return once(work, transaction);
            } catch (SQLException e) {
                rollBackUnlessRetrying(e, deadline);
            } finally {
                restoreAutoCommit();
            }
            backoffMillis = backOff(backoffMillis);
        }
    }

    /** Rolls back; unless the store is busy and the deadline is ahead, throws {@code e} in words. */
    private void rollBackUnlessRetrying(SQLException e, long deadline) {
        rollback();
        if (!busy(e) || System.nanoTime() > deadline) {
            throw translate(store, e, lockTimeout);
        }
    }

    private <T> T once(Work<T> work, boolean transaction) throws SQLException {
        connection.setAutoCommit(!transaction);
        T result = work.run(connection);
        if (transaction) {
            connection.commit();
        }
        return result;
    }

    /** Sleeps about {@code backoffMillis} (with jitter); the next, doubled back-off, at most 250 ms. */
    private long backOff(long backoffMillis) {
        sleep(backoffMillis + jitter.nextLong(backoffMillis + 1));
        return Math.min(backoffMillis * 2, 250);
    }

    /** Runs a read; reads in WAL mode see the last commit and are retried like writes when the file is busy. */
    <T> T read(Work<T> work) {
        return write(work);
    }

    /** Whether {@code e} means "another connection holds the lock". */
    static boolean busy(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        String m = String.valueOf(e.getMessage());
        return code == SQLITE_BUSY || code == SQLITE_LOCKED || m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED");
    }

    /** A store error in words: locked too long, corrupt, or another SQL failure. */
    static StoreException translate(String store, SQLException e, Duration lockTimeout) {
        int code = e.getErrorCode() & 0xff;
        String m = String.valueOf(e.getMessage());
        if (busy(e)) {
            return new StoreException("the run store " + store + " stayed locked by another process for more than "
                    + lockTimeout.toSeconds() + " s; nothing was written (run folders are intact: index them later "
                    + "with 'milab runs import DIR')", e);
        }
        if (corrupt(code, m)) {
            return new StoreException("the run store " + store + " is not a SQLite database or is corrupt (" + m
                    + "); milab left it untouched: move it away and rebuild it from the run folders with "
                    + "'milab runs import DIR'", e);
        }
        return new StoreException("the run store " + store + " failed: " + m, e);
    }

    private static boolean corrupt(int code, String message) {
        return code == SQLITE_NOTADB || code == SQLITE_CORRUPT || message.contains("SQLITE_NOTADB")
                || message.contains("SQLITE_CORRUPT");
    }

    private void rollback() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the transaction was never started or the connection is gone; the next attempt says which
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection surfaces on the next statement
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the run store's lock");
        }
    }
}
