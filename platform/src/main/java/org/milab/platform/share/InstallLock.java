package org.milab.platform.share;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One install or remove at a time per milab home: an operating-system lock on {@code downloads/.lock}, which the
 * system releases when the process ends, even by {@code kill -9}, so a crash never leaves the home locked.
 */
final class InstallLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstallLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails at once naming the other process's home. */
    static InstallLock acquire(ShareHome home) {
        Path file = home.downloads().resolve(".lock");
        try {
            Files.createDirectories(home.downloads());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new InstallLock(channel, lock(channel, home));
        } catch (IOException e) {
            throw ShareException.of(file, "cannot be locked: " + e.getMessage());
        }
    }

    /** The lock; when another process holds it, the channel is closed and the error names the home. */
    private static FileLock lock(FileChannel channel, ShareHome home) throws IOException {
        FileLock lock = tryLock(channel);
        if (lock == null) {
            channel.close();
            throw ShareException.of(home.root(), "another milab is installing or removing plugins here; "
                    + "try again when it has finished");
        }
        return lock;
    }

    /** The lock, or {@code null} when another process (or this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel and the process
        }
    }
}
